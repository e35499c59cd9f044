package nrw.komman.web.platform.page;

import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Optional;

/**
 * Sign-in page, the start page fitting the role, and the accessibility statement. The sign-in form
 * posts to Spring Security ({@code POST /login}); sign-out is {@code POST /logout}.
 */
@PageController
class HomeController {

    @GetMapping("/login")
    public String login() {
        return CurrentActor.principal().isPresent() ? "redirect:/" : "login";
    }

    /** Each role starts at its main task: the centre's dashboard, the review inbox, the decisions, the grant search, the accounts; any other role gets a start page. */
    @GetMapping("/")
    public String start() {
        Optional<AccountPrincipal> principal = CurrentActor.principal();
        if (principal.isEmpty()) {
            return "redirect:/login";
        }
        return switch (principal.get().role()) {
            case COORDINATOR -> "redirect:/zentrum";
            case GRANT_OFFICER -> "redirect:/pruefung";
            case MINISTRY -> "redirect:/entscheidungen";
            case AUDITOR -> "redirect:/zuwendungen";
            case ADMINISTRATOR -> "redirect:/verwaltung/konten";
            default -> "start";
        };
    }

    @GetMapping("/barrierefreiheit")
    public String accessibilityStatement() {
        return "accessibility";
    }
}
