package org.lhs.qi.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checked-in list of test cases whose expected result is a content defect of the deck, each with its reason:
 * {@code <measure folder>\t<patient id>\t<reason>} per line, {@code #} comments. A listed case still runs and is
 * reported as a known defect (never silently skipped); a listed case that passes is reported as stale.
 */
public record KnownDeckDefects(Map<String, String> reasons) {

    /** No known defects. */
    public static KnownDeckDefects none() {
        return new KnownDeckDefects(Map.of());
    }

    public static KnownDeckDefects read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                if (f.length < 3 || f[2].isBlank()) {
                    throw new IllegalArgumentException(file + ":" + n + ": expected <measure>\\t<patient id>\\t<reason>");
                }
                out.put(f[0] + "/" + f[1], f[2].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownDeckDefects(Map.copyOf(out));
    }

    /** The reason a case is a known defect, or null. */
    public String reason(String measure, String patientId) {
        return reasons.get(measure + "/" + patientId);
    }
}
