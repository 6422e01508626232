package io.switchboard.api.provider;

import java.time.Instant;

/**
 * The latest check of an account's credentials against its provider: never checked ({@code UNVERIFIED}, no time),
 * {@code VERIFIED} at {@code at}, or {@code FAILED} at {@code at} for {@code reason}.
 */
public record ProviderAccountVerification(Status status, Instant at, String reason) {

    public enum Status { UNVERIFIED, VERIFIED, FAILED }

    public static final ProviderAccountVerification UNVERIFIED =
            new ProviderAccountVerification(Status.UNVERIFIED, null, null);
}
