package org.lhs.qi.generate;

/** What {@code qi generate} writes: canonical CSV, FHIR R4 Bulk Data NDJSON, or both (NDJSON then in {@code fhir/}). */
public enum OutputFormat {
    CSV, NDJSON, BOTH;

    boolean csv() {
        return this != NDJSON;
    }

    boolean ndjson() {
        return this != CSV;
    }
}
