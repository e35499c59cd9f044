package nrw.komman.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.account.SignInLog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The log of sign-ins and failures (administrators; ADR 13). */
@RestController
@RequestMapping(path = "/api/admin/sign-ins", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration: accounts")
class SignInLogController {

    static final int MAX_LIMIT = 1000;

    private final SignInLog log;

    SignInLogController(SignInLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "The newest sign-ins and failures, of one account or of all (outcome success, failed, disabled, "
            + "locked, blocked; failures with names that are no account carry no name)")
    public List<SignInLog.Entry> signIns(@RequestParam(required = false) String username,
                                         @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "limit.out-of-range", "limit liegt zwischen 1 und " + MAX_LIMIT + ".");
        }
        return log.recent(username == null || username.isBlank() ? null : username, limit);
    }
}
