package nrw.komman.web.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator ({@code komman.admin.*}), created on first start when no enabled
 * administrator exists.
 *
 * @param username the account's name
 * @param password its password, usually from the environment variable {@code KOMMAN_ADMIN_PASSWORD};
 *                 when empty a strong one is generated and printed once to the log
 */
@ConfigurationProperties("komman.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {
}
