package nrw.komman.web.ui;

import nrw.komman.kernel.common.Role;
import nrw.komman.web.security.AccountPrincipal;
import nrw.komman.web.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Optional;

/**
 * Sign-in page, the start page fitting the role, and the accessibility statement. The sign-in form
 * posts to Spring Security ({@code POST /login}); sign-out is {@code POST /logout}.
 */
@Controller
public class HomeController {

    @GetMapping("/login")
    public String login() {
        return CurrentActor.principal().isPresent() ? "redirect:/" : "login";
    }

    /** Coordinators go to their centre's dashboard; the other roles get a start page with their links. */
    @GetMapping("/")
    public String start() {
        Optional<AccountPrincipal> principal = CurrentActor.principal();
        if (principal.isEmpty()) {
            return "redirect:/login";
        }
        if (principal.get().role() == Role.COORDINATOR) {
            return "redirect:/zentrum";
        }
        return "start";
    }

    @GetMapping("/barrierefreiheit")
    public String accessibilityStatement() {
        return "accessibility";
    }
}
