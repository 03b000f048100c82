package org.lhs.qi.verify;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the FHIR resources of one test case through the nightly path (source system {@code qi-verify}): the FHIR
 * importer's mappers stage them, the warehouse normaliser moves this run's staged files into {@code ehr}. There is no
 * mapping here: the deck proves the same mapping the nightly job uses. Run on a single connection inside a transaction
 * that is rolled back (test cases reuse resource ids).
 */
public final class FhirCaseLoader {

    /** Source system of verification rows. */
    public static final String SOURCE = "qi-verify";
    /** Times without an offset are UTC, as in the measure's CQL evaluation of the decks. */
    private static final IngestSettings SETTINGS = new IngestSettings(SOURCE, ZoneOffset.UTC);

    private final DataSource dataSource;
    private final long runId;

    /**
     * @param dataSource one connection, its transaction open (auto-commit off)
     * @param runId      the run id the case's files are staged under (only they are normalised)
     */
    public FhirCaseLoader(DataSource dataSource, long runId) {
        this.dataSource = dataSource;
        this.runId = runId;
    }

    /** Stages and normalises every {@code *.json} resource of the folder; returns what was quarantined or skipped, and why. */
    public List<String> load(Path caseDir) {
        FileIngestResult staged = new FhirImporter(dataSource, SETTINGS).importIsolatedFolder(caseDir, runId);
        new WarehouseNormaliser(dataSource).normaliseRun(runId);
        List<String> notLoaded = new ArrayList<>();
        staged.skipReasons().forEach((reason, n) -> notLoaded.add(n + " skipped: " + reason));
        notLoaded.addAll(JdbcClient.create(dataSource).sql("""
                SELECT file_name || ' line ' || line_no || ': ' || reason FROM qi.quarantine WHERE run_id = :run
                ORDER BY file_name, line_no""").param("run", runId).query(String.class).list());
        return notLoaded;
    }

    /** The surrogate id of a loaded patient, or null. */
    public Long patientId(String fhirId) {
        return JdbcClient.create(dataSource).sql("SELECT id FROM ehr.patient WHERE source_system = :s AND source_id = :id")
                .param("s", SOURCE).param("id", fhirId).query(Long.class).optional().orElse(null);
    }
}
