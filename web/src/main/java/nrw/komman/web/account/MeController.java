package nrw.komman.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: lets programs and the UI check a sign-in and learn the role and centre. */
@RestController
@Tag(name = "Account", description = "The signed-in account")
class MeController {

    public record Me(String account, AccountRole role, CentreId centreId) {
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in account, its role and (for coordinators) its centre")
    public Me me() {
        AccountPrincipal principal = CurrentActor.principal()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no signed-in account"));
        return new Me(principal.getUsername(), principal.role(), principal.centreId());
    }
}
