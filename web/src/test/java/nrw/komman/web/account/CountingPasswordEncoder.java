package nrw.komman.web.account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A BCrypt DelegatingPasswordEncoder (cheap strength for tests) that counts how often it hashes. */
final class CountingPasswordEncoder implements PasswordEncoder {

    final AtomicInteger matches = new AtomicInteger();
    final AtomicInteger encodes = new AtomicInteger();
    private final PasswordEncoder delegate = new DelegatingPasswordEncoder("bcrypt",
            Map.of("bcrypt", new BCryptPasswordEncoder(4)));

    @Override
    public String encode(CharSequence rawPassword) {
        encodes.incrementAndGet();
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        matches.incrementAndGet();
        return delegate.matches(rawPassword, encodedPassword);
    }

    static PasswordEncoder production() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
