package nrw.komman.web.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.privacy.EraseVolunteerDataCommand;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.privacy.WithdrawConsentCommand;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The volunteer's rights under the DSGVO on the coordinator's volunteer page ("Datenschutz"): the information
 * (Art. 15) as PDF and JSON, the withdrawal of consent (form, then a confirmation page saying the data goes at
 * once), and the erasure (Art. 17) after a confirmation page that names what goes and what stays and requires an
 * explicit tick. Each change is one command, then post-redirect-get to the volunteer's page, which then shows no
 * personal data.
 */
@PageController
class VolunteerPrivacyPages {

    static final Map<String, String> WITHDRAWAL_FIELDS = Map.ofEntries(
            entry("consent.withdrawn-at", "date"), entry("consent.withdrawn-before-given", "date"),
            entry("withdrawnAt", "date"));
    static final List<String> WITHDRAWAL_ORDER = List.of("date", "time");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;
    private final VolunteerDataFiles files;
    private final ObjectMapper json;

    VolunteerPrivacyPages(FormPage forms, QueryDispatcher queries, Today today, MessageSource messages,
                          VolunteerDataFiles files, ObjectMapper json) {
        this.forms = forms;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
        this.files = files;
        this.json = json;
    }

    // ---- the information (Art. 15) ----------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/auskunft.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String volunteerId) {
        VolunteerDataExport export = export(volunteerId);
        return download(files.pdf(export), MediaType.APPLICATION_PDF, files.fileName(export, "pdf"));
    }

    @GetMapping("/ehrenamtliche/{volunteerId}/auskunft.json")
    ResponseEntity<byte[]> json(@PathVariable String volunteerId) {
        VolunteerDataExport export = export(volunteerId);
        try {
            byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
            return download(body, new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8), files.fileName(export, "json"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private VolunteerDataExport export(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerDataExport export = queries.one(new FetchVolunteerDataExportQuery(id), VolunteerDataExport.class,
                "volunteer.not-found", "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(export.centreId());
        return export;
    }

    // ---- erasure (Art. 17) ------------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/loeschung")
    String erasureConfirmation(@PathVariable String volunteerId, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (volunteer.erased()) {
            return alreadyErased(volunteer, locale, redirect);
        }
        model.addAttribute("form", new ErasureForm());
        return erasurePage(volunteer, model);
    }

    @PostMapping("/ehrenamtliche/{volunteerId}/loeschung")
    String erase(@PathVariable String volunteerId, @Valid @ModelAttribute("form") ErasureForm form, BindingResult binding,
                 Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        return forms.post(binding, model, locale, Map.of())
                .send(() -> new EraseVolunteerDataCommand(volunteer.volunteerId(), ErasureReason.REQUEST), volunteer.volunteerId())
                .confirm(redirect, "ui.erasure.done")
                .flash(redirect, "erasedOn", today::date)
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId())
                .orShowAgain(() -> erasurePage(volunteer, model));
    }

    private String erasurePage(VolunteerView volunteer, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("fieldOrder", List.of("confirmed"));
        model.addAttribute("nav", "volunteers");
        return "coordinator/erasure-confirm";
    }

    // ---- withdrawal of consent --------------------------------------------------------------------

    @GetMapping("/ehrenamtliche/{volunteerId}/widerruf")
    String withdrawalForm(@PathVariable String volunteerId, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (volunteer.erased()) {
            return alreadyErased(volunteer, locale, redirect);
        }
        ConsentWithdrawalForm form = new ConsentWithdrawalForm();
        form.setDate(today.date());
        form.setTime(LocalTime.ofInstant(today.now(), Nrw.ZONE).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("form", form);
        return withdrawalPage(volunteer, model);
    }

    /**
     * Three steps on one address, as the usage report: the form posts to the confirmation page (input checked,
     * nothing sent); the confirmation page posts "confirm" (recorded, and the data erased) or "change".
     */
    @PostMapping("/ehrenamtliche/{volunteerId}/widerruf")
    String withdraw(@PathVariable String volunteerId, @Valid @ModelAttribute("form") ConsentWithdrawalForm form,
                    BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        VolunteerView volunteer = find(volunteerId);
        if (form.changing()) {
            form.setStep(null);
            return withdrawalPage(volunteer, model);
        }
        Instant withdrawnAt = form.withdrawnAt(Nrw.ZONE);
        if (withdrawnAt != null && withdrawnAt.isAfter(today.now())) {
            binding.rejectValue("date", "ui.withdrawal.future", messages.getMessage("ui.withdrawal.future", null, locale));
        }
        if (binding.hasErrors()) {
            form.setStep(null);
            model.addAttribute("formHasErrors", true);
            return withdrawalPage(volunteer, model);
        }
        if (!form.confirmed()) {
            model.addAttribute("volunteer", volunteer);
            model.addAttribute("withdrawnAt", withdrawnAt);
            model.addAttribute("nav", "volunteers");
            return "coordinator/consent-withdrawal-confirm";
        }
        return forms.post(binding, model, locale, WITHDRAWAL_FIELDS)
                .send(() -> new WithdrawConsentCommand(volunteer.volunteerId(), withdrawnAt), volunteer.volunteerId())
                .confirm(redirect, "ui.withdrawal.done")
                .flash(redirect, "erasedOn", today::date)
                .redirectTo("/ehrenamtliche/" + volunteer.volunteerId())
                .orShowAgain(() -> {
                    form.setStep(null);
                    return withdrawalPage(volunteer, model);
                });
    }

    private String withdrawalPage(VolunteerView volunteer, Model model) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("today", today.date());
        model.addAttribute("fieldOrder", WITHDRAWAL_ORDER);
        model.addAttribute("nav", "volunteers");
        return "coordinator/consent-withdrawal";
    }

    // ---- shared ---------------------------------------------------------------------------------------

    private String alreadyErased(VolunteerView volunteer, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refusal", messages.getMessage("ui.erasure.already", null, locale));
        return "redirect:/ehrenamtliche/" + volunteer.volunteerId();
    }

    /** The volunteer as the read model knows them; the query side refuses another centre's (403). */
    private VolunteerView find(String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter dieser Kennung ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }
}
