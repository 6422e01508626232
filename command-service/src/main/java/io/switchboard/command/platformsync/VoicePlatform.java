package io.switchboard.command.platformsync;

/**
 * A voice platform's phone numbers, by the platform's own id of each: which assistant answers it, and giving it
 * up. Each call is one attempt; a failure is a {@link PlatformCallFailed} that says whether trying again may help.
 */
interface VoicePlatform {

    void assign(String phoneNumberId, String assistantId);

    /** No assistant answers the number any more. */
    void unassign(String phoneNumberId);

    /** The number is gone from the platform; one that is already gone counts as released. */
    void release(String phoneNumberId);
}
