package nrw.komman.app.personaldata;

import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Base64;

/** The vault that seals volunteers' personal data in events, with its keys in the database. */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    @Bean
    public PersonalDataVault personalDataVault(JdbcTemplate jdbc, Clock clock,
                                               @Value("${komman.personal-data.master-key:}") String masterKey) {
        if (masterKey.isBlank()) {
            throw new IllegalStateException("komman.personal-data.master-key is not set: give the platform a Base64 "
                    + "AES-256 key through the environment variable KOMMAN_PERSONAL_DATA_MASTER_KEY");
        }
        return new AesGcmPersonalDataVault(new JdbcKeyRing(jdbc, Base64.getDecoder().decode(masterKey), clock));
    }
}
