package nrw.komman.web.notification;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.notification.NoticeDelivery;
import nrw.komman.kernel.notification.NoticeKind;
import nrw.komman.web.account.AccountContact;
import nrw.komman.web.account.AccountService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An account's own choices for its notices: the address and language (the account's, {@link AccountService}) and, per
 * kind of notice its role receives, e-mail at once, in a daily digest or not at all (table {@code notice_preference},
 * V44). Only a choice other than the kind's default is kept as a row, so a kind whose default changes later changes for
 * everyone who did not choose. The inbox receives every notice whatever is chosen.
 */
@Component
public class NoticeSettings {

    private final JdbcTemplate jdbc;
    private final AccountService accounts;

    public NoticeSettings(JdbcTemplate jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** How the account is told of one kind: its choice, and the kind's default for an account that chose nothing. */
    public record Choice(NoticeKind kind, NoticeDelivery delivery, NoticeDelivery defaultDelivery) {
    }

    /** The account's settings: address (null: none), language (de, en) and a choice per kind its role receives. */
    public record Settings(String email, String language, List<Choice> choices) {
    }

    /** The kinds of notice an account of the role receives in its inbox (a volunteer's go to the volunteer, not here). */
    public static List<NoticeKind> kindsFor(AccountRole role) {
        return Arrays.stream(NoticeKind.values()).filter(k -> !k.toVolunteer() && k.tells(role)).toList();
    }

    public Settings read(Actor actor) {
        Permissions.require(actor, Action.READ_OWN_NOTICES);
        AccountContact contact = accounts.contact(actor.account());
        Map<NoticeKind, NoticeDelivery> chosen = new EnumMap<>(NoticeKind.class);
        jdbc.query("select kind, delivery from notice_preference where username = ?", rs -> {
            try {
                chosen.put(NoticeKind.valueOf(rs.getString("kind")), NoticeDelivery.valueOf(rs.getString("delivery")));
            } catch (IllegalArgumentException e) {
                // a kind this version no longer knows: not shown, not applied
            }
        }, actor.account());
        List<Choice> choices = kindsFor(actor.role()).stream()
                .map(k -> new Choice(k, chosen.getOrDefault(k, k.defaultDelivery()), k.defaultDelivery())).toList();
        return new Settings(contact.email(), contact.language(), choices);
    }

    /**
     * Sets the address, the language and the choices given (kinds not given keep theirs); everything is checked before
     * anything is written, and a kind the account's role does not receive is refused.
     */
    @Transactional
    public Settings change(Actor actor, String email, String language, Map<NoticeKind, NoticeDelivery> choices) {
        Permissions.require(actor, Action.READ_OWN_NOTICES);
        AccountService.checkContact(email, language);
        List<NoticeKind> kinds = kindsFor(actor.role());
        for (Map.Entry<NoticeKind, NoticeDelivery> choice : choices.entrySet()) {
            if (choice.getKey() == null || !kinds.contains(choice.getKey())) {
                throw new InvalidInputException("notice.kind.not-for-role",
                        "Diese Art von Benachrichtigung erhält Ihre Rolle nicht; dafür gibt es keine Einstellung.");
            }
            if (choice.getValue() == null) {
                throw new InvalidInputException("notice.delivery.missing",
                        "Bitte für jede Art von Benachrichtigung „sofort“, „täglich gesammelt“ oder „aus“ wählen.");
            }
        }
        accounts.changeContact(actor.account(), email, language, actor.account());
        try {
            choices.forEach((kind, delivery) -> {
                jdbc.update("delete from notice_preference where username = ? and kind = ?", actor.account(), kind.name());
                if (delivery != kind.defaultDelivery()) {
                    jdbc.update("insert into notice_preference (username, kind, delivery) values (?, ?, ?)",
                            actor.account(), kind.name(), delivery.name());
                }
            });
        } catch (DuplicateKeyException e) { // the same account saved twice at once: one wins, this one is rolled back
            throw new RuleViolationException("notice.settings.concurrent",
                    "Die Einstellungen wurden gerade gleichzeitig gespeichert. Bitte prüfen und noch einmal speichern.");
        }
        return read(actor);
    }
}
