package io.switchboard.support.identity;

import io.switchboard.api.common.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How user, org and roles are found in the claims of a verified token. */
class ActorFromJwtTest {

    private static Actor read(JwtProperties.Claims names, Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).build();
        return ((ActorAuthentication) new ActorFromJwt(names).convert(jwt)).actor();
    }

    private static JwtProperties.Claims names(String user, String org, String roles, String rolePrefix) {
        return new JwtProperties.Claims(user, org, roles, rolePrefix);
    }

    @Test
    @DisplayName("Tokens: by default user, org and roles are read from sub, org and roles")
    void defaults() {
        Actor actor = read(names(null, null, null, null),
                Map.of("sub", "alice", "org", "acme", "roles", List.of("MEMBER")));
        assertThat(actor).isEqualTo(new Actor("alice", "acme", Set.of(Role.MEMBER)));
    }

    @Test
    @DisplayName("Tokens: a dotted claim name is a path into nested claims (realm_access.roles, app_metadata.org_id)")
    void nestedPaths() {
        Actor actor = read(names("sub", "app_metadata.org_id", "realm_access.roles", null), Map.of(
                "sub", "alice",
                "app_metadata", Map.of("org_id", "acme", "provider", "email"),
                "realm_access", Map.of("roles", List.of("offline_access", "ORG_ADMIN"))));
        assertThat(actor.orgId()).isEqualTo("acme");
        assertThat(actor.roles()).containsExactly(Role.ORG_ADMIN);
    }

    @Test
    @DisplayName("Tokens: a claim whose name contains dots is found verbatim first (Auth0's namespaced claims)")
    void verbatimBeforePath() {
        Actor actor = read(names("sub", "https://switchboard.io/org", "https://switchboard.io/roles", null), Map.of(
                "sub", "auth0|1",
                "https://switchboard.io/org", "acme",
                "https://switchboard.io/roles", List.of("MANAGER")));
        assertThat(actor.orgId()).isEqualTo("acme");
        assertThat(actor.roles()).containsExactly(Role.MANAGER);

        Actor shadowed = read(names("sub", "tenant.id", null, null), Map.of(
                "sub", "alice", "tenant.id", "verbatim", "tenant", Map.of("id", "nested")));
        assertThat(shadowed.orgId()).isEqualTo("verbatim");
    }

    @Test
    @DisplayName("Tokens: roles may be a string separated by spaces or commas, in any case, with - for _")
    void rolesAsString() {
        Actor actor = read(names(null, null, "scope", null), Map.of(
                "sub", "alice", "org", "acme", "scope", "openid member,manager  org-admin, Platform_Admin"));
        assertThat(actor.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.MANAGER, Role.ORG_ADMIN,
                Role.PLATFORM_ADMIN);
    }

    @Test
    @DisplayName("Tokens: unknown roles and entries that are not strings are ignored")
    void unknownRoles() {
        Actor actor = read(names(null, null, null, null), Map.of(
                "sub", "alice", "org", "acme", "roles", List.of("SUPERUSER", 42, Map.of("name", "MEMBER"), "SERVICE")));
        assertThat(actor.roles()).containsExactly(Role.SERVICE);
    }

    @Test
    @DisplayName("Tokens: with a role prefix only the prefixed roles count, without the prefix")
    void rolePrefix() {
        Actor actor = read(names(null, null, "groups", "switchboard:"), Map.of(
                "sub", "alice", "org", "acme",
                "groups", List.of("switchboard:org_admin", "MEMBER", "billing:manager", "Switchboard:service")));
        assertThat(actor.roles()).containsExactlyInAnyOrder(Role.ORG_ADMIN, Role.SERVICE);
    }

    @Test
    @DisplayName("Tokens: a numeric org id is read as text; the user claim is configurable")
    void numericOrgAndOtherUserClaim() {
        Actor actor = read(names("email", "tenant_id", null, null), Map.of(
                "sub", "1234", "email", "alice@acme.test", "tenant_id", 42));
        assertThat(actor.userId()).isEqualTo("alice@acme.test");
        assertThat(actor.orgId()).isEqualTo("42");
        assertThat(actor.roles()).isEmpty();
    }

    @Test
    @DisplayName("Tokens: a token whose org is missing, blank, an object, or under a path that is not an object is refused")
    void missingOrg() {
        JwtProperties.Claims nested = names(null, "app_metadata.org_id", null, null);
        for (Map<String, Object> claims : List.<Map<String, Object>>of(
                Map.of("sub", "alice"),
                Map.of("sub", "alice", "app_metadata", Map.of("org_id", " ")),
                Map.of("sub", "alice", "app_metadata", Map.of("org_id", Map.of("id", "acme"))),
                Map.of("sub", "alice", "app_metadata", "org_id"))) {
            assertThatThrownBy(() -> read(nested, claims))
                    .isInstanceOf(InvalidBearerTokenException.class)
                    .hasMessageContaining("app_metadata.org_id");
        }
    }

    @Test
    @DisplayName("Tokens: a token without its user claim is refused")
    void missingUser() {
        assertThatThrownBy(() -> read(names("email", null, null, null), Map.of("sub", "alice", "org", "acme")))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("'email'");
    }
}
