package org.lhs.qi.warehouse;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.ingest.CanonicalTables;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test fixtures: the extract folders under {@code src/test/resources/extracts} and clean-up of what tests load. */
final class ExtractFixtures {

    private ExtractFixtures() {}

    static Path folder(String name) {
        try {
            return Path.of(ExtractFixtures.class.getResource("/extracts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes warehouse rows of a source system and the run records (files, staging, quarantine) of a run-id range. */
    static void cleanUp(DataSource ds, String sourceSystem, long firstRunId, long lastRunId) {
        JdbcClient jdbc = JdbcClient.create(ds);
        for (String table : CanonicalTables.tableNames()) {
            jdbc.sql("DELETE FROM staging." + table + " WHERE source_system = :ss OR extract_file_id IN "
                            + "(SELECT id FROM qi.extract_file WHERE run_id BETWEEN :a AND :b)")
                    .param("ss", sourceSystem).param("a", firstRunId).param("b", lastRunId).update();
        }
        jdbc.sql("DELETE FROM qi.quarantine WHERE run_id BETWEEN :a AND :b").param("a", firstRunId).param("b", lastRunId).update();
        jdbc.sql("DELETE FROM qi.extract_file WHERE run_id BETWEEN :a AND :b").param("a", firstRunId).param("b", lastRunId).update();
        List<String> reversed = new java.util.ArrayList<>(CanonicalTables.tableNames());
        java.util.Collections.reverse(reversed);
        for (String table : reversed) {
            jdbc.sql("DELETE FROM ehr." + table + " WHERE source_system = :ss").param("ss", sourceSystem).update();
        }
    }
}
