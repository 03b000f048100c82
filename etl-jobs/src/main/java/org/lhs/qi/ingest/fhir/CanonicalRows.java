package org.lhs.qi.ingest.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lhs.qi.ingest.CanonicalRecord;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.RowConverter;

/**
 * Canonical records for the per-resource-type mappers: one reusable record per table, validated by the
 * canonical converter so FHIR obeys the same rules and vocabulary as the CSV layouts.
 */
final class CanonicalRows {

    private final Map<String, CanonicalRecord> records = new HashMap<>();
    private final IngestSettings settings;

    CanonicalRows(IngestSettings settings) {
        this.settings = settings;
    }

    /** An empty record of a canonical table. */
    CanonicalRecord record(String table) {
        return records.computeIfAbsent(table, t -> new CanonicalRecord(FhirTables.stagingSpec(t).orElseThrow(), settings))
                .clear();
    }

    /** Converts a filled record: adds its row and returns null, or returns the reason it is bad ({@code SKIP:} for skips). */
    static String add(List<FhirResourceMapper.Row> rows, CanonicalRecord rec) {
        return switch (rec.convert()) {
            case RowConverter.Good g -> {
                rows.add(new FhirResourceMapper.Row(rec.table(), g.values()));
                yield null;
            }
            case RowConverter.Bad b -> b.reason();
            case RowConverter.Skipped s -> "SKIP:" + s.reason();
            case RowConverter.Deletion d -> "deletions are not supported in FHIR imports";
        };
    }
}
