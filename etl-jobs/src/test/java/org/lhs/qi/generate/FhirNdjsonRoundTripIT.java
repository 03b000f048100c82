package org.lhs.qi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.ExtractDirectory;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generator's FHIR NDJSON, read by our own FHIR importer, fills the warehouse exactly as its canonical CSV does
 * (for every table and column FHIR carries), so both formats give the same indicator results.
 */
class FhirNdjsonRoundTripIT {

    private static final String SS = "ehr";
    private static final long RUN = 7_300_001L;

    /** What both formats must agree on: every imported table, by source ids, with the values indicators read. */
    private static final Map<String, String> SNAPSHOTS = new LinkedHashMap<>();

    static {
        SNAPSHOTS.put("site", "SELECT source_id || '|' || name FROM ehr.site");
        SNAPSHOTS.put("patient", """
                SELECT p.source_id || '|' || p.birth_date || '|' || coalesce(p.death_date::text, '') || '|' || p.sex || '|'
                       || p.race || '|' || p.ethnicity || '|' || coalesce(p.language, '') || '|' || coalesce(p.zip, '')
                       || '|' || coalesce(s.source_id, '')
                FROM ehr.patient p LEFT JOIN ehr.site s ON s.id = p.site_id""");
        SNAPSHOTS.put("coverage", """
                SELECT c.source_id || '|' || p.source_id || '|' || c.payer_type || '|' || c.start_date || '|'
                       || coalesce(c.end_date::text, '')
                FROM ehr.coverage c JOIN ehr.patient p ON p.id = c.patient_id""");
        SNAPSHOTS.put("encounter", """
                SELECT e.source_id || '|' || p.source_id || '|' || s.source_id || '|' || e.class || '|' || e.admit_time
                       || '|' || coalesce(e.discharge_time::text, '') || '|' || coalesce(e.discharge_disposition, '')
                FROM ehr.encounter e JOIN ehr.patient p ON p.id = e.patient_id JOIN ehr.site s ON s.id = e.site_id""");
        SNAPSHOTS.put("unit_stay", """
                SELECT e.source_id || '|' || u.unit || '|' || u.start_time || '|' || coalesce(u.end_time::text, '')
                FROM ehr.unit_stay u JOIN ehr.encounter e ON e.id = u.encounter_id""");
        SNAPSHOTS.put("condition", """
                SELECT c.source_id || '|' || p.source_id || '|' || coalesce(e.source_id, '') || '|' || c.code_system || '|'
                       || c.code || '|' || c.onset_time || '|' || coalesce(c.abatement_time::text, '') || '|'
                       || coalesce(c.present_on_admission, '') || '|' || c.status
                FROM ehr.condition c JOIN ehr.patient p ON p.id = c.patient_id LEFT JOIN ehr.encounter e ON e.id = c.encounter_id""");
        SNAPSHOTS.put("observation", """
                SELECT o.source_id || '|' || p.source_id || '|' || coalesce(e.source_id, '') || '|' || o.code_system || '|'
                       || o.code || '|' || o.effective_time || '|' || coalesce(o.value_num::text, '') || '|'
                       || coalesce(o.value_code, '') || '|' || coalesce(o.unit, '') || '|' || o.status
                FROM ehr.observation o JOIN ehr.patient p ON p.id = o.patient_id LEFT JOIN ehr.encounter e ON e.id = o.encounter_id""");
        SNAPSHOTS.put("procedure", """
                SELECT x.source_id || '|' || p.source_id || '|' || coalesce(e.source_id, '') || '|' || x.code_system || '|'
                       || x.code || '|' || x.performed_time || '|' || x.status
                FROM ehr.procedure x JOIN ehr.patient p ON p.id = x.patient_id LEFT JOIN ehr.encounter e ON e.id = x.encounter_id""");
        SNAPSHOTS.put("medication", """
                SELECT m.source_id || '|' || p.source_id || '|' || coalesce(e.source_id, '') || '|' || m.kind || '|'
                       || m.code_system || '|' || m.code || '|' || m.start_time || '|' || coalesce(m.end_time::text, '')
                       || '|' || m.status
                FROM ehr.medication m JOIN ehr.patient p ON p.id = m.patient_id LEFT JOIN ehr.encounter e ON e.id = m.encounter_id""");
    }

    @TempDir
    Path work;

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);
    private final IngestSettings settings = new IngestSettings(SS, ZoneOffset.UTC);

    @BeforeEach
    @AfterEach
    void emptyWarehouse() {
        jdbc.sql("""
                TRUNCATE ehr.site, ehr.patient, ehr.coverage, ehr.encounter, ehr.unit_stay, ehr.device_episode,
                    ehr.condition, ehr.procedure, ehr.observation, ehr.medication, ehr.safety_event,
                    ehr.survey_response, qi.extract_file, qi.quarantine, qi.ingest_reconciliation CASCADE""").update();
    }

    @Test
    void ndjsonAndCsvOfTheSameSeedFillTheWarehouseIdentically() throws Exception {
        GenerationSummary summary = new HealthSystemGenerator(new GeneratorSettings(60, 2, 6, 7L, LocalDate.of(2026, 11, 23)))
                .write(work, OutputFormat.BOTH);
        assertThat(Files.list(work.resolve("fhir")).map(p -> p.getFileName().toString()).sorted().toList())
                .contains("Patient.ndjson", "Encounter.ndjson", "Condition.ndjson", "Observation.ndjson",
                        "Coverage.ndjson", "Organization.ndjson");

        ExtractFileIngester csv = new ExtractFileIngester(ds, settings);
        ExtractDirectory.canonicalFiles(work).forEach(f -> csv.ingest(f, RUN));
        new WarehouseNormaliser(ds).normalise(RUN);
        Map<String, List<String>> fromCsv = snapshot();
        emptyWarehouse();

        new FhirImporter(ds, settings).importFolder(work.resolve("fhir"), RUN);
        new WarehouseNormaliser(ds).normalise(RUN);
        Map<String, List<String>> fromNdjson = snapshot();

        // the generator's own counts: 60 patients, 2 sites; every row of the FHIR-carried tables arrived
        assertThat(fromCsv.get("patient")).hasSize(60);
        assertThat(fromCsv.get("site")).hasSize(2);
        for (String table : SNAPSHOTS.keySet()) {
            assertThat(fromCsv.get(table)).as(table).hasSize(summary.rowsPerFile().get(table + ".csv").intValue());
            assertThat(fromNdjson.get(table)).as(table).containsExactlyElementsOf(fromCsv.get(table));
        }
        assertThat(fromCsv.get("encounter")).isNotEmpty();
        assertThat(fromCsv.get("observation")).isNotEmpty();
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        SNAPSHOTS.forEach((table, sql) -> out.put(table, jdbc.sql(sql + " ORDER BY 1").query(String.class).list()));
        return out;
    }
}
