package nrw.komman.web.notification;

import jakarta.validation.Valid;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.notification.NoticeDelivery;
import nrw.komman.kernel.notification.NoticeKind;
import nrw.komman.web.account.AccountService;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The account's own notice settings: the address for e-mails (empty: none), the language, and per kind of notice its
 * role receives "sofort", "täglich gesammelt" or "aus", grouped by what the notices are about. A wrong address is said
 * next to its field and nothing is saved.
 */
@PageController
class NoticeSettingsPages {

    static final String PATH = "/benachrichtigungen/einstellungen";
    static final Map<String, String> FIELDS = Map.of("email", "email", "language", "language");

    private final NoticeSettings settings;
    private final FormPage forms;

    NoticeSettingsPages(NoticeSettings settings, FormPage forms) {
        this.settings = settings;
        this.forms = forms;
    }

    /** The kinds of one subject, as the page groups them. */
    record Group(String key, List<NoticeSettings.Choice> choices) {
    }

    @GetMapping(PATH)
    String form(Model model) {
        NoticeSettings.Settings current = settings.read(CurrentActor.require());
        NoticeSettingsForm form = new NoticeSettingsForm();
        form.setEmail(current.email());
        form.setLanguage(current.language());
        current.choices().forEach(c -> form.getDeliveries().put(c.kind().name(), c.delivery().name()));
        model.addAttribute("form", form);
        return page(current, model);
    }

    @PostMapping(PATH)
    String save(@Valid @ModelAttribute("form") NoticeSettingsForm form, BindingResult binding, Model model, Locale locale,
                RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        return forms.post(binding, model, locale, FIELDS)
                .alsoCheck(() -> AccountService.checkContact(form.getEmail(), form.getLanguage()))
                .run(() -> settings.change(actor, form.getEmail(), form.getLanguage(), choices(form.getDeliveries())))
                .confirm(redirect, "notice.settings.saved")
                .redirectTo(PATH)
                .orShowAgain(() -> page(settings.read(actor), model));
    }

    /** The posted choices; a kind or a choice the page does not offer is refused, not ignored. */
    static Map<NoticeKind, NoticeDelivery> choices(Map<String, String> posted) {
        Map<NoticeKind, NoticeDelivery> choices = new EnumMap<>(NoticeKind.class);
        for (Map.Entry<String, String> e : posted.entrySet()) {
            NoticeKind kind;
            NoticeDelivery delivery;
            try {
                kind = NoticeKind.valueOf(e.getKey());
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new InvalidInputException("notice.kind.unknown", "Diese Art von Benachrichtigung gibt es nicht.");
            }
            try {
                delivery = NoticeDelivery.valueOf(String.valueOf(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new InvalidInputException("notice.delivery.unknown",
                        "Bitte für jede Art von Benachrichtigung „sofort“, „täglich gesammelt“ oder „aus“ wählen.");
            }
            choices.put(kind, delivery);
        }
        return choices;
    }

    private String page(NoticeSettings.Settings current, Model model) {
        Map<String, List<NoticeSettings.Choice>> groups = new LinkedHashMap<>();
        for (NoticeSettings.Choice c : current.choices()) {
            groups.computeIfAbsent(subject(c.kind()), k -> new ArrayList<>()).add(c);
        }
        model.addAttribute("groups", groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
        model.addAttribute("deliveries", NoticeDelivery.values());
        model.addAttribute("fieldOrder", List.of("email", "language"));
        model.addAttribute("nav", "notices");
        return "notification/settings";
    }

    /** What a kind of notice is about: grants, their dates, or requests for help. */
    static String subject(NoticeKind kind) {
        return switch (kind) {
            case USAGE_REPORT_DUE_SOON, USAGE_REPORT_OVERDUE, USAGE_REPORT_DUE_EXTENDED, TRANCHE_SPENDING_OVERDUE,
                 REVIEW_OVERDUE, DECISION_OVERDUE -> "dates";
            case ASSIGNMENT_CONFIRMED, ASSIGNMENT_DECLINED, REQUEST_UNSTAFFED, ASSIGNMENT_ASKED, ASSIGNMENT_REMINDER -> "coordination";
            default -> "grants";
        };
    }
}
