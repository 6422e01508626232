package io.switchboard.command.number;

import io.switchboard.api.common.Capability;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.NumberType;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.ActivateNumber;
import io.switchboard.api.number.ChangeNumberDetails;
import io.switchboard.api.number.DeactivateNumber;
import io.switchboard.api.number.ImportNumber;
import io.switchboard.api.number.MarkNumberFailed;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.ReleaseNumber;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.switchboard.command.shared.Refusals.refusedWith;

class PhoneNumberTest {

    private static final E164Number LONDON = E164Number.parse("+44 20 7946 0958", null);
    private static final String ID = LONDON.numberId();
    private static final NumberDetails DETAILS =
            new NumberDetails("Support line", Set.of(Capability.VOICE), Map.of(), null, Map.of(), Map.of());
    private static final NumberImported IMPORTED = new NumberImported(ID, "org-a", "+442079460958", "GB",
            NumberType.FIXED_LINE, Provider.TWILIO, "alice", null, null, DETAILS, "alice");

    private FixtureConfiguration<PhoneNumber> fixture;
    private boolean assigned;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PhoneNumber.class);
        fixture.registerInjectableResource((NumberAssignments) numberId -> assigned);
    }

    private static ImportNumber importBy(String org, String user) {
        return new ImportNumber(ID, org, LONDON, Provider.TWILIO, user, null, null,
                new NumberDetails("Support line", null, null, null, null, null), user);
    }

    @Test
    @DisplayName("R3: importing derives country and number type from the E.164 number")
    void importDerivesCountryAndType() {
        fixture.givenNoPriorActivity()
                .when(importBy("org-a", "alice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(IMPORTED);
    }

    @Test
    @DisplayName("R4: a number held by an org cannot be imported again, by any org")
    void heldNumberCannotBeImported() {
        fixture.given(IMPORTED)
                .when(importBy("org-b", "bob"))
                .expectException(refusedWith(ErrorCode.NUMBER_ALREADY_HELD))
                .expectExceptionMessage("R4: +442079460958 is already held by another organization")
                .expectNoEvents();
    }

    @Test
    @DisplayName("R4: after release the number may be imported again, on the same auditable stream")
    void releasedNumberCanBeImportedAgain() {
        fixture.given(IMPORTED, new NumberReleased(ID, "org-a", "+442079460958"))
                .when(importBy("org-b", "bob"))
                .expectEvents(new NumberImported(ID, "org-b", "+442079460958", "GB", NumberType.FIXED_LINE,
                        Provider.TWILIO, "bob", null, null, DETAILS, "bob"));
    }

    @Test
    @DisplayName("R5: a label over 64 characters is refused and writes nothing")
    void labelIsBounded() {
        ImportNumber command = new ImportNumber(ID, "org-a", LONDON, Provider.TWILIO, "alice", null, null,
                new NumberDetails("x".repeat(65), null, null, null, null, null), "alice");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R5: the importing user is recorded on the event even when an admin imports for another owner")
    void importerIsRecorded() {
        ImportNumber command = new ImportNumber(ID, "org-a", LONDON, Provider.TWILIO, "alice", null, null,
                new NumberDetails("Support line", null, null, null, null, null), "admin-1");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new NumberImported(ID, "org-a", "+442079460958", "GB", NumberType.FIXED_LINE,
                        Provider.TWILIO, "alice", null, null, DETAILS, "admin-1"));
    }

    @Test
    @DisplayName("R6: deactivating makes the number INACTIVE; deactivating again writes nothing")
    void deactivate() {
        fixture.given(IMPORTED)
                .when(new DeactivateNumber(ID, "org-a", "billing hold", null))
                .expectEvents(new NumberDeactivated(ID, "org-a", "billing hold"));
        fixture.given(IMPORTED, new NumberDeactivated(ID, "org-a", "billing hold"))
                .when(new DeactivateNumber(ID, "org-a", null, null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R6: a number in ERROR says why, and activation brings it back to ACTIVE")
    void errorAndActivate() {
        fixture.given(IMPORTED)
                .when(new MarkNumberFailed(ID, "org-a", "provider verification failed"))
                .expectEvents(new NumberFailed(ID, "org-a", "provider verification failed"));
        fixture.given(IMPORTED, new NumberFailed(ID, "org-a", "provider verification failed"))
                .when(new ActivateNumber(ID, "org-a", null))
                .expectEvents(new NumberActivated(ID, "org-a"));
        fixture.given(IMPORTED)
                .when(new ActivateNumber(ID, "org-a", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R7: a details change carries only what changed")
    void detailsChangeCarriesOnlyTheDifference() {
        NumberDetails change = new NumberDetails("Support line", Set.of(Capability.VOICE, Capability.SMS),
                null, "https://hooks.example.com/calls", null, null);
        fixture.given(IMPORTED)
                .when(new ChangeNumberDetails(ID, "org-a", change, null))
                .expectEvents(new NumberDetailsChanged(ID, "org-a", new NumberDetails(null,
                        Set.of(Capability.VOICE, Capability.SMS), null, "https://hooks.example.com/calls", null, null)));
    }

    @Test
    @DisplayName("R7: a change that changes nothing emits no event")
    void noOpChangeEmitsNothing() {
        fixture.given(IMPORTED)
                .when(new ChangeNumberDetails(ID, "org-a",
                        new NumberDetails("Support line", Set.of(Capability.VOICE), Map.of(), null, null, null), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R9: an assigned number cannot be released (unassign first)")
    void assignedNumberCannotBeReleased() {
        assigned = true;
        fixture.given(IMPORTED)
                .when(new ReleaseNumber(ID, "org-a", null))
                .expectException(refusedWith(ErrorCode.NUMBER_ASSIGNED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R9: an unassigned number is released")
    void unassignedNumberIsReleased() {
        fixture.given(IMPORTED)
                .when(new ReleaseNumber(ID, "org-a", null))
                .expectEvents(new NumberReleased(ID, "org-a", "+442079460958"));
    }

    @Test
    @DisplayName("Tenancy: another org's number does not exist for the caller")
    void otherOrgSeesNothing() {
        fixture.given(IMPORTED)
                .when(new ReleaseNumber(ID, "org-b", null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    @DisplayName("If-Match: a change conditional on a stale version is refused")
    void staleVersionIsRefused() {
        fixture.given(IMPORTED, new NumberDeactivated(ID, "org-a", null))
                .when(new ActivateNumber(ID, "org-a", 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

}
