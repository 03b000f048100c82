package org.lhs.qi.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record in the canonical layout of one table, filled column by column from another format and then
 * validated by the canonical {@link RowConverter} (so every format obeys the same rules and vocabulary).
 */
public final class CanonicalRecord {

    private final String table;
    private final Map<String, Integer> positions = new HashMap<>();
    private final String[] fields;
    private final RowConverter converter;

    public CanonicalRecord(TableSpec spec, IngestSettings settings) {
        this.table = spec.table();
        List<String> header = spec.knownHeaderNames();
        for (int i = 0; i < header.size(); i++) {
            positions.put(header.get(i), i);
        }
        this.fields = new String[header.size()];
        this.converter = new RowConverter(spec, HeaderMapping.resolve(spec, spec.fileName(), header),
                settings.defaultSourceSystem(), settings.zone());
    }

    public String table() {
        return table;
    }

    /** Starts a new record: every column empty. */
    public CanonicalRecord clear() {
        Arrays.fill(fields, null);
        return this;
    }

    /** Sets a canonical column ({@code patient_id}, {@code code}, …; {@code <table>_id} for the source id). */
    public CanonicalRecord set(String column, String value) {
        Integer i = positions.get(column);
        if (i == null) {
            throw new IllegalArgumentException(table + " has no column " + column); // programming error
        }
        fields[i] = value;
        return this;
    }

    /** Validates and converts what was set. */
    public RowConverter.Outcome convert() {
        return converter.convert(Arrays.asList(fields));
    }

    /** A mapper needs the canonical converter only through this record. */
    public static RecordMapper checked(int headerSize, RecordMapper mapper) {
        return fields -> fields.size() != headerSize
                ? new RowConverter.Bad("record has " + fields.size() + " field(s) but the header has " + headerSize)
                : mapper.convert(fields);
    }
}
