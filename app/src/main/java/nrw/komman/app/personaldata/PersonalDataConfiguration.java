package nrw.komman.app.personaldata;

import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The vault that seals volunteers' personal data in events: per-volunteer keys in the database, wrapped under
 * epoch keys in the key store outside it (ADR 20), rotated on erasure and on a schedule.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    @Bean(initMethod = "start")
    public KeyEpochs keyEpochs(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                               @Value("${komman.personal-data.master-key:}") String masterKey,
                               @Value("${komman.personal-data.key-store:}") String keyStore) {
        if (masterKey.isBlank()) {
            throw new IllegalStateException("komman.personal-data.master-key is not set: give the platform a Base64 "
                    + "AES-256 key through the environment variable KOMMAN_PERSONAL_DATA_MASTER_KEY");
        }
        if (keyStore.isBlank()) {
            throw new IllegalStateException("komman.personal-data.key-store is not set: give the platform the folder of its "
                    + "epoch keys, outside the database and its backups and shared by all nodes, through the environment "
                    + "variable KOMMAN_PERSONAL_DATA_KEY_STORE (docs/operations.md)");
        }
        return new KeyEpochs(jdbc, new TransactionTemplate(transactionManager), clock, Base64.getDecoder().decode(masterKey),
                Path.of(keyStore));
    }

    @Bean
    public JdbcKeyRing keyRing(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, KeyEpochs epochs, Clock clock) {
        return new JdbcKeyRing(jdbc, new TransactionTemplate(transactionManager), epochs, clock);
    }

    @Bean
    public PersonalDataVault personalDataVault(JdbcKeyRing keyRing) {
        return new AesGcmPersonalDataVault(keyRing);
    }

    @Bean(destroyMethod = "close")
    public EpochRotationSchedule epochRotationSchedule(KeyEpochs epochs,
                                                       @Value("${komman.personal-data.epoch-rotation:P7D}") Duration period) {
        return new EpochRotationSchedule(epochs, period);
    }
}
