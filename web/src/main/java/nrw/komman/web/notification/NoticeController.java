package nrw.komman.web.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.notification.NoticeDelivery;
import nrw.komman.kernel.notification.NoticeKind;
import nrw.komman.web.account.AccountService;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.page.UiConfiguration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * The signed-in account's notices and its notice settings, for programs. Only the caller's own notices: another
 * account's notice id is unknown (404). Titles and sentences in German, like the rest of the API.
 */
@RestController
@RequestMapping(path = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notices", description = "The signed-in account's notices (Benachrichtigungen): list, unread count, marking as read, e-mail settings")
class NoticeController {

    private static final Locale API_LANGUAGE = UiConfiguration.GERMAN;

    private final NoticeInbox inbox;
    private final NoticeTexts texts;
    private final NoticeSettings settings;

    NoticeController(NoticeInbox inbox, NoticeTexts texts, NoticeSettings settings) {
        this.inbox = inbox;
        this.texts = texts;
        this.settings = settings;
    }

    /**
     * A notice as the API answers it.
     *
     * @param kind     the kind of notice (a NoticeKind)
     * @param link     the path of the platform's page of the item
     * @param facts    what the texts are made of: ids, codes, days (ISO), amounts (cents), a grant's title
     * @param title    the kind in German words
     * @param text     the notice as a German sentence; absent when its facts are incomplete
     * @param readAt   when the account read it; absent: unread
     */
    public record NoticeResponse(String noticeId, String kind, String subjectId, String link, Map<String, String> facts,
                                 String title, String text, Instant occurredAt, Instant readAt) {
    }

    /**
     * @param notices the latest notices (at most 100), newest first
     * @param total   the account's notices of this selection, also those not listed
     * @param unread  the account's unread notices
     */
    public record NoticeList(List<NoticeResponse> notices, long total, long unread) {
    }

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    @GetMapping
    @Operation(summary = "The signed-in account's latest notices (at most 100), newest first; unread=true: the unread ones only")
    public NoticeList notices(@Parameter(description = "only the unread notices") @RequestParam(required = false) Boolean unread) {
        NoticeInbox.Latest latest = inbox.latest(CurrentActor.require(), Boolean.TRUE.equals(unread));
        return new NoticeList(latest.notices().stream().map(this::response).toList(), latest.total(), latest.unread());
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the signed-in account's notices are unread")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(CurrentActor.require()));
    }

    @PostMapping("/{noticeId}/read")
    @Operation(summary = "Mark one of the signed-in account's notices as read (another account's: 404)")
    public ResponseEntity<Void> markRead(@PathVariable String noticeId) {
        inbox.markRead(CurrentActor.require(), noticeId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    @Operation(summary = "Mark all of the signed-in account's notices as read; answers how many were unread")
    public Marked markAllRead() {
        return new Marked(inbox.markAllRead(CurrentActor.require()));
    }

    private NoticeResponse response(Notice n) {
        return new NoticeResponse(n.noticeId(), n.kind(), n.subjectId(), n.link(), n.facts(), texts.title(n.kind(), API_LANGUAGE),
                texts.sentence(n, API_LANGUAGE), n.occurredAt(), n.readAt());
    }

    // ---- settings ------------------------------------------------------------------------------------------------

    /**
     * @param kind            a kind of notice the account's role receives
     * @param delivery        e-mail at once, in the daily digest, or none (the inbox always)
     * @param defaultDelivery what an account that chose nothing gets
     */
    public record KindSetting(@NotNull(message = REQUIRED) NoticeKind kind, @NotNull(message = REQUIRED) NoticeDelivery delivery,
                              NoticeDelivery defaultDelivery) {
    }

    /**
     * @param email      the address for e-mails; empty or absent: none, the inbox only
     * @param language   the language of the texts: de or en
     * @param deliveries per kind of notice the role receives, how it comes by e-mail; kinds not listed keep theirs
     */
    public record SettingsBody(@Size(max = AccountService.MAX_EMAIL_LENGTH, message = TOO_LONG) String email,
                               @NotNull(message = REQUIRED) @Size(max = 2, message = TOO_LONG) String language,
                               @Valid List<@NotNull(message = REQUIRED) KindSetting> deliveries) {
    }

    @GetMapping("/settings")
    @Operation(summary = "The signed-in account's notice settings: address, language, e-mail per kind of notice its role receives")
    public SettingsBody settings() {
        return body(settings.read(CurrentActor.require()));
    }

    @PutMapping(path = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the address (empty: none), the language and, per kind listed, the e-mail choice; a kind the role does not receive is refused")
    public SettingsBody changeSettings(@Valid @RequestBody SettingsBody body) {
        Map<NoticeKind, NoticeDelivery> choices = new EnumMap<>(NoticeKind.class);
        if (body.deliveries() != null) {
            for (KindSetting s : body.deliveries()) {
                if (choices.put(s.kind(), s.delivery()) != null) {
                    throw new InvalidInputException("notice.kind.twice", "Jede Art von Benachrichtigung nur einmal angeben.");
                }
            }
        }
        return body(settings.change(CurrentActor.require(), body.email(), body.language(), choices));
    }

    private static SettingsBody body(NoticeSettings.Settings s) {
        return new SettingsBody(s.email(), s.language(),
                s.choices().stream().map(c -> new KindSetting(c.kind(), c.delivery(), c.defaultDelivery())).toList());
    }
}
