package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A generated 300k-row observation file: COPY throughput, and quarantine line numbers deep into a big file. */
class IngestThroughputIT {

    private static final Logger log = LoggerFactory.getLogger(IngestThroughputIT.class);
    private static final long RUN = 7_300_001L;
    private static final int ROWS = 300_000;

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM staging.observation WHERE extract_file_id IN (SELECT id FROM qi.extract_file WHERE run_id = :r)")
                .param("r", RUN).update();
        jdbc.sql("DELETE FROM qi.quarantine WHERE run_id = :r").param("r", RUN).update();
        jdbc.sql("DELETE FROM qi.extract_file WHERE run_id = :r").param("r", RUN).update();
    }

    @Test
    void aLargeFileStreamsIntoStagingAndBadRowsKeepTheirLineNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("observation.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("observation_id,patient_id,encounter_id,code_system,code,effective_time,value_num,unit,note\n");
            for (int i = 1; i <= ROWS; i++) {
                // every 50,000th record is malformed (a month 13); every 1,000th has a two-line quoted note
                String month = i % 50_000 == 0 ? "13" : "03";
                String note = i % 1000 == 0 ? "\"first line\nsecond, line\"" : "plain";
                w.write("TP" + i + ",P" + (i % 5000) + ",E" + (i % 20000) + ",http://loinc.org,4548-4,2026-" + month
                        + "-01T08:30:00Z," + (5 + i % 60) / 10.0 + ",%," + note + "\n");
            }
        }
        ExtractFileIngester ingester = new ExtractFileIngester(ds, new IngestSettings("it-throughput", ZoneOffset.UTC));
        long started = System.nanoTime();
        FileIngestResult result = ingester.ingest(file, RUN);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("{} rows ({} MB) ingested in {} s: {} rows/s", ROWS, Files.size(file) / 1_000_000,
                String.format("%.2f", seconds), Math.round(ROWS / seconds));

        assertThat(result.rowsRead()).isEqualTo(ROWS);
        assertThat(result.rowsQuarantined()).isEqualTo(6);
        assertThat(result.rowsStaged()).isEqualTo(ROWS - 6);
        assertThat(jdbc.sql("SELECT count(*) FROM staging.observation WHERE extract_file_id = :id")
                .param("id", result.extractFileId()).query(Long.class).single()).isEqualTo(ROWS - 6);
        // record i starts on line 1 + i + (i - 1) / 1000: each earlier 1,000th record took two lines
        assertThat(jdbc.sql("SELECT line_no FROM qi.quarantine WHERE run_id = :r ORDER BY line_no").param("r", RUN)
                .query(Long.class).list())
                .containsExactly(50_050L, 100_100L, 150_150L, 200_200L, 250_250L, 300_300L)
                .allSatisfy(line -> assertThat(line).isGreaterThan(0));
        assertThat(jdbc.sql("SELECT line_no FROM staging.observation WHERE extract_file_id = :id AND source_id = 'TP1001'")
                .param("id", result.extractFileId()).query(Long.class).single()).isEqualTo(1_003L);
        assertThat(jdbc.sql("SELECT raw FROM qi.quarantine WHERE run_id = :r AND line_no = 50050").param("r", RUN)
                .query(String.class).single()).isEqualTo("TP50000,P0,E10000,http://loinc.org,4548-4,2026-13-01T08:30:00Z,2.5,%,\"first line\nsecond, line\"");
        assertThat(List.of(result.sampleReasons().getFirst()))
                .containsExactly("line 50050: effective_time: '2026-13-01T08:30:00Z' is not a date-time (YYYY-MM-DDThh:mm:ss with optional Z or +hh:mm)");
    }
}
