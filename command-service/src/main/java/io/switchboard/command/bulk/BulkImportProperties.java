package io.switchboard.command.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.bulk-import.*}: how many rows share one transaction ({@code chunk-size}), and how many chunks
 * are imported side by side across all running imports ({@code parallelism}, each holding a database connection).
 */
@ConfigurationProperties("switchboard.bulk-import")
record BulkImportProperties(Integer chunkSize, Integer parallelism) {

    BulkImportProperties {
        chunkSize = chunkSize == null ? 100 : chunkSize;
        parallelism = parallelism == null ? 2 : parallelism;
    }
}
