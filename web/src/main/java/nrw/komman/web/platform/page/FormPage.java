package nrw.komman.web.platform.page;

import nrw.komman.web.platform.CommandDispatcher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one flow of every form page: when the input's format is fine, do the step (as a rule one command
 * through the {@link CommandDispatcher}), then post-redirect-get with a confirmation; when the input is
 * wrong or the command side refuses, the reason goes onto the form ({@link FormErrors}) and the form is
 * shown again. Refusals that are not about the form (403, 404) and failures go on to the error page.
 *
 * <pre>{@code
 * return forms.post(binding, model, locale, FIELDS)
 *         .send(() -> new SomeCommand(...), aggregateId)
 *         .confirm(redirect, "ui.some.done", () -> new Object[]{name})
 *         .redirectTo("/somewhere/" + id)
 *         .orShowAgain(() -> formPage(model));
 * }</pre>
 */
@Component
public class FormPage {

    private final CommandDispatcher commands;
    private final MessageSource messages;

    public FormPage(CommandDispatcher commands, MessageSource messages) {
        this.commands = commands;
        this.messages = messages;
    }

    /**
     * A posted form.
     *
     * @param fieldsByCodePrefix which form field a refusal's code is about (longest prefix wins; see {@link FormErrors})
     */
    public Submission post(BindingResult binding, Model model, Locale locale, Map<String, String> fieldsByCodePrefix) {
        return new Submission(binding, model, locale, fieldsByCodePrefix);
    }

    /**
     * A button without input (deactivate, enable, rebuild): the step, a confirmation and the redirect; a refusal
     * (e.g. "already inactive" after a second click) is said on the page it redirects to, not as an error page.
     */
    public String press(Runnable step, RedirectAttributes redirect, Locale locale, Supplier<String> confirmation, String target) {
        try {
            step.run();
            redirect.addFlashAttribute("confirmation", confirmation.get());
        } catch (RuntimeException e) {
            MapBindingResult binding = new MapBindingResult(new HashMap<>(), "action");
            if (!FormErrors.reject(binding, e, Map.of(), messages, locale)) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", binding.getGlobalError().getDefaultMessage());
        }
        return "redirect:" + target;
    }

    /** The text of a message of the bundle, for confirmations. */
    public String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments.length == 0 ? null : arguments, locale);
    }

    /**
     * The steps of one posted form, collected first and run by {@link #orShowAgain} in the order given, so a
     * confirmation can read what a command has just changed.
     */
    public final class Submission {

        private final BindingResult binding;
        private final Model model;
        private final Locale locale;
        private final Map<String, String> fields;
        private final List<Runnable> steps = new ArrayList<>();
        private final List<Runnable> inputChecks = new ArrayList<>();
        private Set<String> forbiddenOnForm = Set.of();
        private Supplier<String> outcome;

        private Submission(BindingResult binding, Model model, Locale locale, Map<String, String> fields) {
            this.binding = binding;
            this.model = model;
            this.locale = locale;
            this.fields = fields;
        }

        /** "Not allowed" refusals that concern the form after all and stay on it (e.g. the four-eyes rule). */
        public Submission keepingOnForm(Set<String> codes) {
            this.forbiddenOnForm = codes;
            return this;
        }

        /** Sends the command (built only once the input is fine) and waits until the aggregate's read models show it. */
        public Submission send(Supplier<?> command, Object aggregateId) {
            steps.add(() -> commands.sendAndAwait(command.get(), aggregateId));
            return this;
        }

        /** Builds the command without sending it: the shared kernel's input checks, before a confirmation page. */
        public Submission check(Supplier<?> command) {
            steps.add(command::get);
            return this;
        }

        /**
         * Checks of the shared kernel that need no state (a duration within 24 hours, a date not in the future, an
         * address or a phone number), run even when the form already has field errors, so that one answer names
         * every problem of the input whichever layer finds it. Each check runs on its own; a check skips a value
         * that did not parse (that field has its error already). A refusal lands on its field unless that field
         * has an error, or on the form. The command side checks the same rules again with the same code.
         */
        public Submission alsoCheck(Runnable... checks) {
            inputChecks.addAll(List.of(checks));
            return this;
        }

        /** A step that is not a command (accounts, the retention run); it may refuse as a command does. */
        public Submission run(Runnable step) {
            steps.add(step);
            return this;
        }

        /**
         * The confirmation on the next page, from the bundle. The arguments are read after the steps ran, never for
         * a wrong input (an amount that did not parse is null).
         */
        public Submission confirm(RedirectAttributes redirect, String code, Supplier<Object[]> arguments) {
            return flash(redirect, "confirmation", () -> text(code, locale, arguments.get()));
        }

        /** The confirmation on the next page, from the bundle, without arguments. */
        public Submission confirm(RedirectAttributes redirect, String code) {
            return flash(redirect, "confirmation", () -> text(code, locale));
        }

        /** Something else for the next page, read after the steps ran. */
        public Submission flash(RedirectAttributes redirect, String name, Supplier<?> value) {
            steps.add(() -> redirect.addFlashAttribute(name, value.get()));
            return this;
        }

        /** Post-redirect-get to this path once the steps ran; the path is read after them. */
        public Submission redirectTo(Supplier<String> path) {
            this.outcome = () -> "redirect:" + path.get();
            return this;
        }

        public Submission redirectTo(String path) {
            return redirectTo(() -> path);
        }

        /** Not a redirect but this page once the steps ran (e.g. a confirmation page before the real step). */
        public Submission thenShow(Supplier<String> page) {
            this.outcome = page;
            return this;
        }

        /**
         * Runs the steps when the input is fine.
         *
         * @param form the form page again, with the input and its errors ({@code formHasErrors} is set)
         * @return the outcome after the steps, or the form again
         */
        public String orShowAgain(Supplier<String> form) {
            if (outcome == null) {
                throw new IllegalStateException("a form page needs a redirect or a page after its steps");
            }
            for (Runnable check : inputChecks) {
                try {
                    check.run();
                } catch (RuntimeException e) {
                    if (!FormErrors.reject(binding, e, fields, forbiddenOnForm, messages, locale)) {
                        throw e;
                    }
                }
            }
            if (!binding.hasErrors()) {
                try {
                    steps.forEach(Runnable::run);
                    return outcome.get();
                } catch (RuntimeException e) {
                    if (!FormErrors.reject(binding, e, fields, forbiddenOnForm, messages, locale)) {
                        throw e;
                    }
                }
            }
            model.addAttribute("formHasErrors", true);
            return form.get();
        }
    }
}
