package nrw.komman.web.volunteer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerRules;
import nrw.komman.kernel.volunteer.VolunteerView;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Changing a volunteer's personal data (the whole profile is replaced; consent and registration stay). */
public class ProfileForm {

    @NotBlank(message = "{ui.volunteer.name.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String name;

    @Email(regexp = "^$|[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}", message = "{ui.volunteer.email.invalid}")
    @Size(max = 254, message = "{ui.too-long}")
    private String email;

    @Size(max = 30, message = "{ui.too-long}")
    private String phone;

    @Size(max = 500, message = "{ui.too-long}")
    private String availability;

    private Set<String> languages = new TreeSet<>();

    @Size(max = 200, message = "{ui.too-long}")
    private String otherLanguages;

    private Set<ActivityCategory> interests = new LinkedHashSet<>();

    static ProfileForm of(VolunteerView v, Locale locale) {
        ProfileForm form = new ProfileForm();
        form.name = v.name();
        form.email = v.email();
        form.phone = v.phone();
        form.availability = v.availability();
        Set<String> all = v.languages() == null ? Set.of() : v.languages();
        form.languages = all.stream().filter(Choices.COMMON_LANGUAGES::contains).collect(Collectors.toCollection(TreeSet::new));
        form.otherLanguages = LanguageInput.furtherNames(all, locale);
        form.interests = v.interests() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(v.interests());
        return form;
    }

    /** The kernel's stateless checks, run next to the field checks: one answer names every problem (ADR 29). */
    public Runnable[] inputChecks() {
        return new Runnable[]{
                () -> VolunteerRules.checkContact(email, phone),
                () -> VolunteerRules.checkEmail(email),
                () -> VolunteerRules.checkPhone(phone),
                () -> LanguageInput.check(languages, otherLanguages)};
    }

    public UpdateVolunteerProfileCommand toCommand(VolunteerId id) {
        return new UpdateVolunteerProfileCommand(id, new PersonalData(name, blankToNull(email), blankToNull(phone), availability,
                LanguageInput.codes(languages, otherLanguages), interests == null ? Set.of() : interests));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAvailability() { return availability; }
    public void setAvailability(String availability) { this.availability = availability; }
    public Set<String> getLanguages() { return languages; }
    public void setLanguages(Set<String> languages) { this.languages = languages; }
    public String getOtherLanguages() { return otherLanguages; }
    public void setOtherLanguages(String otherLanguages) { this.otherLanguages = otherLanguages; }
    public Set<ActivityCategory> getInterests() { return interests; }
    public void setInterests(Set<ActivityCategory> interests) { this.interests = interests; }
}
