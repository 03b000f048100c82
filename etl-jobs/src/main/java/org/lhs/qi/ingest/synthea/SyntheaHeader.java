package org.lhs.qi.ingest.synthea;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lhs.qi.ingest.ExtractRejectedException;

/**
 * Column positions of a Synthea file, found by name (any case) so that versions that add, drop, reorder or
 * rename columns ({@code START_YEAR} in 3.0, {@code START_DATE} in 3.3) still map.
 */
final class SyntheaHeader {

    private final String fileName;
    private final int size;
    private final Map<String, Integer> positions = new HashMap<>();

    SyntheaHeader(String fileName, List<String> header) {
        this.fileName = fileName;
        this.size = header.size();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(key(header.get(i)), i);
        }
    }

    int size() {
        return size;
    }

    /** Position of the first of these names present, or -1. */
    int optional(String... names) {
        for (String n : names) {
            Integer i = positions.get(key(n));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** Position of the first of these names present; the file is rejected when none is. */
    int required(String... names) {
        int i = optional(names);
        if (i < 0) {
            throw new ExtractRejectedException(fileName + ": header lacks column " + String.join(" or ", names)
                    + " (header has " + positions.keySet() + "); the whole file is rejected");
        }
        return i;
    }

    /** The stripped field at a position, or null when the position is -1 or the field empty. */
    static String field(List<String> fields, int index) {
        if (index < 0 || index >= fields.size()) {
            return null;
        }
        String v = fields.get(index);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    private static String key(String name) {
        return name.replace("\uFEFF", "").strip().toUpperCase(Locale.ROOT);
    }
}
