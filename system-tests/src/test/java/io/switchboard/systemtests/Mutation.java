package io.switchboard.systemtests;

/** The one thing an "almost valid" request gets wrong, by the part of the request it is in. */
enum Mutation {
    NONE(Part.NOTHING),

    WRONG_TYPE(Part.BODY_FIELD),
    OUT_OF_RANGE(Part.BODY_FIELD),
    TOO_LONG(Part.BODY_FIELD),
    BAD_ENUM(Part.BODY_FIELD),
    /** Drawn three times as often: text that storage cannot hold has stopped read models (NUL in PostgreSQL). */
    ODD_UNICODE(Part.BODY_FIELD, 3),
    HUGE_NUMBER(Part.BODY_FIELD),
    EMPTY_VALUE(Part.BODY_FIELD),
    NULL_VALUE(Part.BODY_FIELD),
    MISSING_REQUIRED(Part.BODY_FIELD),
    UNKNOWN_PROPERTY(Part.BODY_FIELD),

    MALFORMED_BODY(Part.BODY),
    EMPTY_BODY(Part.BODY),
    NOT_AN_OBJECT(Part.BODY),
    OVERSIZED_BODY(Part.BODY),
    BODY_WHERE_NONE_IS_READ(Part.BODY),
    WRONG_CONTENT_TYPE(Part.BODY),

    OTHER_ORGS_ID(Part.PATH),
    GARBAGE_ID(Part.PATH),

    QUERY_WRONG_TYPE(Part.QUERY),
    QUERY_OUT_OF_RANGE(Part.QUERY),
    QUERY_TOO_LONG(Part.QUERY),
    QUERY_ODD_UNICODE(Part.QUERY),
    QUERY_MISSING_REQUIRED(Part.QUERY),
    QUERY_REPEATED(Part.QUERY),
    QUERY_GARBAGE_CURSOR(Part.QUERY),

    BAD_IF_MATCH(Part.HEADER),
    BAD_IDEMPOTENCY_KEY(Part.HEADER),
    BAD_MIN_POSITION(Part.HEADER),
    BAD_CORRELATION_ID(Part.HEADER),
    UNACCEPTABLE_ACCEPT(Part.HEADER),

    NO_TOKEN(Part.TOKEN),
    BAD_TOKEN(Part.TOKEN);

    /** Where the mutation is; how often each part is mutated is {@link FuzzRequests}' choice. */
    enum Part { NOTHING, BODY_FIELD, BODY, PATH, QUERY, HEADER, TOKEN }

    final Part part;
    /** How often it is drawn among the mutations of its part. */
    final int weight;

    Mutation(Part part) {
        this(part, 1);
    }

    Mutation(Part part, int weight) {
        this.part = part;
        this.weight = weight;
    }
}
