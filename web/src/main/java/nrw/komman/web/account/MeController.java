package nrw.komman.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: lets programs and the UI check a sign-in and learn the role and centre. */
@RestController
@Tag(name = "Account", description = "The signed-in account")
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    public record Me(String account, AccountRole role, CentreId centreId) {
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in account, its role and (for coordinators) its centre")
    public Me me() {
        AccountPrincipal principal = CurrentActor.principal()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no signed-in account"));
        return new Me(principal.getUsername(), principal.role(), principal.centreId());
    }

    @PostMapping(path = "/api/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a new password for the signed-in account, proving the current one; its browser sessions end")
    public ResponseEntity<Void> changePassword(@Valid @RequestBody OwnPasswordRequest request) {
        AccountPrincipal principal = CurrentActor.principal()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no signed-in account"));
        accounts.changeOwnPassword(principal.getUsername(), request.currentPassword(), request.newPassword(), null);
        return ResponseEntity.noContent().build();
    }
}
