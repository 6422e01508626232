package io.switchboard.command.api;

import io.switchboard.command.CommandServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** A whole command service on a random port, against a given database and, optionally, a Kafka broker. */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** {@code kafkaBootstrapServers} null runs it without the publisher. */
    public static ServiceInstance start(String databaseUrl, String user, String password, String kafkaBootstrapServers) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.connection-init-sql=SET search_path TO command"));
        arguments.addAll(HttpClientSupport.tokenArguments());
        if (kafkaBootstrapServers == null) {
            arguments.add("--switchboard.kafka.enabled=false");
        } else {
            arguments.add("--switchboard.kafka.bootstrap-servers=" + kafkaBootstrapServers);
            arguments.add("--switchboard.kafka.partitions=3");
        }
        return new ServiceInstance(new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public HttpClientSupport http() {
        return new HttpClientSupport(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
