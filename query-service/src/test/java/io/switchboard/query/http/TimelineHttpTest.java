package io.switchboard.query.http;

import io.switchboard.api.common.E164Number;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;

/** HTTP tests over one number's scripted past ({@link NumberTimeline}): held by {@code org}, then by {@code orgB}. */
abstract class TimelineHttpTest extends HttpTest {

    protected final String orgB = "org-b-" + org;
    protected final E164Number number = TestNumbers.british();
    protected NumberTimeline timeline;

    @BeforeEach
    void timeline() {
        timeline = new NumberTimeline(events, org, orgB, number).write();
    }
}
