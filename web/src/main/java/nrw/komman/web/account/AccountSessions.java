package nrw.komman.web.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Ends the browser sessions of an account on every node at once (ADR 23): the sessions live in the database
 * (Spring Session JDBC), indexed by the signed-in account's name, so deleting an account's rows signs it out
 * everywhere; the next request with such a session's cookie is anonymous and goes to the sign-in page.
 *
 * <p>Called when an account is disabled, its password is set anew (by an administrator, or by its owner, whose
 * current session may stay) or its role or centre changes; and by whoever else must throw an account out (for
 * example a reset of an administrator's sign-in on the server). Inside a transaction the sessions end only after it
 * commits: ended before, a sign-in on another node could still read the old state and start a new session.
 */
@Service
public class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final Supplier<FindByIndexNameSessionRepository<? extends Session>> sessions;

    @Autowired
    public AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions::getIfAvailable;
    }

    /** On this repository; null: there are no shared sessions to end (tests of the accounts alone). */
    public AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = () -> sessions;
    }

    /** Ends every session of the account; answers how many there were (0 after commit when deferred). */
    public int endAll(String username) {
        return endAllExcept(username, null);
    }

    /**
     * Ends every session of the account but the one with this id (the owner's current session after they set a new
     * password); {@code keep} may be null.
     */
    public int endAllExcept(String username, String keep) {
        String name = CredentialCache.normalise(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(name, keep);
                }
            });
            return 0;
        }
        return end(name, keep);
    }

    private int end(String username, String keep) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.get();
        if (repository == null) {
            // only without Spring Session (a test context of the web module alone): nothing is shared to end
            log.warn("No session repository: the sessions of {} cannot be ended", username);
            return 0;
        }
        Set<String> ids = repository.findByPrincipalName(username).keySet();
        int ended = 0;
        for (String id : ids) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of account {}", ended, username);
        }
        return ended;
    }
}
