package io.switchboard.support.identity;

import io.switchboard.api.common.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads user, org and roles from a verified token; a token without user or org is not a Switchboard token.
 * Claim names are configured ({@link JwtProperties.Claims}): a name that is a top-level claim is read as is,
 * otherwise a dotted name is a path into nested claims, so that the tokens of common identity providers are
 * read by configuration alone.
 */
class ActorFromJwt implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern PATH_SEPARATOR = Pattern.compile("\\.");
    private static final Pattern ROLE_SEPARATORS = Pattern.compile("[\\s,]+");

    private final JwtProperties.Claims claims;

    ActorFromJwt(JwtProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = text(claim(jwt.getClaims(), claims.user()));
        String org = text(claim(jwt.getClaims(), claims.org()));
        if (user == null) {
            throw new InvalidBearerTokenException("token lacks the user claim '" + claims.user() + "'");
        }
        if (org == null) {
            throw new InvalidBearerTokenException("token lacks the org claim '" + claims.org() + "'");
        }
        return new ActorAuthentication(jwt, new Actor(user, org, roles(claim(jwt.getClaims(), claims.roles()))));
    }

    /** The claim named verbatim at the top level, else the dotted path through nested objects, else null. */
    static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String step : PATH_SEPARATOR.split(name, -1)) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }

    private static String text(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text;
        }
        return value instanceof Number ? String.valueOf(value) : null;
    }

    private Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).forEach(value -> addKnown(roles, (String) value));
        } else if (claim instanceof String value) {
            for (String part : ROLE_SEPARATORS.split(value)) {
                addKnown(roles, part);
            }
        }
        return roles;
    }

    /** {@code org-admin}, {@code Org_Admin} and {@code ORG_ADMIN} all name {@link Role#ORG_ADMIN}. */
    private void addKnown(Set<Role> roles, String name) {
        String normalized = normalize(name);
        if (claims.rolePrefix() != null) {
            String prefix = normalize(claims.rolePrefix());
            if (!normalized.startsWith(prefix)) {
                return;
            }
            normalized = normalized.substring(prefix.length());
        }
        for (Role role : Role.values()) {
            if (role.name().equals(normalized)) {
                roles.add(role);
            }
        }
    }

    private static String normalize(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
