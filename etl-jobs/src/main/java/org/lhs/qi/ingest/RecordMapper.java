package org.lhs.qi.ingest;

import java.util.List;

/**
 * Turns the fields of one source record into staging values of one canonical table, a quarantine reason,
 * or a reasoned skip. Implemented by {@link RowConverter} for the canonical layout and by importers of
 * other formats (which usually build canonical fields and hand them to a {@link RowConverter}).
 */
@FunctionalInterface
public interface RecordMapper {

    RowConverter.Outcome convert(List<String> fields);
}
