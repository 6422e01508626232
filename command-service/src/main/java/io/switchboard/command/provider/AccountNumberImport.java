package io.switchboard.command.provider;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.BulkImport;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.command.bulk.BulkSubmission;
import io.switchboard.command.bulk.SubmittedRow;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §6: brings in the numbers a provider account holds. Lists them through the provider's API, page by page,
 * then imports them as a bulk import does (a result per row: IMPORTED, ALREADY_HELD, INVALID; progress and the
 * same Idempotency-Key rules), each with its friendly name as label, its capabilities, the provider's ids as
 * provider references, and the account as its credentialRef. Credentials the provider refuses fail the account's
 * verification (R6), as a verify would.
 */
@Component
class AccountNumberImport {

    private static final Logger log = LoggerFactory.getLogger(AccountNumberImport.class);

    private final ProviderConnection connection;
    private final AccountVerification verification;
    private final BulkSubmission bulk;

    AccountNumberImport(ProviderConnection connection, AccountVerification verification, BulkSubmission bulk) {
        this.connection = connection;
        this.verification = verification;
        this.bulk = bulk;
    }

    ResponseEntity<BulkImport> run(Actor actor, String accountId, HttpServletRequest request) {
        ProviderConnection.OpenAccount open = connection.open(actor.orgId(), accountId);
        List<ProviderNumber> numbers = new ArrayList<>();
        try {
            open.api().listNumbers(open.secrets(), page -> {
                numbers.addAll(page);
                log.info("provider account {}: {} numbers listed so far", accountId, numbers.size());
            });
        } catch (ProviderRefusedCredentialsException refused) {
            ProviderAccountVerification failed = verification.refused(actor, accountId, refused.getMessage(), request);
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PROVIDER_CREDENTIALS_REJECTED,
                    "the provider refused the account's credentials (" + failed.reason() + "); the account failed"
                            + " verification at " + failed.at() + " and nothing was imported");
        } catch (ProviderUnavailableException unavailable) {
            throw ProviderConnection.unavailable(unavailable);
        }
        return bulk.submit(actor, request, () -> rows(open.account(), numbers));
    }

    private static List<SubmittedRow> rows(StoredAccount account, List<ProviderNumber> numbers) {
        List<SubmittedRow> rows = new ArrayList<>(numbers.size());
        for (ProviderNumber number : numbers) {
            rows.add(SubmittedRow.listed(rows.size() + 1, number.e164(), account.provider(),
                    new NumberDetails(label(number.friendlyName()), number.capabilities(), null, null,
                            number.providerRefs(), null), account.accountId()));
        }
        return rows;
    }

    private static String label(String friendlyName) {
        if (friendlyName == null || friendlyName.isBlank()) {
            return null;
        }
        String name = friendlyName.strip();
        return name.length() > NumberDetails.MAX_LABEL_LENGTH ? name.substring(0, NumberDetails.MAX_LABEL_LENGTH)
                : name;
    }
}
