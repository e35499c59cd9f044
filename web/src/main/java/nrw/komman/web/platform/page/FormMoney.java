package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

import java.util.Locale;

/** A euro amount typed into a form field, parsed by {@link GermanMoney}; a refusal goes next to the field. */
public final class FormMoney {

    private FormMoney() {
    }

    /** The typed amount, or null with the reason next to the field ({@code ui.money.<code>} in the bundle). */
    public static Money parse(String text, String field, BindingResult binding, MessageSource messages, Locale locale) {
        try {
            return GermanMoney.parse(text);
        } catch (InvalidInputException e) {
            if (binding.getFieldErrorCount(field) == 0) {
                binding.rejectValue(field, "ui." + e.code(), messages.getMessage("ui." + e.code(), null, e.getMessage(), locale));
            }
            return null;
        }
    }
}
