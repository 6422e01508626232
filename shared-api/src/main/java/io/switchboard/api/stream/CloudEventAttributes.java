package io.switchboard.api.stream;

/**
 * How Switchboard events travel on Kafka: CloudEvents 1.0, structured content mode of the Kafka protocol
 * binding (the record value is the whole event as JSON, {@code content-type: application/cloudevents+json}),
 * keyed by aggregate id so each aggregate's events stay in order on one partition.
 */
public final class CloudEventAttributes {

    public static final String TOPIC = "switchboard.events";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SOURCE = "/switchboard/command-service";

    public static final String SPEC_VERSION = "specversion";
    public static final String ID = "id";
    public static final String SOURCE_ATTRIBUTE = "source";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String DATA_CONTENT_TYPE = "datacontenttype";
    public static final String DATA = "data";

    /** Extensions (lower-case letters and digits only, as CloudEvents requires). */
    public static final String ORG_ID = "orgid";
    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String GLOBAL_POSITION = "globalposition";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationid";
    /** The event's link in its aggregate's tamper-evident chain ({@link ChainHash}). */
    public static final String CHAIN_HASH = "chainhash";

    private CloudEventAttributes() {
    }
}
