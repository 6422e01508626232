package io.switchboard.query.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Whether a tracking token has handled the event at one global index.
 * <p>
 * Not {@code token.covers(new GapAwareTrackingToken(position, emptySet))}: that also demands that no index below
 * the position is a gap any more. An index whose transaction rolled back (a lost optimistic-locking race, a
 * refused duplicate import) never gets an event and stays a gap until Axon's gap timeout, so every read that
 * waits on a later position would time out meanwhile. The event at the position is handled once the token has
 * gone past it and it is not one of the token's gaps; the caller's own earlier events, committed before this
 * one, were fetched no later than it and handled first.
 */
final class ProcessedPosition {

    private ProcessedPosition() {
    }

    /** During a replay the lower bound is the replay's progress, so a rebuilt read model is waited for too. */
    static boolean includes(TrackingToken token, long position) {
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken handled
                && handled.getIndex() >= position
                && !handled.getGaps().contains(position);
    }
}
