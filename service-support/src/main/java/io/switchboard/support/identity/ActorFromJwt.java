package io.switchboard.support.identity;

import io.switchboard.api.common.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads user, org and roles from a verified token; a token without them is not a Switchboard token. */
class ActorFromJwt implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtProperties.Claims claims;

    ActorFromJwt(JwtProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.getClaimAsString(claims.user());
        String org = jwt.getClaimAsString(claims.org());
        if (user == null || user.isBlank() || org == null || org.isBlank()) {
            throw new InvalidBearerTokenException("token lacks the user or org claim");
        }
        return new ActorAuthentication(jwt, new Actor(user, org, roles(jwt.getClaim(claims.roles()))));
    }

    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> addKnown(roles, String.valueOf(value)));
        } else if (claim instanceof String value) {
            for (String part : value.split("[ ,]+")) {
                addKnown(roles, part);
            }
        }
        return roles;
    }

    private static void addKnown(Set<Role> roles, String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT);
        for (Role role : Role.values()) {
            if (role.name().equals(normalized)) {
                roles.add(role);
            }
        }
    }
}
