package nrw.komman.web.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs in against the {@code account} table; the principal is an {@link AccountPrincipal}. */
@Component
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    public AccountUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.loadPrincipal(username).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
