package nrw.komman.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every signed-in person sets their own password, proving the current one. Their other browser sessions end on every
 * node; the one they do it in stays (ADR 23). A typed password is never shown again.
 */
@PageController
class OwnPasswordPages {

    /** Which field a refusal's code is about (longest prefix wins). */
    static final Map<String, String> FIELDS = Map.of("password", "password", "password.current", "currentPassword",
            "currentPassword", "currentPassword");

    private final FormPage forms;
    private final AccountService accounts;

    OwnPasswordPages(FormPage forms, AccountService accounts) {
        this.forms = forms;
        this.accounts = accounts;
    }

    @GetMapping("/konto/passwort")
    String form(Model model) {
        model.addAttribute("form", new OwnPasswordForm());
        return page(model);
    }

    @PostMapping("/konto/passwort")
    String change(@Valid @ModelAttribute("form") OwnPasswordForm form, BindingResult binding, Model model, Locale locale,
                  HttpServletRequest request, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        String account = CurrentActor.require().account();
        return forms.post(binding, model, locale, FIELDS)
                .run(() -> accounts.changeOwnPassword(account, form.getCurrentPassword(), form.getPassword(),
                        session == null ? null : session.getId()))
                .confirm(redirect, "ui.own-password.changed")
                .redirectTo("/")
                .orShowAgain(() -> {
                    form.setCurrentPassword(null);
                    form.setPassword(null);
                    return page(model);
                });
    }

    private String page(Model model) {
        model.addAttribute("fieldOrder", List.of("currentPassword", "password"));
        return "account/own-password";
    }
}
