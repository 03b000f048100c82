package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deterministic fuzzer (seeded {@link Random}): 100 mutated canonical {@code patient.csv} files and 100 mutated
 * {@code Patient.ndjson} files — truncated lines, wrong types, unknown codes, duplicated ids, extra fields, NUL,
 * bytes that are not UTF-8, 10 MB fields, a 17 M-character line. For every file: no exception escapes the
 * ingest; read = staged + quarantined + skipped; every unmutated record is staged (by id and line); every
 * mutation that must be rejected is quarantined with a reason; the error-rate policy fails the file exactly when
 * more than 5% of its records are quarantined, naming it. Duplicated ids are staged twice (the normaliser keeps
 * the last line, as for any extract).
 */
class HostileExtractIT {

    static final long RUN = 990_404;
    static final String SYSTEM = "hostile-it";
    static final int RECORDS = 20;
    static final int FILES_PER_FORMAT = 100;
    static final int TEN_MB = 10 << 20;

    final DataSource dataSource = TestDatabase.dataSource();
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final IngestSettings settings = new IngestSettings(SYSTEM, ZoneOffset.UTC);
    final ErrorRatePolicy policy = new ErrorRatePolicy(0.05);

    @TempDir
    Path dir;

    /** What a mutation must do to its record. */
    enum Expect { QUARANTINED, STAGED, EITHER }

    enum Mutation {
        TRUNCATE(Expect.EITHER), WRONG_TYPE(Expect.QUARANTINED), UNKNOWN_CODE(Expect.QUARANTINED),
        DUPLICATE_ID(Expect.STAGED), EXTRA_FIELD(Expect.QUARANTINED), NUL(Expect.QUARANTINED),
        BAD_UTF8_MAPPED(Expect.QUARANTINED), BAD_UTF8_UNMAPPED(Expect.STAGED), HUGE_FIELD(Expect.QUARANTINED),
        NOT_AN_OBJECT(Expect.QUARANTINED);

        final Expect expect;

        Mutation(Expect expect) {
            this.expect = expect;
        }
    }

    /** One line of a generated file: its bytes, the id it carries, and what must become of it (null: not a record). */
    record Line(byte[] bytes, String id, Mutation mutation) {}

    @BeforeEach
    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM staging.patient WHERE source_system = ?").param(SYSTEM).update();
        jdbc.sql("DELETE FROM qi.ingest_reconciliation WHERE run_id = ?").param(RUN).update();
        jdbc.sql("DELETE FROM qi.quarantine WHERE run_id = ?").param(RUN).update();
        jdbc.sql("DELETE FROM qi.extract_file WHERE run_id = ?").param(RUN).update();
    }

    @Test
    void mutatedCanonicalCsvNeverCrashesAndKeepsEveryGoodRecord() throws IOException {
        ExtractFileIngester ingester = new ExtractFileIngester(dataSource, settings);
        Random random = new Random(20261123L);
        Map<Mutation, Integer> seen = new HashMap<>();
        int rejectedByPolicy = 0;
        for (int f = 0; f < FILES_PER_FORMAT; f++) {
            Path folder = Files.createDirectory(dir.resolve("csv-" + f));
            List<Line> lines = csvFile(random, f, seen);
            Path file = write(folder.resolve("patient.csv"), "patient_id,birth_date,sex,race,ethnicity,language,zip",
                    lines);
            FileIngestResult r = ingester.ingest(file, RUN); // any exception here fails the test
            rejectedByPolicy += check(r, lines, 2);
        }
        assertThat(seen.keySet()).containsAll(List.of(Mutation.TRUNCATE, Mutation.WRONG_TYPE, Mutation.UNKNOWN_CODE,
                Mutation.DUPLICATE_ID, Mutation.EXTRA_FIELD, Mutation.NUL, Mutation.BAD_UTF8_MAPPED, Mutation.HUGE_FIELD));
        assertThat(rejectedByPolicy).isPositive().isLessThan(FILES_PER_FORMAT);
    }

    @Test
    void mutatedNdjsonNeverCrashesAndKeepsEveryGoodResource() throws IOException {
        FhirImporter importer = new FhirImporter(dataSource, settings);
        Random random = new Random(4L);
        Map<Mutation, Integer> seen = new HashMap<>();
        int rejectedByPolicy = 0;
        for (int f = 0; f < FILES_PER_FORMAT; f++) {
            Path folder = Files.createDirectory(dir.resolve("fhir-" + f));
            List<Line> lines = ndjsonFile(random, f, seen);
            Path file = write(folder.resolve("Patient.ndjson"), null, lines);
            FileIngestResult r = importer.importFile(file, RUN);
            rejectedByPolicy += check(r, lines, 1);
        }
        assertThat(seen.keySet()).containsAll(List.of(Mutation.values()));
        assertThat(rejectedByPolicy).isPositive().isLessThan(FILES_PER_FORMAT);
    }

    @Test
    void anNdjsonLineBeyondTheCeilingIsQuarantinedWithoutBeingKept() throws IOException {
        String huge = "{\"resourceType\":\"Patient\",\"id\":\"HX\",\"text\":\"" + "x".repeat(17 << 20) + "\"}";
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(patientJson("H1", "female", "1960-01-01", null).getBytes(StandardCharsets.UTF_8), "H1", null));
        lines.add(new Line(huge.getBytes(StandardCharsets.UTF_8), "HX", Mutation.HUGE_FIELD));
        lines.add(new Line(patientJson("H2", "male", "1961-01-01", null).getBytes(StandardCharsets.UTF_8), "H2", null));
        Path file = write(Files.createDirectory(dir.resolve("huge")).resolve("Patient.ndjson"), null, lines);
        FileIngestResult r = new FhirImporter(dataSource, settings).importFile(file, RUN);
        check(r, lines, 1);
        String reason = jdbc.sql("SELECT reason || '|' || length(raw) FROM qi.quarantine WHERE run_id = ? AND line_no = 2")
                .param(RUN).query(String.class).single();
        // 44 characters before the text, 17 × 2^20 = 17,825,792 x's, 2 after: 17,825,838 characters, of which only
        // the first 1000 (+ an ellipsis) are kept
        assertEquals("line is 17825838 characters long, more than the 16777216 allowed; not read|1001", reason);
    }

    /** Checks one ingested file; returns 1 when the policy rejects it. */
    private int check(FileIngestResult r, List<Line> lines, int firstDataLine) {
        assertEquals(r.rowsRead(), r.rowsStaged() + r.rowsQuarantined() + r.rowsSkipped(), r.fileName() + " reconciles");
        long records = lines.stream().filter(l -> l.id() != null).count();
        assertEquals(records, r.rowsRead(), "every record is read");
        Set<String> staged = new HashSet<>(jdbc.sql(
                "SELECT line_no || ':' || source_id FROM staging.patient WHERE extract_file_id IN"
                        + " (SELECT id FROM qi.extract_file WHERE run_id = ? AND checksum = (SELECT checksum FROM qi.extract_file WHERE id = ?))")
                .param(RUN).param(r.extractFileId()).query(String.class).list());
        Set<Long> quarantined = new HashSet<>(jdbc.sql("SELECT line_no FROM qi.quarantine WHERE extract_file_id = ?")
                .param(r.extractFileId()).query(Long.class).list());
        assertEquals(r.rowsQuarantined(), quarantined.size(), "one quarantine row per bad record");
        long lineNo = firstDataLine - 1;
        for (Line l : lines) {
            lineNo++;
            if (l.id() == null) {
                continue; // blank line
            }
            String key = lineNo + ":" + l.id();
            Expect expect = l.mutation() == null ? Expect.STAGED : l.mutation().expect;
            switch (expect) {
                case STAGED -> assertTrue(staged.contains(key), () -> r.fileName() + " line " + key + " ("
                        + l.mutation() + ") must be staged; quarantined: " + r.sampleReasons());
                case QUARANTINED -> assertTrue(quarantined.contains(lineNo), r.fileName() + " line " + lineNo
                        + " (" + l.mutation() + ") must be quarantined");
                case EITHER -> assertTrue(staged.contains(key) ^ quarantined.contains(lineNo), "line " + lineNo);
            }
        }
        assertThat(jdbc.sql("SELECT coalesce(max(length(raw)), 0) FROM qi.quarantine WHERE extract_file_id = ?")
                .param(r.extractFileId()).query(Long.class).single()).isLessThanOrEqualTo(100_001);
        try {
            policy.check(List.of(r));
            assertTrue(r.errorRate() <= 0.05, "policy passes only up to 5%");
            return 0;
        } catch (ExtractRejectedException e) {
            assertTrue(r.errorRate() > 0.05, "policy fails only above 5%");
            assertThat(e.getMessage()).contains(r.fileName() + ": " + r.rowsQuarantined() + " of " + r.rowsRead());
            return 1;
        }
    }

    private List<Line> csvFile(Random random, int fileNo, Map<Mutation, Integer> seen) {
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            // the first record carries the file number, so every file has its own checksum
            records.add(new String[] {"F" + fileNo + "P" + i, "19" + (40 + i) + "-0" + (1 + i % 9) + "-1" + (i % 9),
                    i % 2 == 0 ? "female" : "male", "white", "not-hispanic-or-latino", "en", i == 0 ? "Z" + fileNo : "0213" + (i % 10)});
        }
        Map<Integer, Mutation> mutations = pick(random, seen, List.of(Mutation.TRUNCATE, Mutation.WRONG_TYPE,
                Mutation.UNKNOWN_CODE, Mutation.DUPLICATE_ID, Mutation.EXTRA_FIELD, Mutation.NUL,
                Mutation.BAD_UTF8_MAPPED, Mutation.HUGE_FIELD), fileNo);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            if (random.nextInt(10) == 0) {
                lines.add(new Line(new byte[0], null, null)); // blank lines are not records
            }
            String[] f = records.get(i).clone();
            Mutation m = mutations.get(i);
            byte[] bytes;
            if (m == null) {
                bytes = String.join(",", f).getBytes(StandardCharsets.UTF_8);
            } else {
                switch (m) {
                    case WRONG_TYPE -> f[1] = "13/45/1960";
                    case UNKNOWN_CODE -> f[3] = "martian";
                    case DUPLICATE_ID -> f[0] = records.get(unmutated(random, mutations)).clone()[0];
                    case NUL -> f[5] = "e\u0000n";
                    case HUGE_FIELD -> f[6] = "9".repeat(TEN_MB);
                    default -> { }
                }
                String text = String.join(",", f) + (m == Mutation.EXTRA_FIELD ? ",surplus" : "");
                if (m == Mutation.TRUNCATE) {
                    text = text.substring(0, 1 + random.nextInt(text.length() - 1));
                }
                bytes = text.getBytes(StandardCharsets.UTF_8);
                if (m == Mutation.BAD_UTF8_MAPPED) {
                    bytes = badUtf8(text, f[0].length() + 1); // inside the birth date
                }
            }
            String id = m == Mutation.TRUNCATE ? new String(bytes, StandardCharsets.UTF_8).split(",", -1)[0] : f[0];
            lines.add(new Line(bytes, id.isEmpty() ? "?" : id, m));
        }
        return lines;
    }

    private List<Line> ndjsonFile(Random random, int fileNo, Map<Mutation, Integer> seen) {
        Map<Integer, Mutation> mutations = pick(random, seen, List.of(Mutation.values()), fileNo);
        List<Line> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ids.add("F" + fileNo + "P" + i);
        }
        for (int i = 0; i < RECORDS; i++) {
            if (random.nextInt(10) == 0) {
                lines.add(new Line(new byte[0], null, null));
            }
            Mutation m = mutations.get(i);
            String id = ids.get(i);
            String gender = i % 2 == 0 ? "female" : "male";
            String birth = "\"19" + (40 + i) + "-01-01\"";
            String zip = i == 0 ? "Z" + fileNo : "02139";
            String text;
            byte[] bytes = null;
            if (m == null) {
                text = patientJson(id, gender, birth.replace("\"", ""), zip);
            } else {
                switch (m) {
                    case WRONG_TYPE -> birth = "12345";
                    case UNKNOWN_CODE -> gender = "zz";
                    case DUPLICATE_ID -> id = ids.get(unmutated(random, mutations));
                    case NUL -> gender = "fe\\u0000male";
                    case HUGE_FIELD -> zip = "9".repeat(TEN_MB);
                    default -> { }
                }
                text = "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"name\":[{\"family\":\"Doe\"}],\"gender\":\""
                        + gender + "\",\"birthDate\":" + birth + ",\"address\":[{\"postalCode\":\"" + zip + "\"}]"
                        + (m == Mutation.EXTRA_FIELD ? ",\"unknownElement\":{\"deep\":[1,2,{\"x\":null}]}" : "") + "}";
                switch (m) {
                    case TRUNCATE -> text = text.substring(0, 1 + random.nextInt(text.length() - 2));
                    case NOT_AN_OBJECT -> text = "[\"" + id + "\"]";
                    case BAD_UTF8_MAPPED -> bytes = badUtf8(text, text.indexOf("\"gender\":\"") + 11);
                    case BAD_UTF8_UNMAPPED -> bytes = badUtf8(text, text.indexOf("Doe") + 1);
                    default -> { }
                }
            }
            // unknown elements are ignored, so an extra element leaves the resource good (expected staged)
            lines.add(new Line(bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8), id,
                    m == Mutation.EXTRA_FIELD ? null : m));
        }
        return lines;
    }

    static String patientJson(String id, String gender, String birthDate, String zip) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"" + gender + "\",\"birthDate\":\""
                + birthDate + "\"" + (zip == null ? "" : ",\"address\":[{\"postalCode\":\"" + zip + "\"}]") + "}";
    }

    /** 1–3 distinct records (never the first, which makes the file unique) get a mutation each; 10 MB fields only every 25th file. */
    private static Map<Integer, Mutation> pick(Random random, Map<Mutation, Integer> seen, List<Mutation> kinds, int fileNo) {
        Map<Integer, Mutation> chosen = new HashMap<>();
        int n = 1 + random.nextInt(3);
        while (chosen.size() < n) {
            Mutation m = kinds.get(random.nextInt(kinds.size()));
            if (m == Mutation.HUGE_FIELD && fileNo % 25 != 7) {
                continue;
            }
            chosen.put(1 + random.nextInt(RECORDS - 1), m);
            seen.merge(m, 1, Integer::sum);
        }
        return chosen;
    }

    private static int unmutated(Random random, Map<Integer, Mutation> mutations) {
        int i;
        do {
            i = random.nextInt(RECORDS);
        } while (mutations.containsKey(i));
        return i;
    }

    /** The text's UTF-8 bytes with a lone lead byte (0xC3) replacing the character at {@code charIndex}. */
    private static byte[] badUtf8(String text, int charIndex) {
        byte[] before = text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(charIndex + 1).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before);
        out.write(0xC3);
        out.writeBytes(after);
        return out.toByteArray();
    }

    private static Path write(Path file, String header, List<Line> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (header != null) {
            out.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Line l : lines) {
            out.writeBytes(l.bytes());
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
        return file;
    }
}
