package org.lhs.qi.ingest;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Ingest configuration.
 *
 * @param defaultSourceSystem source system of rows in files without a {@code source_system} column
 * @param zone                zone of extract times written without an offset
 */
public record IngestSettings(String defaultSourceSystem, ZoneId zone) {

    public IngestSettings {
        if (defaultSourceSystem == null || defaultSourceSystem.isBlank()) {
            throw new IllegalArgumentException("a default source system is required");
        }
        Objects.requireNonNull(zone, "zone");
    }
}
