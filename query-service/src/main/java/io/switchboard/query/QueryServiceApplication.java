package io.switchboard.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Builds the read models from the event store and answers the queries of SPEC §4. */
@SpringBootApplication(scanBasePackages = {"io.switchboard.query", "io.switchboard.support"})
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
