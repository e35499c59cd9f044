package nrw.komman.web.account;

import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.page.PageController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Map.entry;

/**
 * The administrator's account pages: the accounts, creating one, disabling, enabling, unlocking and resetting
 * the password, through the same {@link AccountService} as the API. A typed password is never shown again.
 */
@PageController
class AccountPages {

    static final Map<String, String> ACCOUNT_FIELDS = Map.ofEntries(entry("username", "username"),
            entry("account.exists", "username"), entry("password", "password"), entry("role", "role"),
            entry("centreId", "centreId"), entry("centre", "centreId"), entry("email", "email"), entry("language", "language"));
    static final Map<String, String> CONTACT_FIELDS = Map.of("email", "email", "language", "language");
    static final List<String> ACCOUNT_ORDER = List.of("username", "password", "role", "centreId", "email", "language");

    private final FormPage forms;
    private final AccountService accounts;
    private final QueryDispatcher queries;

    AccountPages(FormPage forms, AccountService accounts, QueryDispatcher queries) {
        this.forms = forms;
        this.accounts = accounts;
        this.queries = queries;
    }

    @GetMapping("/verwaltung/konten")
    String accounts(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("now", accounts.now());
        model.addAttribute("nav", "accounts");
        return "admin/accounts";
    }

    @GetMapping("/verwaltung/konten/neu")
    String createForm(Model model) {
        model.addAttribute("form", new AccountForm());
        return createPage(model);
    }

    @PostMapping("/verwaltung/konten")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model, Locale locale,
                  RedirectAttributes redirect) {
        AtomicReference<Account> created = new AtomicReference<>();
        return forms.post(binding, model, locale, ACCOUNT_FIELDS)
                .alsoCheck(() -> AccountService.checkContact(form.getEmail(), form.getLanguage()))
                .run(() -> created.set(create(form)))
                .confirm(redirect, "ui.account.created", () -> new Object[]{created.get().username()})
                .redirectTo("/verwaltung/konten")
                .orShowAgain(() -> {
                    form.setPassword(null);
                    return createPage(model);
                });
    }

    /** Creates the account; a coordinator's centre must exist and be established (refused on the form otherwise). */
    private Account create(AccountForm form) {
        CentreId centre = Ids.optional("centreId", form.getCentreId(), CentreId::new);
        if (centre != null && form.getRole() == AccountRole.COORDINATOR) {
            CentreView view = queries.optional(new FindCentreQuery(centre), CentreView.class)
                    .orElseThrow(() -> new InvalidFieldException("centreId", "centre.not-found",
                            "Das Integrationszentrum " + centre + " gibt es nicht."));
            if (!view.established() || view.closedOn() != null) {
                throw new InvalidFieldException("centreId", "centre.not-established",
                        "Das Integrationszentrum " + centre + " ist nicht (mehr) eingerichtet.");
            }
        }
        return accounts.create(form.getUsername(), form.getPassword(), form.getRole(), centre,
                new AccountContact(form.getEmail(), form.getLanguage()), CurrentActor.require().account());
    }

    private String createPage(Model model) {
        model.addAttribute("roles", Arrays.stream(AccountRole.values()).filter(AccountService::assignable).toList());
        model.addAttribute("centres", queries.list(new FindCentresQuery(), CentreView.class));
        model.addAttribute("fieldOrder", ACCOUNT_ORDER);
        model.addAttribute("nav", "new-account");
        return "admin/account-form";
    }

    /** Disabling signs the account out everywhere: a page says so first, and only its button disables (ADR 31). */
    @GetMapping("/verwaltung/konten/{username}/sperre")
    String disableConfirmation(@PathVariable String username, Model model, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        if (!account.enabled()) {
            redirect.addFlashAttribute("refusal", forms.text("ui.account.already-disabled", locale, account.username()));
            return "redirect:/verwaltung/konten";
        }
        model.addAttribute("account", account);
        model.addAttribute("nav", "accounts");
        return "admin/account-disable-confirm";
    }

    @PostMapping("/verwaltung/konten/{username}/sperre")
    String disable(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        return forms.press(() -> accounts.disable(account.username(), CurrentActor.require().account()), redirect, locale,
                () -> forms.text("ui.account.disabled", locale, account.username()), "/verwaltung/konten");
    }

    @PostMapping("/verwaltung/konten/{username}/freigabe")
    String enable(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        return forms.press(() -> accounts.enable(account.username(), CurrentActor.require().account()), redirect, locale,
                () -> forms.text("ui.account.enabled", locale, account.username()), "/verwaltung/konten");
    }

    /** Ends a lockout after failed sign-ins (ADR 13). */
    @PostMapping("/verwaltung/konten/{username}/entsperren")
    String unlock(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        accounts.unlock(account.username(), CurrentActor.require().account());
        redirect.addFlashAttribute("confirmation", forms.text("ui.account.unlocked", locale, account.username()));
        return "redirect:/verwaltung/konten";
    }

    /** An account's address and language for notices (issue 19); the account may change them itself, too. */
    @GetMapping("/verwaltung/konten/{username}/kontakt")
    String contactForm(@PathVariable String username, Model model) {
        Account account = accounts.get(username);
        AccountContact contact = accounts.contact(account.username());
        ContactForm form = new ContactForm();
        form.setEmail(contact.email());
        form.setLanguage(contact.language());
        model.addAttribute("form", form);
        return contactPage(account, model);
    }

    @PostMapping("/verwaltung/konten/{username}/kontakt")
    String changeContact(@PathVariable String username, @Valid @ModelAttribute("form") ContactForm form, BindingResult binding,
                         Model model, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        return forms.post(binding, model, locale, CONTACT_FIELDS)
                .run(() -> accounts.changeContact(account.username(), form.getEmail(), form.getLanguage(),
                        CurrentActor.require().account()))
                .confirm(redirect, "ui.account.contact-changed", () -> new Object[]{account.username()})
                .redirectTo("/verwaltung/konten")
                .orShowAgain(() -> contactPage(account, model));
    }

    private String contactPage(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("fieldOrder", List.of("email", "language"));
        model.addAttribute("nav", "accounts");
        return "admin/contact";
    }

    @GetMapping("/verwaltung/konten/{username}/passwort")
    String passwordForm(@PathVariable String username, Model model) {
        model.addAttribute("form", new PasswordForm());
        return passwordPage(accounts.get(username), model);
    }

    @PostMapping("/verwaltung/konten/{username}/passwort")
    String resetPassword(@PathVariable String username, @Valid @ModelAttribute("form") PasswordForm form,
                         BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        return forms.post(binding, model, locale, Map.of("password", "password"))
                .run(() -> accounts.resetPassword(account.username(), form.getPassword(), CurrentActor.require().account()))
                .confirm(redirect, "ui.account.password-reset", () -> new Object[]{account.username()})
                .redirectTo("/verwaltung/konten")
                .orShowAgain(() -> {
                    form.setPassword(null);
                    return passwordPage(account, model);
                });
    }

    private String passwordPage(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("fieldOrder", List.of("password"));
        model.addAttribute("nav", "accounts");
        return "admin/password";
    }
}
