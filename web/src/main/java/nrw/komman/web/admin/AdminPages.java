package nrw.komman.web.admin;

import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.account.AccountForm;
import nrw.komman.web.account.PasswordForm;
import jakarta.validation.Valid;
import nrw.komman.kernel.admin.FetchReadModelStatusQuery;
import nrw.komman.kernel.admin.ReadModelStatus;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.account.Account;
import nrw.komman.web.account.AccountService;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.page.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The administrator's pages: accounts (create, disable, enable, reset the password) through the same
 * {@link AccountService} as the API, and the read models' status with the rebuild button.
 */
@PageController
public class AdminPages {

    static final Map<String, String> ACCOUNT_FIELDS = Map.ofEntries(entry("username", "username"),
            entry("account.exists", "username"), entry("password", "password"), entry("role", "role"),
            entry("centreId", "centreId"), entry("centre", "centreId"));
    static final List<String> ACCOUNT_ORDER = List.of("username", "password", "role", "centreId");

    private final AccountService accounts;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final MessageSource messages;

    public AdminPages(AccountService accounts, CommandDispatcher commands, QueryDispatcher queries, MessageSource messages) {
        this.accounts = accounts;
        this.commands = commands;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping("/verwaltung/konten")
    public String accounts(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("now", accounts.now());
        model.addAttribute("nav", "accounts");
        return "admin/accounts";
    }

    @GetMapping("/verwaltung/konten/neu")
    public String createForm(Model model) {
        model.addAttribute("form", new AccountForm());
        return createPage(model);
    }

    @PostMapping("/verwaltung/konten")
    public String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model, Locale locale,
                         RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
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
                Account account = accounts.create(form.getUsername(), form.getPassword(), form.getRole(), centre,
                        CurrentActor.require().account());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.account.created",
                        new Object[]{account.username()}, locale));
                return "redirect:/verwaltung/konten";
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, ACCOUNT_FIELDS, messages, locale)) {
                    throw e;
                }
            }
        }
        form.setPassword(null);
        model.addAttribute("formHasErrors", true);
        return createPage(model);
    }

    private String createPage(Model model) {
        model.addAttribute("roles", Arrays.stream(AccountRole.values()).filter(r -> r != AccountRole.SYSTEM).toList());
        model.addAttribute("centres", queries.list(new FindCentresQuery(), CentreView.class));
        model.addAttribute("fieldOrder", ACCOUNT_ORDER);
        model.addAttribute("nav", "new-account");
        return "admin/account-form";
    }

    @PostMapping("/verwaltung/konten/{username}/sperre")
    public String disable(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        return change(username, true, locale, redirect);
    }

    @PostMapping("/verwaltung/konten/{username}/freigabe")
    public String enable(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        return change(username, false, locale, redirect);
    }

    /** Ends a lockout after failed sign-ins (ADR 13). */
    @PostMapping("/verwaltung/konten/{username}/entsperren")
    public String unlock(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        accounts.unlock(account.username(), CurrentActor.require().account());
        redirect.addFlashAttribute("confirmation", messages.getMessage("ui.account.unlocked", new Object[]{account.username()}, locale));
        return "redirect:/verwaltung/konten";
    }

    private String change(String username, boolean disable, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        try {
            if (disable) {
                accounts.disable(account.username(), CurrentActor.require().account());
            } else {
                accounts.enable(account.username(), CurrentActor.require().account());
            }
            redirect.addFlashAttribute("confirmation", messages.getMessage(disable ? "ui.account.disabled" : "ui.account.enabled",
                    new Object[]{account.username()}, locale));
        } catch (RuntimeException e) {
            MapBindingResult binding = new MapBindingResult(new HashMap<>(), "action");
            if (!FormErrors.reject(binding, e, Map.of(), messages, locale)) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", binding.getGlobalError().getDefaultMessage());
        }
        return "redirect:/verwaltung/konten";
    }

    @GetMapping("/verwaltung/konten/{username}/passwort")
    public String passwordForm(@PathVariable String username, Model model) {
        model.addAttribute("form", new PasswordForm());
        return passwordPage(accounts.get(username), model);
    }

    @PostMapping("/verwaltung/konten/{username}/passwort")
    public String resetPassword(@PathVariable String username, @Valid @ModelAttribute("form") PasswordForm form,
                                BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        Account account = accounts.get(username);
        if (!binding.hasErrors()) {
            try {
                accounts.resetPassword(account.username(), form.getPassword(), CurrentActor.require().account());
                redirect.addFlashAttribute("confirmation", messages.getMessage("ui.account.password-reset",
                        new Object[]{account.username()}, locale));
                return "redirect:/verwaltung/konten";
            } catch (RuntimeException e) {
                if (!FormErrors.reject(binding, e, Map.of("password", "password"), messages, locale)) {
                    throw e;
                }
            }
        }
        form.setPassword(null);
        model.addAttribute("formHasErrors", true);
        return passwordPage(account, model);
    }

    private String passwordPage(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("fieldOrder", List.of("password"));
        model.addAttribute("nav", "accounts");
        return "admin/password";
    }

    @GetMapping("/verwaltung/lesemodelle")
    public String readModels(Model model) {
        model.addAttribute("processors", queries.list(new FetchReadModelStatusQuery(), ReadModelStatus.class));
        model.addAttribute("nav", "read-models");
        return "admin/read-models";
    }

    @PostMapping("/verwaltung/lesemodelle/neuaufbau")
    public String rebuild(Locale locale, RedirectAttributes redirect) {
        try {
            commands.send(new RebuildReadModelsCommand());
            redirect.addFlashAttribute("confirmation", messages.getMessage("ui.read-models.rebuilding", null, locale));
        } catch (RuntimeException e) {
            MapBindingResult binding = new MapBindingResult(new HashMap<>(), "action");
            if (!FormErrors.reject(binding, e, Map.of(), messages, locale)) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", binding.getGlobalError().getDefaultMessage());
        }
        return "redirect:/verwaltung/lesemodelle";
    }
}
