package io.switchboard.command.bulk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads bulk imports run on: a bounded pool for chunks, and one for imports answered at once (202). */
@Configuration
@EnableConfigurationProperties(BulkImportProperties.class)
class BulkImportConfiguration {

    static final String CHUNKS = "bulkImportChunks";
    static final String BACKGROUND = "bulkImportBackground";

    @Bean(CHUNKS)
    ThreadPoolTaskExecutor bulkImportChunks(BulkImportProperties properties) {
        return executor("bulk-import-", properties.parallelism());
    }

    /** Runs an import a client did not wait for; its chunks still take their turn on the chunk pool. */
    @Bean(BACKGROUND)
    ThreadPoolTaskExecutor bulkImportBackground(BulkImportProperties properties) {
        return executor("bulk-import-background-", properties.parallelism());
    }

    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        // an import cut short by shutdown is INTERRUPTED, and the same Idempotency-Key resumes it
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }
}
