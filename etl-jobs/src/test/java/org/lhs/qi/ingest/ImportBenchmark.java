package org.lhs.qi.ingest;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of each importer (records/s) against a raw COPY of the same number of observation rows into
 * {@code staging.observation}, on the embedded test database. Not a test: run its {@code main} (argument:
 * rows, default 200,000) from the test classpath (with this checkout's {@code sql/target/classes} instead of the
 * installed qi-sql jar, so the changelog includes 020). Prints one line per importer.
 */
public final class ImportBenchmark {

    private static final long RUN = 7_900_001L;

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        DataSource ds = TestDatabase.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        IngestSettings settings = new IngestSettings("bench", ZoneOffset.UTC);
        Path dir = Files.createTempDirectory("qi-bench");
        try {
            Path canonical = Files.createDirectories(dir.resolve("canonical")).resolve("observation.csv");
            Path synthea = Files.createDirectories(dir.resolve("synthea")).resolve("observations.csv");
            Path fhir = Files.createDirectories(dir.resolve("fhir")).resolve("Observation.ndjson");
            Path copyText = dir.resolve("copy.txt");
            try (BufferedWriter c = Files.newBufferedWriter(canonical); BufferedWriter s = Files.newBufferedWriter(synthea);
                 BufferedWriter f = Files.newBufferedWriter(fhir); BufferedWriter t = Files.newBufferedWriter(copyText)) {
                c.write("observation_id,patient_id,encounter_id,code_system,code,effective_time,value_num,unit,status\n");
                s.write("DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE\n");
                for (int i = 0; i < rows; i++) {
                    String time = String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:00Z", 1 + i % 12, 1 + i % 28, i % 24, i % 60);
                    String value = Integer.toString(100 + i % 80);
                    c.write("O" + i + ",P" + i % 5000 + ",E" + i + ",LOINC,8480-6," + time + "," + value + ",mm[Hg],final\n");
                    s.write(time + ",P" + i % 5000 + ",E" + i + ",vital-signs,8480-6,Systolic," + value + ",mm[Hg],numeric\n");
                    f.write("{\"resourceType\":\"Observation\",\"id\":\"O" + i + "\",\"status\":\"final\",\"code\":{\"coding\":"
                            + "[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},\"subject\":{\"reference\":\"Patient/P"
                            + i % 5000 + "\"},\"encounter\":{\"reference\":\"Encounter/E" + i + "\"},\"effectiveDateTime\":\""
                            + time + "\",\"valueQuantity\":{\"value\":" + value + ",\"code\":\"mm[Hg]\"}}\n");
                    t.write("0\t" + (i + 2) + "\tbench\tO" + i + "\tP" + i % 5000 + "\tE" + i + "\tLOINC\t8480-6\t" + time
                            + "\t" + value + "\t\\N\t\\N\tmm[Hg]\tfinal\n");
                }
            }
            double raw = time(() -> {
                try (Connection con = ds.getConnection(); var in = Files.newBufferedReader(copyText)) {
                    con.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY staging.observation (extract_file_id, line_no,"
                            + " source_system, source_id, patient_ref, encounter_ref, code_system, code, effective_time,"
                            + " value_num, value_code_system, value_code, unit, status) FROM STDIN (FORMAT text)", in);
                }
            });
            jdbc.sql("DELETE FROM staging.observation WHERE extract_file_id = 0").update();
            ExtractFileIngester ingester = new ExtractFileIngester(ds, settings);
            double csv = time(() -> ingester.ingest(canonical, RUN));
            double syn = time(() -> new SyntheaImporter(ingester, ds, settings).importFile(synthea, RUN));
            double fh = time(() -> new FhirImporter(ds, settings).importFile(fhir, RUN));
            System.out.printf(Locale.ROOT, "%,d observation rows%n", rows);
            print("raw COPY (pre-formatted text)", rows, raw, raw);
            print("canonical CSV importer", rows, csv, raw);
            print("Synthea CSV importer", rows, syn, raw);
            print("FHIR NDJSON importer", rows, fh, raw);
        } finally {
            jdbc.sql("DELETE FROM staging.observation WHERE extract_file_id IN (SELECT id FROM qi.extract_file WHERE run_id = ?)")
                    .param(RUN).update();
            jdbc.sql("DELETE FROM qi.quarantine WHERE run_id = ?").param(RUN).update();
            jdbc.sql("DELETE FROM qi.extract_file WHERE run_id = ?").param(RUN).update();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String what, int rows, double seconds, double rawSeconds) {
        System.out.printf(Locale.ROOT, "%-32s %8.2f s %,12.0f rows/s  %5.2f× raw COPY time%n", what, seconds,
                rows / seconds, seconds / rawSeconds);
    }
}
