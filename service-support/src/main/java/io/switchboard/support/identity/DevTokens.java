package io.switchboard.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.api.common.Role;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * Mints HS256 bearer tokens for development and tests, shaped as the services read them by default, and names
 * the configuration under which a service accepts them.
 */
public final class DevTokens {

    /** The {@code iss} of every development token. */
    public static final String ISSUER = "switchboard-local";
    /** The {@code aud} of every development token. */
    public static final String AUDIENCE = "switchboard";

    private DevTokens() {
    }

    /** The environment variables of a service process that accepts tokens minted with {@code hmacSecret}. */
    public static Map<String, String> environment(String hmacSecret) {
        return Map.of("SWITCHBOARD_JWT_SECRET", hmacSecret,
                "SWITCHBOARD_JWT_ISSUER", ISSUER,
                "SWITCHBOARD_JWT_AUDIENCES", AUDIENCE);
    }

    /** The same as Spring properties, for a service started in process. */
    public static Map<String, String> properties(String hmacSecret) {
        return Map.of("switchboard.security.jwt.hmac-secret", hmacSecret,
                "switchboard.security.jwt.issuer", ISSUER,
                "switchboard.security.jwt.audiences", AUDIENCE);
    }

    public static String mint(String hmacSecret, String userId, String orgId, Collection<Role> roles,
                              Instant now, Duration validFor) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId)
                .claim("org", orgId)
                .claim("roles", roles.stream().map(Role::name).toList())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(hmacSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
