package nrw.komman.web.coordination;

import jakarta.servlet.http.HttpServletResponse;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.IssueCertificateCommand;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.coordination.VolunteerOwnPage;
import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.problem.ProblemMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volunteer's own page behind their personal link, in plain German (or English with {@code ?lang=en}): their
 * upcoming assignments with "Zusagen" and "Absagen", their hours, their availability, the Ehrenamtsnachweis and the
 * calendar. No account: every step resolves the token again and acts as the volunteer ({@link PersonalLinkAccess}),
 * also when a coordinator is signed in in the same browser. A link that does not work gets one 404 page that names
 * nothing. Errors are handled here, not by the pages' common handler, so the token in the address is never logged.
 * <p>Why this size: every page the volunteer reaches through the link (own page, yes and no, availability,
 * certificate, calendar, stopping e-mails) resolves the token the same way and shares the link pages' headers and
 * error handling; the resolution itself is {@code PersonalLinkAccess}, the assignments' views {@code PersonalLinkAssignments}.
 */
@PageController
class PersonalLinkPages {

    private static final Logger log = LoggerFactory.getLogger(PersonalLinkPages.class);
    static final String BASE = "/mein-einsatz/";

    private final PersonalLinkAccess access;
    private final PersonalLinkAssignments assignments;
    private final CalendarFeeds calendars;
    private final CertificatePdf certificates;
    private final MessageSource messages;
    private final Today today;
    private final ProblemMapper problems = new ProblemMapper();

    PersonalLinkPages(PersonalLinkAccess access, PersonalLinkAssignments assignments, CalendarFeeds calendars,
                      CertificatePdf certificates, MessageSource messages, Today today) {
        this.access = access;
        this.assignments = assignments;
        this.calendars = calendars;
        this.certificates = certificates;
        this.messages = messages;
        this.today = today;
    }

    /**
     * What was saved, as a fixed code in the query string after the redirect (never a flash attribute: Spring keeps a
     * flash map with its target address, which holds the token, in the session, and sessions are stored, ADR 23/34).
     */
    static final Map<String, String> SAVED = Map.of(
            "zusage", "ui.link.confirmed",
            "absage", "ui.link.declined",
            "verfuegbarkeit", "ui.availability.saved");
    static final String SAVED_PARAMETER = "gespeichert";

    @GetMapping(BASE + "{token}")
    String page(@PathVariable String token, @RequestParam(name = SAVED_PARAMETER, required = false) String saved,
                Model model, Locale locale) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        String confirmation = saved == null ? null : SAVED.get(saved);
        if (confirmation != null) {
            model.addAttribute("confirmation", messages.getMessage(confirmation, null, locale));
        }
        return ownPage(holder, token, model);
    }

    @PostMapping(BASE + "{token}/einsaetze/{assignmentId}/zusage")
    String confirm(@PathVariable String token, @PathVariable String assignmentId, Model model, Locale locale,
                   HttpServletResponse response) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        AssignmentView assignment = assignments.own(holder, assignmentId);
        return answer(() -> access.send(holder.actor(), new ConfirmAssignmentCommand(assignment.requestId(),
                        assignment.assignmentId()), assignment.requestId()),
                "zusage", holder, token, model, locale, response);
    }

    @PostMapping(BASE + "{token}/einsaetze/{assignmentId}/absage")
    String decline(@PathVariable String token, @PathVariable String assignmentId,
                   @RequestParam(name = "grund", required = false) String reason, Model model, Locale locale,
                   HttpServletResponse response) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        AssignmentView assignment = assignments.own(holder, assignmentId);
        return answer(() -> access.send(holder.actor(), new DeclineAssignmentCommand(assignment.requestId(),
                        assignment.assignmentId(), reason == null || reason.isBlank() ? null : reason), assignment.requestId()),
                "absage", holder, token, model, locale, response);
    }

    /** A refused answer (in the past, already staffed) is said on the page itself, with the refusal's status. */
    private String answer(Runnable step, String saved, PersonalLinkAccess.Holder holder, String token, Model model,
                          Locale locale, HttpServletResponse response) {
        try {
            step.run();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == DomainException.Kind.RULE_VIOLATED ? 409 : 400);
            model.addAttribute("refusal", messages.getMessage("refusal." + e.code(), null, e.getMessage(), locale));
            return ownPage(holder, token, model);
        }
        return savedRedirect(token, saved);
    }

    /** Back to the own page, saying what was saved by its code only (nothing in the session). */
    private static String savedRedirect(String token, String saved) {
        return "redirect:" + BASE + token + "?" + SAVED_PARAMETER + "=" + saved;
    }

    // ---- "Keine E-Mails mehr erhalten" (issue 19): the volunteer withdraws the consent to e-mail themself

    /** Where a withdrawal through the link ends: without the token, since an e-mailed link stops with it. */
    static final String EMAILS_STOPPED = BASE + "keine-emails-mehr";

    @GetMapping(BASE + "{token}/keine-emails")
    String stopEmails(@PathVariable String token, Model model) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        model.addAttribute("base", BASE + token);
        model.addAttribute("emailConsent", emailConsentCurrent(holder));
        return "coordination/link-email-stop";
    }

    @PostMapping(BASE + "{token}/keine-emails")
    String emailsStopped(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        try {
            access.send(holder.actor(), new WithdrawEmailConsentCommand(holder.link().volunteerId(), today.now()),
                    holder.link().volunteerId());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            // nothing to withdraw (a second click, another tab): said on the page, nothing changed
            response.setStatus(e.kind() == DomainException.Kind.RULE_VIOLATED ? 409 : 400);
            model.addAttribute("refusal", messages.getMessage("refusal." + e.code(), null, e.getMessage(), locale));
            model.addAttribute("base", BASE + token);
            model.addAttribute("emailConsent", emailConsentCurrent(holder));
            return "coordination/link-email-stop";
        }
        return "redirect:" + EMAILS_STOPPED;
    }

    /** Says that no e-mails come any more; names nobody and needs no token (an e-mailed link has just stopped). */
    @GetMapping(EMAILS_STOPPED)
    String emailsStoppedPage() {
        return "coordination/link-email-stopped";
    }

    /**
     * Whether the volunteer receives e-mail now; null when it could not be read: the pages then still offer to stop
     * e-mails (the command decides), rather than say that none come while they may.
     */
    private Boolean emailConsentCurrent(PersonalLinkAccess.Holder holder) {
        try {
            return access.ask(holder.actor(), new FetchEmailConsentQuery(holder.link().volunteerId()), EmailConsentStatus.class)
                    .map(EmailConsentStatus::current).orElse(false);
        } catch (RuntimeException e) {
            log.debug("The consent to e-mail could not be read for a volunteer's own page: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    @org.springframework.web.bind.annotation.InitBinder("form")
    void limitRows(org.springframework.web.bind.WebDataBinder binder) {
        AvailabilityForm.limitRows(binder);
    }

    @GetMapping(BASE + "{token}/verfuegbarkeit")
    String availabilityForm(@PathVariable String token, Model model) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        VolunteerOwnPage page = assignments.ownPage(holder);
        model.addAttribute("form", AvailabilityForm.of(page.availability() == null ? Availability.UNKNOWN : page.availability()));
        return availabilityPage(page, token, model);
    }

    @PostMapping(BASE + "{token}/verfuegbarkeit")
    String updateAvailability(@PathVariable String token, @ModelAttribute("form") AvailabilityForm form, BindingResult binding,
                              Model model, Locale locale, HttpServletResponse response) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        Availability availability = form.check(binding);
        if (availability != null) {
            try {
                access.send(holder.actor(), new UpdateAvailabilityCommand(holder.link().volunteerId(), availability),
                        holder.link().volunteerId());
                return savedRedirect(token, "verfuegbarkeit");
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                binding.reject("refusal." + e.code(), messages.getMessage("refusal." + e.code(), null, e.getMessage(), locale));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("formHasErrors", true);
        form.addEmptyRows();
        return availabilityPage(assignments.ownPage(holder), token, model);
    }

    private String availabilityPage(VolunteerOwnPage page, String token, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("action", BASE + token + "/verfuegbarkeit");
        model.addAttribute("fieldOrder", ((AvailabilityForm) model.getAttribute("form")).fieldOrder());
        model.addAttribute("back", BASE + token);
        return "coordination/link-availability";
    }

    /** Issues an Ehrenamtsnachweis as the volunteer and gives it as PDF (a POST: it records a certificate). */
    @PostMapping(BASE + "{token}/nachweis.pdf")
    @ResponseBody
    ResponseEntity<byte[]> certificate(@PathVariable String token) {
        PersonalLinkAccess.Holder holder = access.resolve(token);
        CertificateId id = CertificateId.random();
        access.send(holder.actor(), new IssueCertificateCommand(holder.link().volunteerId(), id), holder.link().volunteerId());
        CertificateVerification issued = CertificateChecks.verify(access, id);
        byte[] pdf = certificates.render(issued, CertificatePages.verificationUrl(issued.certificateId()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ehrenamtsnachweis-" + issued.issuedOn() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping(BASE + "{token}/kalender.ics")
    @ResponseBody
    ResponseEntity<String> calendar(@PathVariable String token) {
        return calendars.volunteerFeed(access.resolve(token));
    }

    private String ownPage(PersonalLinkAccess.Holder holder, String token, Model model) {
        VolunteerOwnPage page = assignments.ownPage(holder);
        model.addAttribute("page", page);
        model.addAttribute("token", token);
        model.addAttribute("base", BASE + token);
        model.addAttribute("expiresOn", holder.link().expiresOn());
        model.addAttribute("emailConsent", emailConsentCurrent(holder));
        model.addAttribute("calendarUrl", VolunteerLinkIssuing.urlOf(token) + "/kalender.ics");
        model.addAttribute("upcoming", page.upcoming() == null ? List.of() : page.upcoming().stream()
                .sorted(Comparator.comparing(a -> a.schedule().startsAt())).toList());
        model.addAttribute("years", years(page.totals()));
        model.addAttribute("thisYear", today.date().getYear());
        model.addAttribute("minutesThisYear", page.totals() == null ? 0 : page.totals().stream()
                .filter(l -> l.year() == today.date().getYear()).mapToLong(CertificateLine::minutes).sum());
        return "coordination/link-page";
    }

    /** The totals by year, the latest first, each with its lines by category and its sum. */
    static List<Year> years(List<CertificateLine> totals) {
        Map<Integer, List<CertificateLine>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (CertificateLine line : totals == null ? List.<CertificateLine>of() : totals) {
            byYear.computeIfAbsent(line.year(), y -> new ArrayList<>()).add(line);
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, lines) -> years.add(new Year(year, lines, lines.stream().mapToLong(CertificateLine::minutes).sum())));
        return years;
    }

    record Year(int year, List<CertificateLine> lines, long minutes) {
    }

    /**
     * Every failure of these pages: a link that does not work (or a thing not found behind it) is the one 404 page;
     * anything else the common error page. Logged without the address, which holds the secret.
     */
    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception ex, HttpServletResponse response) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex;
        }
        ProblemDetail problem = problems.toProblem(ex);
        int status = problem.getStatus();
        if (status == 404 || status == 403) {
            ModelAndView page = new ModelAndView("coordination/link-unknown");
            page.setStatus(HttpStatus.NOT_FOUND);
            return page;
        }
        Object incident = problem.getProperties() == null ? null : problem.getProperties().get(ProblemMapper.INCIDENT);
        if (status >= 500) {
            log.error("A volunteer's own page failed ({}), incident {}: {}", status, incident, ex.toString(), ex);
        }
        ModelAndView page = new ModelAndView(status == 503 ? "error/503" : "error");
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("errorTitle", problem.getTitle());
        page.addObject("detail", problem.getDetail());
        page.addObject("incident", incident);
        return page;
    }
}
