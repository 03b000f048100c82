package org.lhs.qi.ops;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Asserts that program output holds no record identifier and no clinical value of an extract. */
final class LogPrivacy {

    /** Values of the malformed row of the hand-checked extract (line 43 of observation.csv). */
    static final List<String> QUARANTINED_VALUES = List.of("O-BAD-001", "2026-10-45T10:00:00Z", "2026-10-45");

    private LogPrivacy() {}

    /**
     * Every identifier in the extract's {@code *_id} columns except site ids (sites are organisations, and
     * their ids name the site scorecards), plus the quarantined row's values.
     */
    static Set<String> forbiddenTokens(Path extract) throws IOException {
        Set<String> tokens = new TreeSet<>(QUARANTINED_VALUES);
        try (Stream<Path> files = Files.list(extract)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("site.csv")).toList()) {
                List<String> lines = Files.readAllLines(file);
                String[] header = lines.getFirst().split(",", -1);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.split(",", -1);
                    for (int i = 0; i < header.length && i < fields.length; i++) {
                        if (header[i].endsWith("_id") && !header[i].equals("site_id") && !fields[i].isBlank()) {
                            tokens.add(fields[i].strip());
                        }
                    }
                }
            }
        }
        return tokens;
    }

    static void assertClean(String output, Set<String> forbidden) {
        for (String token : forbidden) {
            Pattern word = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(token) + "(?![A-Za-z0-9-])");
            var m = word.matcher(output);
            if (m.find()) {
                int from = Math.max(0, output.lastIndexOf('\n', m.start()) + 1);
                int to = output.indexOf('\n', m.end());
                fail("output reveals '" + token + "': " + output.substring(from, to < 0 ? output.length() : to));
            }
        }
    }
}
