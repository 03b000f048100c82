package org.lhs.qi.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts skipped records per reason; bounded, so a reason that embeds a value cannot grow without limit. */
final class SkipTally {

    private static final int MAX_REASONS = 100;
    private static final String OTHER = "other reasons (more than " + MAX_REASONS + " distinct)";

    private final Map<String, Long> byReason = new LinkedHashMap<>();
    private long total;

    void add(String reason) {
        total++;
        String key = byReason.containsKey(reason) || byReason.size() < MAX_REASONS ? reason : OTHER;
        byReason.merge(key, 1L, Long::sum);
    }

    long total() {
        return total;
    }

    Map<String, Long> byReason() {
        return byReason;
    }
}
