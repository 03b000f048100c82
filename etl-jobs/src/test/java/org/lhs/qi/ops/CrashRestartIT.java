package org.lhs.qi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.cli.ExitCodes;
import org.lhs.qi.db.DatabaseSettings;
import org.lhs.qi.db.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash safety of the real nightly job: the {@code qi} Boot jar runs as a separate process, is killed with
 * SIGKILL at step boundaries and inside the one-item-per-transaction steps, and is restarted with the same
 * command each time. The database and the report folder must end exactly as after an uninterrupted run.
 * By default the chain kills at every step boundary and inside the chunked steps (thirteen points, about two
 * minutes on an idle machine); {@code -Dqi.crash.all=false} keeps only the seven inside-step points.
 */
class CrashRestartIT {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    static final Path EXTRACT = Path.of("src/test/resources/extracts/hand-checked").toAbsolutePath();
    static final Path DEFINITIONS = Path.of("../indicator-definitions").toAbsolutePath();

    /** Where to kill: the first stdout line containing {@code marker}. */
    record KillPoint(String name, String marker) implements Predicate<String> {
        @Override
        public boolean test(String line) {
            return line.contains(marker);
        }
    }

    /** In job order: each restart resumes at or before the next point, so the chain always reaches it. */
    static final List<KillPoint> DEFAULT_CHAIN = List.of(
            // logged inside the file's transaction, before its commit: staging half-written
            new KillPoint("inside ingest (patient.csv staged, uncommitted)", "patient.csv: 43 rows read"),
            new KillPoint("inside ingest (observation.csv with its quarantined row)", "observation.csv: 42 rows read"),
            new KillPoint("inside normalise (encounter table upserted, uncommitted)", "encounter: 1 file(s)"),
            new KillPoint("inside compute (second indicator)", "compute: diabetes-hba1c-poor-control"),
            new KillPoint("boundary compute → summarise", "▶ summariseResultsStep"),
            new KillPoint("inside render (after the organisation PDF)", "report: ALL"),
            new KillPoint("boundary render → publish", "▶ publishManifestStep"));

    static final List<KillPoint> STEP_BOUNDARIES = List.of(
            new KillPoint("boundary start → ingest", "▶ ingestExtractStep"),
            new KillPoint("boundary ingest → check", "▶ checkExtractStep"),
            new KillPoint("boundary check → normalise", "▶ normaliseWarehouseStep"),
            new KillPoint("boundary normalise → compute", "▶ computeIndicatorsStep"),
            new KillPoint("boundary summarise → render", "▶ renderReportsStep"),
            new KillPoint("end of publish (before the job is recorded complete)", "■ publishManifestStep"));

    @TempDir
    Path work;

    DatabaseSettings db;
    DataSource dataSource;
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        db = TestDatabase.settings();
        dataSource = TestDatabase.dataSource();
        jdbc = JdbcClient.create(dataSource);
        StateDump.emptyDatabase(dataSource);
    }

    @Test
    void killedAtManyPointsAndRestartedEndsExactlyAsAnUninterruptedRun() throws Exception {
        Path referenceOut = work.resolve("reference");
        QiProcess.Outcome reference = run(referenceOut, QiProcess.never());
        assertEquals(ExitCodes.OK, reference.exitCode(), reference::all);
        Map<String, List<String>> expected = StateDump.of(dataSource);
        assertThat(expected.get("ehr.patient")).hasSize(43);
        assertThat(expected.get("qi.quarantine")).hasSize(1);
        assertThat(expected.get("qi.result")).isNotEmpty();
        Set<String> expectedFiles = fileNames(referenceOut);

        StateDump.emptyDatabase(dataSource);
        Path out = work.resolve("killed");
        List<KillPoint> chain = Boolean.parseBoolean(System.getProperty("qi.crash.all", "true"))
                ? Stream.concat(DEFAULT_CHAIN.stream(), STEP_BOUNDARIES.stream()).sorted(this::jobOrder).toList()
                : DEFAULT_CHAIN;
        for (KillPoint point : chain) {
            QiProcess.Outcome killed = run(out, point);
            assertTrue(killed.killed(), () -> "never reached kill point '" + point.name() + "':\n" + killed.all());
            // the dead process's run is still STARTED in qi.run and in the job repository: nobody recorded its end
        }
        QiProcess.Outcome last = run(out, QiProcess.never());
        assertEquals(ExitCodes.OK, last.exitCode(), last::all);
        assertThat(last.stdout()).anyMatch(l -> l.contains("restarting nightly for " + BUSINESS_DATE));

        Map<String, List<String>> actual = StateDump.of(dataSource);
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table), actual.get(table), "table " + table + " differs after kills at " + chain);
        }
        // the job repository and qi.run hold no execution that pretends to be running
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM batch_job_execution WHERE status IN ('STARTING','STARTED','STOPPING')")
                .query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM batch_step_execution WHERE status IN ('STARTING','STARTED','STOPPING')")
                .query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM qi.run WHERE status IN ('STARTING','STARTED')").query(Long.class).single());
        assertEquals(chain.size(), jdbc.sql("SELECT count(*) FROM qi.run WHERE status = 'FAILED' AND message LIKE '%died%'")
                .query(Long.class).single());
        assertEquals(1L, jdbc.sql("SELECT count(*) FROM qi.run WHERE status = 'COMPLETED'").query(Long.class).single());

        // the report folder: the same files, no temporary or partial file, and the manifest lists exactly the PDFs
        // and their data exports (CSV, FHIR JSON) with checksums of the bytes on disk
        assertEquals(expectedFiles, fileNames(out));
        Path dir = out.resolve(BUSINESS_DATE.toString());
        String manifest = Files.readString(dir.resolve("manifest.json"));
        Matcher m = Pattern.compile("\"file\": \"([^\"]+)\", \"sha256\": \"([0-9a-f]{64})\"").matcher(manifest);
        Map<String, String> listed = new java.util.TreeMap<>();
        while (m.find()) {
            listed.put(m.group(1), m.group(2));
        }
        Set<String> published = fileNames(out).stream().filter(f -> !f.equals("manifest.json"))
                .collect(Collectors.toSet());
        assertThat(published).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".csv"))
                .anyMatch(f -> f.endsWith(".json"));
        assertEquals(published, listed.keySet());
        for (var e : listed.entrySet()) {
            assertEquals(e.getValue(), sha256(dir.resolve(e.getKey())), "checksum of " + e.getKey());
        }

        // `qi status` shows the killed attempts as failed and the final one as completed
        QiProcess.Outcome status = QiProcess.run(db, Map.of(), QiProcess.never(), "status", "--last", "20");
        assertEquals(ExitCodes.OK, status.exitCode(), status::all);
        String shown = String.join("\n", status.stdout());
        assertThat(shown).contains("COMPLETED").contains("FAILED").contains("died").doesNotContain(" STARTED ");

        // and at the default log level no run printed a patient identifier or a clinical value
        var forbidden = LogPrivacy.forbiddenTokens(EXTRACT);
        for (QiProcess.Outcome o : outputs) {
            LogPrivacy.assertClean(o.all(), forbidden);
        }
    }

    private int jobOrder(KillPoint a, KillPoint b) {
        return Integer.compare(order(a), order(b));
    }

    private static int order(KillPoint p) {
        List<String> steps = List.of("ingestExtractStep", "patient.csv", "observation.csv", "checkExtractStep",
                "normaliseWarehouseStep", "encounter:", "computeIndicatorsStep", "compute:", "summariseResultsStep",
                "renderReportsStep", "report: ALL", "▶ publishManifestStep", "■ publishManifestStep");
        for (int i = 0; i < steps.size(); i++) {
            if (p.marker().contains(steps.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException(p.toString());
    }

    private final List<QiProcess.Outcome> outputs = new java.util.ArrayList<>();

    private QiProcess.Outcome run(Path out, Predicate<String> killWhen) throws Exception {
        return remember(QiProcess.run(db, Map.of(), killWhen, "run", "--date", BUSINESS_DATE.toString(),
                "--extract", EXTRACT.toString(), "--definitions", DEFINITIONS.toString(), "--output", out.toString()));
    }

    private QiProcess.Outcome remember(QiProcess.Outcome outcome) {
        outputs.add(outcome);
        return outcome;
    }

    /** Every file (hidden ones too) under the date folder. */
    private static Set<String> fileNames(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve(BUSINESS_DATE.toString()))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
