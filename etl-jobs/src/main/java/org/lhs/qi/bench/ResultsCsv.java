package org.lhs.qi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Appends benchmark figures to {@code results.csv} (one row per figure) so runs on different days, commits and
 * machines can be compared; the header is written when the file is new.
 */
public final class ResultsCsv {

    /** Column names of the results file. */
    public static final List<String> HEADER = List.of("timestamp", "git_sha", "machine", "patients", "metric", "value", "unit");

    private ResultsCsv() {}

    /** Appends one row per metric, all stamped with the same run timestamp, git commit and machine. */
    public static void append(Path file, Instant timestamp, String gitSha, String machine, List<Metric> metrics) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
                if (fresh) {
                    csv.printRecord(HEADER);
                }
                for (Metric m : metrics) {
                    csv.printRecord(timestamp.toString(), gitSha, machine, m.patients(), m.name(), format(m.value()), m.unit());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Plain decimal, at most 4 decimals, no exponent, no locale: stable to diff and to load in a spreadsheet. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString().toLowerCase(Locale.ROOT);
    }
}
