package io.switchboard.command.provider;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.BulkImport;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.ProviderAccountView;
import io.switchboard.api.provider.ReencryptionReport;
import io.switchboard.api.provider.RegisterProviderAccount;
import io.switchboard.api.provider.RemoveProviderAccount;
import io.switchboard.api.query.Page;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * SPEC §6: an org's provider accounts and their credentials, kept on the command side only (the query service
 * never holds a secret). ORG_ADMIN and PLATFORM_ADMIN create and delete; MANAGER reads too; MEMBER and SERVICE
 * get 403 (a MEMBER may still name an account's id as a number's credentialRef). Another org's account is 404.
 */
@RestController
@Tag(name = "provider accounts", description = "SPEC §6: provider credentials, encrypted at rest, shown masked")
class ProviderAccountController {

    static final String PATH = "/api/v1/provider-accounts";
    static final String REENCRYPT_PATH = "/api/v1/admin/provider-accounts/reencrypt";
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;

    private final CommandSender commands;
    private final ProviderAccounts accounts;
    private final CredentialRotation rotation;
    private final AccountVerification verification;
    private final AccountNumberImport numberImport;

    ProviderAccountController(CommandSender commands, ProviderAccounts accounts, CredentialRotation rotation,
                              AccountVerification verification, AccountNumberImport numberImport) {
        this.commands = commands;
        this.accounts = accounts;
        this.rotation = rotation;
        this.verification = verification;
        this.numberImport = numberImport;
    }

    @PostMapping(PATH)
    @Operation(summary = "Keep a provider account's credentials: a token, or an API key and secret (ORG_ADMIN,"
            + " PLATFORM_ADMIN). Stored encrypted (AES-256-GCM), never put in an event; replies show them masked")
    ResponseEntity<CommandAccepted> register(Actor actor, @Valid @RequestBody RegisterProviderAccountRequest body,
                                             HttpServletRequest request) {
        requireAdmin(actor);
        ProviderSecrets secrets = body.secrets();
        String accountId = UUID.randomUUID().toString();
        RegisterProviderAccount command = new RegisterProviderAccount(accountId, actor.orgId(), body.provider(),
                body.label(), secrets.type(), accounts.seal(accountId, secrets), actor.userId());
        return commands.created(actor, command, accounts.fingerprint(body, secrets), request,
                id -> PATH + "/" + id);
    }

    @GetMapping(PATH)
    @Operation(summary = "The caller's org's provider accounts, oldest first, secrets masked (MANAGER, ORG_ADMIN,"
            + " PLATFORM_ADMIN); limit 1-100 (default 50), cursor from the previous page's nextCursor")
    ResponseEntity<Page<ProviderAccountView>> list(Actor actor,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String cursor) {
        requireReader(actor);
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(accounts.page(actor.orgId(), size, cursor));
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "One provider account, secrets masked (MANAGER, ORG_ADMIN, PLATFORM_ADMIN)")
    ResponseEntity<ProviderAccountView> get(Actor actor, @PathVariable String id) {
        requireReader(actor);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(accounts.find(actor.orgId(), id).orElseThrow(() -> ApiException.notFound("provider account")));
    }

    @DeleteMapping(PATH + "/{id}")
    @Operation(summary = "Remove a provider account; its encrypted credentials are deleted in the same transaction"
            + " (ORG_ADMIN, PLATFORM_ADMIN). Numbers that name it keep the id, which no longer resolves")
    ResponseEntity<CommandAccepted> remove(Actor actor, @PathVariable String id, HttpServletRequest request) {
        requireAdmin(actor);
        if (!accounts.exists(actor.orgId(), id)) {
            throw ApiException.notFound("provider account");
        }
        return commands.ok(actor, new RemoveProviderAccount(id, actor.orgId()), null, request);
    }

    @PostMapping(PATH + "/{id}/verify")
    @Operation(summary = "R6: check the account's credentials against its provider now (ORG_ADMIN, PLATFORM_ADMIN)."
            + " Records the outcome on the account; when the provider refuses them, every number the org holds that"
            + " names the account turns ERROR with the provider's reason. 503 PROVIDER_UNAVAILABLE (Retry-After) when"
            + " the provider cannot answer")
    ProviderAccountVerification verify(Actor actor, @PathVariable String id, HttpServletRequest request) {
        requireAdmin(actor);
        return verification.verify(actor, id, request);
    }

    @PostMapping(PATH + "/{id}/import")
    @Operation(summary = "SPEC §6: import the numbers the account holds at its provider (ORG_ADMIN, PLATFORM_ADMIN)."
            + " Lists them through the provider's API (Twilio: IncomingPhoneNumbers, every page) and imports those not"
            + " yet held as POST /api/v1/phone-numbers/bulk does: a result per row, the same Idempotency-Key and"
            + " Prefer: respond-async; each number gets its friendly name, capabilities, provider ids (twilioSid,"
            + " twilioTrunkSid) and the account as credentialRef. Credentials the provider refuses: 422"
            + " PROVIDER_CREDENTIALS_REJECTED and the account fails verification (R6)")
    ResponseEntity<BulkImport> importNumbers(Actor actor, @PathVariable String id, HttpServletRequest request) {
        requireAdmin(actor);
        return numberImport.run(actor, id, request);
    }

    @PostMapping(REENCRYPT_PATH)
    @Operation(summary = "Key rotation (PLATFORM_ADMIN): encrypt again, under the active key, every provider"
            + " account of every org that is under another key; answers the counts")
    ReencryptionReport reencrypt(Actor actor, HttpServletRequest request) {
        if (!actor.isPlatformAdmin()) {
            throw ApiException.forbidden("only a PLATFORM_ADMIN may rotate credential keys");
        }
        return rotation.reencryptAll(actor, request);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.administersOrg()) {
            throw ApiException.forbidden("only an ORG_ADMIN or PLATFORM_ADMIN may manage provider accounts");
        }
    }

    private static void requireReader(Actor actor) {
        if (!actor.administersOrg() && !actor.has(Role.MANAGER)) {
            throw ApiException.forbidden("only a MANAGER, ORG_ADMIN or PLATFORM_ADMIN may read provider accounts");
        }
    }
}
