package io.switchboard.command.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.util.LinkedHashMap;
import java.util.Map;

/** In-memory token buckets by key, at most {@code max} of them: the least recently used is dropped first. */
final class Buckets<K> {

    private final Bandwidth limit;
    private final Map<K, Bucket> buckets;

    Buckets(RateLimitProperties.Limit limit, int max) {
        this.limit = limit.bandwidth();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    synchronized Bucket of(K key) {
        return buckets.computeIfAbsent(key, absent -> Bucket.builder().addLimit(limit).build());
    }
}
