package io.switchboard.command.bulk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/** Logs how far an import has come: every thousand rows, at least every five seconds, and at the end. */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final int EVERY_ROWS = 1_000;
    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String importId;
    private final int total;
    private final long started = System.nanoTime();
    private final int doneBefore;
    private int done;
    private int logged;
    private long loggedAt = started;

    Progress(String importId, int total, int doneBefore) {
        this.importId = importId;
        this.total = total;
        this.doneBefore = doneBefore;
        this.done = doneBefore;
        this.logged = doneBefore;
        log.info("bulk import {}: {} rows{}", importId, total,
                doneBefore == 0 ? "" : ", resuming after the " + doneBefore + " already done");
    }

    synchronized void advance(int rows) {
        done += rows;
        long now = System.nanoTime();
        if (done == total) {
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            log.info("bulk import {}: {}/{} rows, done in {} s ({} rows/s)", importId, done, total,
                    String.format("%.1f", seconds), Math.round((done - doneBefore) / seconds));
        } else if (done - logged >= EVERY_ROWS || now - loggedAt >= EVERY_NANOS) {
            log.info("bulk import {}: {}/{} rows", importId, done, total);
            logged = done;
            loggedAt = now;
        }
    }
}
