package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.web.platform.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The form-page flow on its own: what runs, in which order, and where a refusal goes. */
class FormPageTest {

    private static final Locale GERMAN = Locale.GERMAN;
    private static final Map<String, String> FIELDS = Map.of("amount", "amount");

    private final CommandDispatcher commands = mock(CommandDispatcher.class);
    private final StaticMessageSource messages = new StaticMessageSource();
    private final FormPage forms = new FormPage(commands, messages);
    private final BindingResult binding = new MapBindingResult(new HashMap<>(), "form");
    private final ExtendedModelMap model = new ExtendedModelMap();
    private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

    FormPageTest() {
        messages.addMessage("ui.done", GERMAN, "Erledigt: {0}.");
    }

    @Test
    void a_valid_form_sends_the_command_then_confirms_and_redirects() {
        List<String> order = new ArrayList<>();
        String view = forms.post(binding, model, GERMAN, FIELDS)
                .send(() -> "the command", "aggregate-1")
                .run(() -> order.add("after the command"))
                .confirm(redirect, "ui.done", () -> new Object[]{order.size()})
                .redirectTo("/ziel")
                .orShowAgain(() -> "form");

        assertThat(view).isEqualTo("redirect:/ziel");
        verify(commands).sendAndAwait("the command", "aggregate-1");
        assertThat(redirect.getFlashAttributes().get("confirmation")).isEqualTo("Erledigt: 1.");
        assertThat(model).doesNotContainKey("formHasErrors");
    }

    @Test
    void a_wrong_input_shows_the_form_again_and_sends_nothing() {
        binding.reject("required", "fehlt");
        String view = forms.post(binding, model, GERMAN, FIELDS)
                .send(() -> {
                    throw new AssertionError("no command is built for a wrong input");
                }, "aggregate-1")
                .confirm(redirect, "ui.done", () -> new Object[]{"x"})
                .redirectTo("/ziel")
                .orShowAgain(() -> "form");

        assertThat(view).isEqualTo("form");
        assertThat(model).containsEntry("formHasErrors", true);
        assertThat(redirect.getFlashAttributes()).isEmpty();
        verifyNoInteractions(commands);
    }

    @Test
    void a_refusal_of_the_command_side_goes_next_to_its_field_and_shows_the_form_again() {
        doThrow(new RuleViolationException("amount.too-high", "Der Betrag ist zu hoch.")).when(commands).sendAndAwait(any(), any());
        String view = forms.post(binding, model, GERMAN, FIELDS)
                .send(() -> "the command", "aggregate-1")
                .confirm(redirect, "ui.done", () -> new Object[]{"x"})
                .redirectTo("/ziel")
                .orShowAgain(() -> "form");

        assertThat(view).isEqualTo("form");
        assertThat(binding.getFieldError("amount").getDefaultMessage()).isEqualTo("Der Betrag ist zu hoch.");
        assertThat(model).containsEntry("formHasErrors", true);
        assertThat(redirect.getFlashAttributes()).isEmpty();
    }

    @Test
    void not_allowed_goes_on_to_the_error_page_unless_the_form_keeps_it() {
        ForbiddenException fourEyes = new ForbiddenException("grant.four-eyes", "Nicht dieselbe Person.");
        doThrow(fourEyes).when(commands).sendAndAwait(any(), any());

        assertThatThrownBy(() -> forms.post(binding, model, GERMAN, FIELDS)
                .send(() -> "the command", "aggregate-1")
                .redirectTo("/ziel")
                .orShowAgain(() -> "form")).isSameAs(fourEyes);

        String view = forms.post(binding, model, GERMAN, FIELDS)
                .keepingOnForm(Set.of("grant.four-eyes"))
                .send(() -> "the command", "aggregate-1")
                .redirectTo("/ziel")
                .orShowAgain(() -> "form");
        assertThat(view).isEqualTo("form");
        assertThat(binding.getGlobalError().getDefaultMessage()).isEqualTo("Nicht dieselbe Person.");
    }

    @Test
    void a_refused_button_says_why_on_the_page_it_redirects_to() {
        String view = forms.press(() -> {
            throw new RuleViolationException("volunteer.inactive", "Bereits inaktiv.");
        }, redirect, GERMAN, () -> "nie gezeigt", "/ehrenamtliche/1");

        assertThat(view).isEqualTo("redirect:/ehrenamtliche/1");
        assertThat(redirect.getFlashAttributes().get("refusal")).isEqualTo("Bereits inaktiv.");
        assertThat(redirect.getFlashAttributes()).doesNotContainKey("confirmation");
    }
}
