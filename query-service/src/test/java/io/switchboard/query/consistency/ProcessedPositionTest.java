package io.switchboard.query.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedPositionTest {

    @Test
    @DisplayName("a token has handled every position up to its index")
    void up_to_index() {
        TrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of());

        assertThat(ProcessedPosition.includes(token, 1)).isTrue();
        assertThat(ProcessedPosition.includes(token, 10)).isTrue();
        assertThat(ProcessedPosition.includes(token, 11)).isFalse();
    }

    @Test
    @DisplayName("a position in the token's gaps has not been handled")
    void gap_not_handled() {
        TrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(7L));

        assertThat(ProcessedPosition.includes(token, 7)).isFalse();
    }

    @Test
    @DisplayName("a gap below the position does not hold it back, unlike covers() with no gaps")
    void gap_below_does_not_block() {
        TrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(7L));

        assertThat(ProcessedPosition.includes(token, 9)).isTrue();
        assertThat(token.covers(GapAwareTrackingToken.newInstance(9, Set.of()))).isFalse();
    }

    @Test
    @DisplayName("during a replay, only what the replay has reached is handled")
    void replay_progress() {
        TrackingToken replaying = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(50, Set.of()), GapAwareTrackingToken.newInstance(20, Set.of()));

        assertThat(ProcessedPosition.includes(replaying, 20)).isTrue();
        assertThat(ProcessedPosition.includes(replaying, 21)).isFalse();
    }

    @Test
    @DisplayName("a segment that has not started has handled nothing")
    void no_token() {
        assertThat(ProcessedPosition.includes(null, 0)).isFalse();
    }
}
