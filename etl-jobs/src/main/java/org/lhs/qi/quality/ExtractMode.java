package org.lhs.qi.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a night's extract holds everything ({@code full}) or only the changes since the previous extract
 * ({@code incremental}). Extract volumes are only comparable between extracts of the same mode.
 */
public enum ExtractMode {
    FULL, INCREMENTAL;

    /** The name used in check files, {@code extract.properties} and {@code qi.dq_extract_run}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ExtractMode> byLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(ExtractMode::label).toList();
    }
}
