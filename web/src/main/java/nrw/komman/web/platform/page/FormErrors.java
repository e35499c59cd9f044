package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a refusal of the shared kernel or the command side onto a form: next to the field its code
 * names (by code prefix, e.g. {@code email.malformed} → {@code email}), otherwise as a message for
 * the whole form. Input refusals (400) and rule violations (409) stay on the form; "not allowed"
 * (403) and "not found" (404) are not about the form and go on to the error page.
 *
 * <p>The text is the refusal's German message, unless the bundle has {@code refusal.<code>} for the
 * user's language.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param fieldsByCodePrefix code prefix → form field; the longest matching prefix wins
     * @return true when the refusal is now on the form; false when the caller should rethrow it
     */
    public static boolean reject(BindingResult binding, Throwable failure, Map<String, String> fieldsByCodePrefix,
                                 MessageSource messages, Locale locale) {
        return reject(binding, failure, fieldsByCodePrefix, java.util.Set.of(), messages, locale);
    }

    /**
     * @param forbiddenOnForm codes of "not allowed" refusals that are about the form after all and stay
     *                        on it, e.g. the four-eyes rule on the decision form (by exact code or prefix)
     */
    public static boolean reject(BindingResult binding, Throwable failure, Map<String, String> fieldsByCodePrefix,
                                 java.util.Set<String> forbiddenOnForm, MessageSource messages, Locale locale) {
        Optional<DomainException> refusal = DomainRefusals.find(failure);
        if (refusal.isEmpty()) {
            return false;
        }
        DomainException e = refusal.get();
        boolean keptOnForm = forbiddenOnForm.stream().anyMatch(c -> e.code().equals(c) || e.code().startsWith(c + "."));
        if ((e.kind() == DomainException.Kind.FORBIDDEN && !keptOnForm) || e.kind() == DomainException.Kind.NOT_FOUND) {
            return false;
        }
        String text = messages.getMessage("refusal." + e.code(), null, e.getMessage(), locale);
        Optional<String> field = fieldsByCodePrefix.entrySet().stream()
                .filter(entry -> e.code().equals(entry.getKey()) || e.code().startsWith(entry.getKey() + "."))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue);
        if (field.isPresent() && binding.getFieldErrorCount(field.get()) == 0) {
            binding.rejectValue(field.get(), "refusal." + e.code(), text);
        } else if (field.isEmpty()) {
            binding.reject("refusal." + e.code(), text);
        }
        return true;
    }
}
