package io.switchboard.support.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified and read. {@code hmacSecret} is the shared HS256 secret (at least 32 bytes);
 * the claim names let tokens of other identity providers be read by configuration alone.
 */
@ConfigurationProperties("switchboard.security.jwt")
public record JwtProperties(String hmacSecret, String issuer, Claims claims) {

    public JwtProperties {
        claims = claims == null ? new Claims(null, null, null) : claims;
    }

    public record Claims(String user, String org, String roles) {
        public Claims {
            user = user == null ? "sub" : user;
            org = org == null ? "org" : org;
            roles = roles == null ? "roles" : roles;
        }
    }
}
