package org.lhs.qi.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits a canonical extract whose data ends on {@code day} into two nights: the full extract of the night before
 * (every row that started before {@code day}, with ends that happen on {@code day} not yet known) and the
 * incremental extract of {@code day} itself (rows that started on it, plus the rows whose end became known on it,
 * delivered again as updates). Loading the full extract and then the day gives exactly the source extract, which is
 * what the benchmark's incremental night needs; the generator itself is not day-stable (its output depends on the
 * end date), so two generated extracts could not be diffed. Streams row by row: memory is flat in file size.
 */
public final class IncrementalDay {

    /** Rows written per file: into the full extract and into the day's extract. */
    public record Split(Map<String, Long> fullRows, Map<String, Long> dayRows) {

        public long dayTotal() {
            return dayRows.values().stream().mapToLong(Long::longValue).sum();
        }

        public long fullTotal() {
            return fullRows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A file's start column (when the row came to exist) and the columns only known once it ended. */
    record Timing(String start, List<String> endColumns) {
    }

    /** The canonical files and their times; files without a start (site, patient) always belong to the full extract. */
    static final Map<String, Timing> TIMINGS = Map.ofEntries(
            Map.entry("patient.csv", new Timing(null, List.of("death_date"))),
            Map.entry("coverage.csv", new Timing("start_date", List.of("end_date"))),
            Map.entry("encounter.csv", new Timing("admit_time", List.of("discharge_time", "discharge_disposition"))),
            Map.entry("unit_stay.csv", new Timing("start_time", List.of("end_time"))),
            Map.entry("device_episode.csv", new Timing("start_time", List.of("end_time"))),
            Map.entry("condition.csv", new Timing("onset_time", List.of("abatement_time"))),
            Map.entry("procedure.csv", new Timing("performed_time", List.of())),
            Map.entry("observation.csv", new Timing("effective_time", List.of())),
            Map.entry("medication.csv", new Timing("start_time", List.of("end_time"))),
            Map.entry("safety_event.csv", new Timing("event_time", List.of())),
            Map.entry("survey_response.csv", new Timing("response_time", List.of())));

    private IncrementalDay() {}

    /**
     * Writes {@code full} (the night before {@code day}) and {@code dayDir} (the changes of {@code day}, declared
     * {@code mode=incremental} in its {@code extract.properties}) from the extract in {@code source}.
     */
    public static Split split(Path source, LocalDate day, Path full, Path dayDir) throws IOException {
        Files.createDirectories(full);
        Files.createDirectories(dayDir);
        Map<String, Long> fullRows = new LinkedHashMap<>();
        Map<String, Long> dayRows = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(source)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            long[] counts = splitFile(file, TIMINGS.get(name), day, full.resolve(name), dayDir.resolve(name));
            fullRows.put(name, counts[0]);
            dayRows.put(name, counts[1]);
        }
        Files.writeString(full.resolve("extract.properties"), "mode=full\n");
        Files.writeString(dayDir.resolve("extract.properties"), "mode=incremental\n");
        return new Split(fullRows, dayRows);
    }

    private static long[] splitFile(Path file, Timing timing, LocalDate day, Path fullFile, Path dayFile) throws IOException {
        long toFull = 0;
        long toDay = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             Writer fw = Files.newBufferedWriter(fullFile, StandardCharsets.UTF_8);
             Writer dw = Files.newBufferedWriter(dayFile, StandardCharsets.UTF_8);
             CSVPrinter fullOut = new CSVPrinter(fw, CSVFormat.RFC4180);
             CSVPrinter dayOut = new CSVPrinter(dw, CSVFormat.RFC4180)) {
            List<String> header = parser.getHeaderNames();
            fullOut.printRecord(header);
            dayOut.printRecord(header);
            int start = timing == null || timing.start() == null ? -1 : header.indexOf(timing.start());
            List<Integer> ends = new ArrayList<>();
            if (timing != null) {
                timing.endColumns().forEach(c -> ends.add(header.indexOf(c)));
            }
            int endTime = ends.isEmpty() ? -1 : ends.getFirst();
            for (CSVRecord record : parser) {
                List<String> row = record.toList();
                if (start >= 0 && onOrAfter(row.get(start), day)) {
                    dayOut.printRecord(row);
                    toDay++;
                } else if (endTime >= 0 && onOrAfter(row.get(endTime), day)) {
                    // known the night before without its end; the day delivers the whole row again, ended
                    List<String> open = new ArrayList<>(row);
                    ends.stream().filter(i -> i >= 0).forEach(i -> open.set(i, ""));
                    fullOut.printRecord(open);
                    dayOut.printRecord(row);
                    toFull++;
                    toDay++;
                } else {
                    fullOut.printRecord(row);
                    toFull++;
                }
            }
        }
        return new long[] {toFull, toDay};
    }

    /** Whether a date or time value falls on or after {@code day} (times without an offset are UTC); blank is never. */
    static boolean onOrAfter(String value, LocalDate day) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip();
        LocalDate date;
        if (v.length() == 10) {
            date = LocalDate.parse(v);
        } else if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
            date = OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } else {
            date = LocalDateTime.parse(v).toLocalDate();
        }
        return !date.isBefore(day);
    }
}
