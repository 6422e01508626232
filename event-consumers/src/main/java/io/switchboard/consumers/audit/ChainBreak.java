package io.switchboard.consumers.audit;

/** A link of an aggregate's chain that does not hold, and why. */
record ChainBreak(ChainLink link, String problem) {

    @Override
    public String toString() {
        return "aggregate " + link.content().aggregateId() + " sequence " + link.content().sequence() + " (event "
                + link.content().eventId() + ", global position " + link.globalPosition() + ", " + link.location()
                + "): " + problem;
    }
}
