package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/admin/phone-numbers: the platform's admin panel. */
class AdminPhoneNumberListTest extends HttpTest {

    private final String otherOrg = "org-other-" + org;
    private final String client = "client-" + UUID.randomUUID();
    private final E164Number ours = TestNumbers.british();
    private final E164Number theirs = TestNumbers.american();

    @BeforeEach
    void numbersInTwoOrgs() {
        given.numberImported(org, "alice", ours, Provider.TWILIO, client, null);
        given.numberImported(otherOrg, "zed", theirs, Provider.TWILIO, client, null);
    }

    @Test
    @DisplayName("a PLATFORM_ADMIN lists the numbers of every org, or of the one it names")
    void platform_admin_lists_all_orgs() {
        String root = token("root", "platform", Role.PLATFORM_ADMIN);

        assertThat(ids("clientId=" + client, root)).containsExactlyInAnyOrder(ours.numberId(), theirs.numberId());
        assertThat(ids("clientId=" + client + "&orgId=" + otherOrg, root)).containsExactly(theirs.numberId());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_ADMIN", "MANAGER", "MEMBER", "SERVICE"})
    @DisplayName("every other role is refused with 403 FORBIDDEN")
    void others_forbidden(Role role) {
        assertProblem(get("/api/v1/admin/phone-numbers", token("dana", org, role), JsonNode.class),
                HttpStatus.FORBIDDEN, "FORBIDDEN");
    }

    @Test
    @DisplayName("R9: released numbers vanish from the admin list too")
    void released_vanish() {
        given.numberReleased(org, ours);

        assertThat(ids("clientId=" + client, token("root", "platform", Role.PLATFORM_ADMIN)))
                .containsExactly(theirs.numberId());
    }

    private List<String> ids(String query, String token) {
        return get("/api/v1/admin/phone-numbers?" + query, token, NUMBERS).getBody().items().stream()
                .map(PhoneNumberView::id).toList();
    }
}
