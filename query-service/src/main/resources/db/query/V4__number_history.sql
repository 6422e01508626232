-- number-history: for each phone number, the global positions of its events in the event store that are not calls:
-- the PhoneNumber aggregate's own and the lifecycle of its Assignment aggregates (assigned, limits changed,
-- unassigned). A number's history and its state at a past instant are read through this table joined to
-- command.domain_event_entry by position, never by scanning the event store; the calls of an assignment are found
-- in its own stream, whose id this table holds. One row per event: a redelivered event changes nothing.
CREATE TABLE number_history (
    number_id       TEXT   NOT NULL,
    -- global_index of the event in domain_event_entry
    position        BIGINT NOT NULL,
    -- the number itself or one of its assignments
    aggregate_id    TEXT   NOT NULL,
    sequence_number BIGINT NOT NULL,
    -- the org the event belongs to: the number's holder at the time, or the assignment's org
    org_id          TEXT   NOT NULL,
    PRIMARY KEY (number_id, position)
);
