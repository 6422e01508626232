package io.switchboard.query.number;

import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.NumberType;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.access.Scope;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.query.paging.PageRequest;
import io.switchboard.query.sql.ProjectionWrites;
import io.switchboard.query.testing.Databases;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.query.testing.Events.assigned;
import static io.switchboard.query.testing.Events.imported;
import static org.assertj.core.api.Assertions.assertThat;

/** Read side: given events, then the number read model; the projection's handlers are called directly. */
class NumberViewProjectionTest {

    private static final String ORG = "org-a";
    private static final String OTHER_ORG = "org-b";
    private static final String OWNER = "user-1";
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

    private static JdbcClient jdbc;

    private static ProjectionWrites writes;

    private final E164Number number = TestNumbers.british();
    private final String numberId = number.numberId();
    private NumberViewProjection projection;
    private NumberViewRepository numbers;

    @BeforeAll
    static void readModels() {
        jdbc = Databases.freshReadModels("number_view_projection_test");
        writes = Databases.writes("number_view_projection_test");
    }

    @BeforeEach
    void emptyReadModels() {
        projection = new NumberViewProjection(writes);
        numbers = new NumberViewRepository(jdbc);
        projection.reset();
    }

    @Test
    @DisplayName("R3-R6: an imported number is held, ACTIVE, with its details and the aggregate's version")
    void given_imported_then_held_and_active() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, "client-7", "Sales line"), 0, T0);

        PhoneNumberView view = orgView().orElseThrow();
        assertThat(view.e164()).isEqualTo(number.value());
        assertThat(view.country()).isEqualTo("GB");
        assertThat(view.numberType()).isEqualTo(NumberType.MOBILE);
        assertThat(view.provider()).isEqualTo(Provider.TWILIO);
        assertThat(view.ownerUserId()).isEqualTo(OWNER);
        assertThat(view.clientId()).isEqualTo("client-7");
        assertThat(view.label()).isEqualTo("Sales line");
        assertThat(view.capabilities()).containsExactly(Capability.VOICE);
        assertThat(view.metadata()).isEqualTo(Map.of("team", "sales"));
        assertThat(view.providerRefs()).isEqualTo(Map.of("sid", "PN123"));
        assertThat(view.status()).isEqualTo(NumberStatus.ACTIVE);
        assertThat(view.importedAt()).isEqualTo(T0);
        assertThat(view.version()).isZero();
        assertThat(view.agent()).isNull();
        assertThat(view.assignment()).isNull();
    }

    @Test
    @DisplayName("every event of a number delivered a second time changes nothing")
    void given_history_when_delivered_again_then_nothing_changes() {
        List<Runnable> history = List.of(
                () -> projection.on(imported(number, ORG, OWNER, Provider.TELNYX, null, "Main"), 0, T0),
                () -> projection.on(new NumberDetailsChanged(numberId, ORG,
                        new NumberDetails("Renamed", null, null, "https://hooks.example/a", null, null)), 1, at(1)),
                () -> projection.on(new NumberDeactivated(numberId, ORG, "paused"), 2, at(2)),
                () -> projection.on(new NumberActivated(numberId, ORG), 3, at(3)),
                () -> projection.on(assigned("asg-1", numberId, ORG, "agent-1"), 0, at(4)),
                () -> projection.on(new AssignmentLimitsChanged("asg-1", numberId, ORG, 5, Set.of("*")), 1),
                () -> projection.on(new NumberTransferred(numberId, ORG, OWNER, "user-2"), 4, at(5)));
        history.forEach(Runnable::run);
        List<Map<String, Object>> once = rows();

        history.forEach(Runnable::run);

        assertThat(rows()).isEqualTo(once);
    }

    @Test
    @DisplayName("an event older than what the row holds is ignored")
    void given_newer_status_when_older_event_arrives_then_ignored() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);
        projection.on(new NumberDeactivated(numberId, ORG, "paused"), 1, at(1));
        projection.on(new NumberActivated(numberId, ORG), 2, at(2));

        projection.on(new NumberDeactivated(numberId, ORG, "paused"), 1, at(1));

        PhoneNumberView view = orgView().orElseThrow();
        assertThat(view.status()).isEqualTo(NumberStatus.ACTIVE);
        assertThat(view.statusReason()).isNull();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(at(2));
    }

    @Test
    @DisplayName("R7: a details change sets what it names, keeps what is null, and a blank label clears it")
    void given_details_when_changed_then_only_named_members_change() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, "Old label"), 0, T0);
        projection.on(new NumberDetailsChanged(numberId, ORG,
                        new NumberDetails(null, Set.of(Capability.SMS), null, "https://hooks.example/x", null, null)),
                1, at(1));
        assertThat(orgView().orElseThrow())
                .returns("Old label", PhoneNumberView::label)
                .returns(Set.of(Capability.SMS), PhoneNumberView::capabilities)
                .returns(Map.of("team", "sales"), PhoneNumberView::metadata)
                .returns("https://hooks.example/x", PhoneNumberView::webhookUrl);

        projection.on(new NumberDetailsChanged(numberId, ORG,
                new NumberDetails(" ", null, Map.of(), "", null, Map.of("vapi", "ph_1"))), 2, at(2));

        assertThat(orgView().orElseThrow())
                .returns(null, PhoneNumberView::label)
                .returns(Set.of(Capability.SMS), PhoneNumberView::capabilities)
                .returns(Map.of(), PhoneNumberView::metadata)
                .returns(null, PhoneNumberView::webhookUrl)
                .returns(Map.of("vapi", "ph_1"), PhoneNumberView::platformRefs);
    }

    @Test
    @DisplayName("R6: deactivation and failure set the status with its reason")
    void given_active_when_deactivated_or_failed_then_status_and_reason() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);

        projection.on(new NumberDeactivated(numberId, ORG, "holiday"), 1, at(1));
        assertThat(orgView().orElseThrow())
                .returns(NumberStatus.INACTIVE, PhoneNumberView::status)
                .returns("holiday", PhoneNumberView::statusReason);

        projection.on(new NumberFailed(numberId, ORG, "provider verification failed"), 2, at(2));
        assertThat(orgView().orElseThrow())
                .returns(NumberStatus.ERROR, PhoneNumberView::status)
                .returns("provider verification failed", PhoneNumberView::statusReason);
    }

    @Test
    @DisplayName("R8: a transferred number belongs to its new owner")
    void given_number_when_transferred_then_new_owner_sees_it() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);

        projection.on(new NumberTransferred(numberId, ORG, OWNER, "user-2"), 1, at(1));

        assertThat(numbers.find(new Scope(ORG, OWNER), numberId)).isEmpty();
        assertThat(numbers.find(new Scope(ORG, "user-2"), numberId)).isPresent();
    }

    @Test
    @DisplayName("R9: a released number vanishes from the read model, its row kept for a re-import")
    void given_number_when_released_then_vanishes() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);

        projection.on(new NumberReleased(numberId, ORG, number.value()), 1, at(1));

        assertThat(orgView()).isEmpty();
        assertThat(numbers.findByE164(new Scope(ORG, null), number.value())).isEmpty();
        assertThat(rows()).singleElement().satisfies(row -> assertThat(row).containsEntry("held", false));
    }

    @Test
    @DisplayName("R4: after release, a re-import by another org shows in that org only, its version continuing")
    void given_released_when_imported_by_other_org_then_only_that_org_sees_it() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, "Theirs"), 0, T0);
        projection.on(new NumberDeactivated(numberId, ORG, "paused"), 1, at(1));
        projection.on(new NumberReleased(numberId, ORG, number.value()), 2, at(2));

        projection.on(imported(number, OTHER_ORG, "user-9", Provider.VONAGE, null, null), 3, at(3));

        assertThat(orgView()).isEmpty();
        assertThat(numbers.find(new Scope(OTHER_ORG, null), numberId).orElseThrow())
                .returns("user-9", PhoneNumberView::ownerUserId)
                .returns(Provider.VONAGE, PhoneNumberView::provider)
                .returns(NumberStatus.ACTIVE, PhoneNumberView::status)
                .returns(null, PhoneNumberView::label)
                .returns(at(3), PhoneNumberView::importedAt)
                .returns(3L, PhoneNumberView::version);
    }

    @Test
    @DisplayName("R10, R13: an assignment shows its agent and limits until it ends")
    void given_assigned_when_limits_change_and_unassigned_then_view_follows() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);

        projection.on(assigned("asg-1", numberId, ORG, "agent-1"), 0, at(1));
        assertThat(orgView().orElseThrow().assignment())
                .returns("agent-1", assignment -> assignment.agentId())
                .returns(100, assignment -> assignment.dailyLimit())
                .returns(Set.of("GB"), assignment -> assignment.allowedCountries());

        projection.on(new AssignmentLimitsChanged("asg-1", numberId, ORG, 7, Set.of("GB", "IE")), 1);
        assertThat(orgView().orElseThrow().assignment())
                .returns(7, assignment -> assignment.dailyLimit())
                .returns(Set.of("GB", "IE"), assignment -> assignment.allowedCountries())
                .returns(1L, assignment -> assignment.version());

        projection.on(new UnassignedFromAgent("asg-1", numberId, ORG, "agent-1", UnassignReason.REQUESTED), 2, at(2));
        assertThat(orgView().orElseThrow())
                .returns(null, PhoneNumberView::agent)
                .returns(null, PhoneNumberView::assignment);
    }

    @Test
    @DisplayName("R10: an ended assignment delivered again does not come back beside the current one")
    void given_reassigned_when_old_assignment_redelivered_then_only_current_one_shows() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);
        projection.on(assigned("asg-1", numberId, ORG, "agent-1"), 0, at(1));
        projection.on(new UnassignedFromAgent("asg-1", numberId, ORG, "agent-1", UnassignReason.REQUESTED), 1, at(2));
        projection.on(assigned("asg-2", numberId, ORG, "agent-2"), 0, at(3));

        projection.on(assigned("asg-1", numberId, ORG, "agent-1"), 0, at(1));

        NumberFilter noFilter = new NumberFilter(null, null, null, null, null, null, null, null);
        assertThat(numbers.list(new Scope(ORG, null), noFilter, firstPage()).items())
                .singleElement()
                .satisfies(view -> assertThat(view.assignment().id()).isEqualTo("asg-2"));
    }

    @Test
    @DisplayName("the reset handler empties the read model, so that a replay rebuilds it")
    void given_rows_when_reset_then_empty() {
        projection.on(imported(number, ORG, OWNER, Provider.TWILIO, null, null), 0, T0);
        projection.on(assigned("asg-1", numberId, ORG, "agent-1"), 0, at(1));

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM number_view").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM assignment_view").query(Long.class).single()).isZero();
    }

    private Optional<PhoneNumberView> orgView() {
        return numbers.find(new Scope(ORG, null), numberId);
    }

    private static PageRequest<PhoneNumberView> firstPage() {
        return new PageParameters(null, null, null, null)
                .toRequest(NumberViewRepository.SORTING);
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(
                jdbc.sql("SELECT * FROM number_view ORDER BY number_id").query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM assignment_view ORDER BY assignment_id").query().listOfRows());
        return rows;
    }
}
