package io.switchboard.query.http;

import io.switchboard.api.common.E164Number;
import io.switchboard.query.testing.TestNumbers;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** HTTP tests over one number's scripted past ({@link NumberTimeline}): held by {@code org}, then by {@code orgB}. */
abstract class TimelineHttpTest extends HttpTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private JdbcClient jdbc;

    protected final String orgB = "org-b-" + org;
    protected final E164Number number = TestNumbers.british();
    protected TimedEvents events;
    protected NumberTimeline timeline;

    @BeforeEach
    void timeline() {
        events = new TimedEvents(eventStore, new TransactionTemplate(transactionManager), jdbc);
        timeline = new NumberTimeline(events, org, orgB, number).write();
    }
}
