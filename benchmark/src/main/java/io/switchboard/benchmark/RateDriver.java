package io.switchboard.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * An open-model load: requests start at a fixed rate whatever the answers' speed (a slow service does not slow
 * the offered load down), each one timed from its start to its answer. At most {@value #MAX_IN_FLIGHT} are
 * outstanding: past that the service is saturated, and further requests are counted as not sent rather than
 * queued without bound.
 */
final class RateDriver {

    private static final int TICKS_PER_SECOND = 100;
    static final int MAX_IN_FLIGHT = 256;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger notSent = new AtomicInteger();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /** What a closed-loop step measured. */
    record Step(int concurrency, Duration duration, List<Double> latencies, int accepted, int failures) {
        double perSecond() {
            return accepted / (duration.toMillis() / 1000.0);
        }
    }

    /**
     * Closed loop: {@code concurrency} clients each send the next request when the last is answered; a request
     * counts as accepted when {@code accept} says so of its status.
     */
    Step closedLoop(int concurrency, Duration duration, IntFunction<HttpRequest> request, IntPredicate accept)
            throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Double> timings = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < until) {
                    long started = System.nanoTime();
                    try {
                        int status = this.client.send(request.apply(next.getAndIncrement()),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (accept.test(status)) {
                            ok.incrementAndGet();
                            timings.add((System.nanoTime() - started) / 1_000_000.0);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        return new Step(concurrency, duration, List.copyOf(timings), ok.get(), failed.get());
    }

    /** Sends {@code rate} requests a second for {@code duration}; {@code request} builds the n-th one. */
    void run(int rate, Duration duration, IntFunction<HttpRequest> request) throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long elapsed = System.nanoTime() - start;
            long due = elapsed * rate / 1_000_000_000L;
            while (sent.get() < due) {
                send(request.apply(sent.getAndIncrement()));
            }
        }, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
        Thread.sleep(duration.toMillis());
        ticker.shutdownNow();
    }

    private void send(HttpRequest request) {
        if (!inFlight.tryAcquire()) {
            notSent.incrementAndGet();
            return;
        }
        long started = System.nanoTime();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            if (failure == null && response.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
                latencies.add((System.nanoTime() - started) / 1_000_000.0);
            } else {
                failures.incrementAndGet();
            }
        });
    }

    List<Double> latencies() {
        return List.copyOf(latencies);
    }

    int accepted() {
        return accepted.get();
    }

    int failures() {
        return failures.get();
    }

    int notSent() {
        return notSent.get();
    }
}
