package io.switchboard.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.Role;
import io.switchboard.api.stream.CloudEventAttributes;
import io.switchboard.infra.Stack;
import io.switchboard.infra.Workspace;
import io.switchboard.support.identity.DevTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publish lag of the outbox, commit to Kafka acknowledgement, at a steady command rate against the whole stack
 * started as {@code ./switchboard up} starts it. Each command stores one event; the lag of an event is the
 * broker's append time of its record minus the event's time. Baseline in the same run: a plain Kafka producer
 * sending event-sized records at the same rate to the same broker, send to acknowledgement.
 */
public final class PublishLagBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Path report = Path.of(options.getOrDefault("report", "benchmark/reports/publish-lag.md"));

        Workspace workspace = new Workspace(Files.createTempDirectory("switchboard-benchmark"));
        System.out.println("Starting the stack...");
        try (Stack stack = Stack.start(new Stack.Options(Path.of(System.getProperty("switchboard.home", ".")),
                workspace, freePort(), freePort(), freePort(), freePort(), null))) {
            String token = DevTokens.mint(workspace.secret(), "bench", "bench-org", List.of(Role.MEMBER),
                    Instant.now(), Duration.ofHours(2));
            URI agents = URI.create(stack.commandUrl() + "/api/v1/agents");
            RateDriver driver = new RateDriver();
            LagRecorder lags = new LagRecorder(stack.kafkaBootstrapServers());
            Thread recorder = new Thread(lags);

            IntFunction<HttpRequest> register = n -> HttpRequest.newBuilder(agents)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"agent " + n + "\"}")).build();
            System.out.printf("Warming up (8 clients, closed loop) for %s...%n", warmup);
            new RateDriver().closedLoop(8, warmup, register, status -> status / 100 == 2);
            Thread.sleep(5_000);
            System.out.printf("Offering %d commands/s for %s...%n", rate, measured);
            recorder.start();
            Instant measureFrom = Instant.now();
            driver.run(rate, measured, register);
            Instant measureUntil = Instant.now();
            Thread.sleep(5_000);
            lags.stop();
            recorder.join();

            List<Double> lagSample = lags.between(measureFrom, measureUntil);
            Percentiles baseline = rawProducerBaseline(stack.kafkaBootstrapServers(), rate, Duration.ofSeconds(20));
            String text = report(rate, measured, lagSample.size() / (double) measured.toSeconds(),
                    Percentiles.of(lagSample), baseline, Percentiles.of(driver.latencies()), driver.failures(),
                    driver.notSent());
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
            System.out.println(text);
        }
    }

    private static String report(int rate, Duration measured, double eventsPerSecond, Percentiles lag,
                                 Percentiles baseline, Percentiles http, int failures, int notSent) {
        return String.format(Locale.ROOT, """
                # Publish lag benchmark

                Run: %s, %d cores, Java %s. Whole stack on this machine (PostgreSQL, Kafka, both services, and this
                load generator), warmed up closed-loop first. Offered load: %d commands/s for %d s (one event each);
                events published in the measured window: %.0f/s. HTTP failures: %d. Not sent because %d requests were
                already outstanding (service saturated): %d.

                %s
                %s
                %s
                %s

                Target: publish lag p99 <= 200 ms at 500 events/s. Lag p99 / raw producer p99 = %.1f.
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                rate, measured.toSeconds(), eventsPerSecond, failures, RateDriver.MAX_IN_FLIGHT, notSent,
                Percentiles.header(),
                lag.row("publish lag (event commit to Kafka append)"),
                baseline.row("baseline: raw producer send to ack, same rate and broker"),
                http.row("command latency over HTTP"), lag.p99() / baseline.p99());
    }

    /** What Kafka alone costs at the same rate: event-sized records, send to acknowledgement. */
    private static Percentiles rawProducerBaseline(String bootstrapServers, int rate, Duration duration)
            throws InterruptedException {
        ConcurrentLinkedQueue<Double> acks = new ConcurrentLinkedQueue<>();
        byte[] value = new byte[600];
        String topic = CloudEventAttributes.TOPIC + ".baseline";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the baseline topic", e);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            long total = rate * duration.toSeconds();
            for (long n = 0; n < total; n++) {
                long due = start + n * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k" + (n % 64), value),
                        (metadata, failure) -> acks.add((System.nanoTime() - sent) / 1_000_000.0));
            }
            producer.flush();
        }
        return Percentiles.of(new ArrayList<>(acks));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Reads the event topic and keeps, per event, its time and its lag to the broker's append time. */
    private static final class LagRecorder implements Runnable {
        private record Sample(Instant eventTime, double lagMillis) {
        }

        private final String bootstrapServers;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

        LagRecorder(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        void stop() {
            running.set(false);
        }

        List<Double> between(Instant from, Instant until) {
            return samples.stream().filter(s -> !s.eventTime().isBefore(from) && s.eventTime().isBefore(until))
                    .map(Sample::lagMillis).toList();
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = List.of();
                while (partitions.isEmpty() && running.get()) {
                    partitions = consumer.listTopics(Duration.ofSeconds(5)).getOrDefault(CloudEventAttributes.TOPIC, List.of())
                            .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        JsonNode event = JSON.readTree(record.value());
                        Instant time = Instant.parse(event.get(CloudEventAttributes.TIME).asText());
                        samples.add(new Sample(time, record.timestamp() - time.toEpochMilli()));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
