package nrw.komman.web.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The e-mails of notices for administrators: those in a status (by default the failed ones), and retrying one. */
@RestController
@RequestMapping(path = "/api/admin/notice-deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration: notice e-mails", description = "E-mails of notices that could not be delivered, and retrying them")
class FailedEmailController {

    private final FailedEmails emails;

    FailedEmailController(FailedEmails emails) {
        this.emails = emails;
    }

    @GetMapping
    @Operation(summary = "The e-mails of notices in a status (FAILED unless given), the latest 500 first")
    public List<FailedEmails.NoticeEmail> deliveries(
            @Parameter(description = "PENDING, DIGEST, SENT, FAILED or DROPPED (a volunteer's e-mail not sent: consent withdrawn or erased)") @RequestParam(required = false) NoticeEmailStatus status) {
        return emails.list(CurrentActor.require(), status == null ? NoticeEmailStatus.FAILED : status);
    }

    @PostMapping("/{noticeId}/{recipient}/retry")
    @Operation(summary = "Put a failed e-mail back in line at once (status PENDING, attempts 0); 409 unless it failed")
    public ResponseEntity<Void> retry(@PathVariable String noticeId, @PathVariable String recipient) {
        emails.retry(CurrentActor.require(), noticeId, recipient);
        return ResponseEntity.noContent().build();
    }
}
