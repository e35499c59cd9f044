package nrw.komman.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.account.Account;
import nrw.komman.web.account.AccountService;
import nrw.komman.web.platform.security.CurrentActor;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Account management (administrators). Accounts live in the web module's own table, not in events. */
@RestController
@RequestMapping(path = "/api/admin/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration: accounts", description = "Creating, disabling and enabling accounts, resetting passwords, changing roles, ending lockouts")
class AdminAccountController {

    private final AccountService accounts;
    private final QueryDispatcher queries;

    AdminAccountController(AccountService accounts, QueryDispatcher queries) {
        this.accounts = accounts;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "All accounts")
    public List<Account> accounts() {
        return accounts.list();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account")
    public Account account(@PathVariable String username) {
        return accounts.get(username);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account; a coordinator's account names an established centre")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Account> create(@Valid @RequestBody CreateAccountRequest request) {
        CentreId centre = centre(request.role(), request.centreId());
        Account account = accounts.create(request.username(), request.password(), request.role(), centre,
                new AccountContact(request.email(), request.language()), CurrentActor.require().account());
        return Responses.created("/api/admin/accounts/{username}", account, account.username());
    }

    @PutMapping(path = "/{username}/role", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give the account another role or centre; its browser sessions end on every node")
    public Account changeRole(@PathVariable String username, @Valid @RequestBody RoleRequest request) {
        CentreId centre = centre(request.role(), request.centreId());
        return accounts.changeRole(username, request.role(), centre, CurrentActor.require().account());
    }

    /** A coordinator's centre must exist and be established. */
    private CentreId centre(AccountRole role, String centreId) {
        CentreId centre = Ids.optional("centreId", centreId, CentreId::new);
        if (centre != null && role == AccountRole.COORDINATOR) {
            CentreView view = queries.optional(new FindCentreQuery(centre), CentreView.class)
                    .orElseThrow(() -> new InvalidFieldException("centreId", "centre.not-found",
                            "Das Integrationszentrum " + centre + " gibt es nicht."));
            if (!view.established() || view.closedOn() != null) {
                throw new InvalidFieldException("centreId", "centre.not-established",
                        "Das Integrationszentrum " + centre + " ist nicht (mehr) eingerichtet.");
            }
        }
        return centre;
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable an account (it can no longer sign in, its browser sessions end; the last administrator stays)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> disable(@PathVariable String username) {
        accounts.disable(username, CurrentActor.require().account());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> enable(@PathVariable String username) {
        accounts.enable(username, CurrentActor.require().account());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "End a lockout after failed sign-ins (the account's failures are forgotten)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> unlock(@PathVariable String username) {
        accounts.unlock(username, CurrentActor.require().account());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a new password (the account's browser sessions end on every node)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request) {
        accounts.resetPassword(username, request.password(), CurrentActor.require().account());
        return ResponseEntity.noContent().build();
    }
}
