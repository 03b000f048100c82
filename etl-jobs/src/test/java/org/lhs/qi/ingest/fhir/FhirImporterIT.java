package org.lhs.qi.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.SharedMaterial;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FHIR import on hand-made NDJSON (with malformed lines) and on one official CMS122 test-deck patient. */
class FhirImporterIT {

    static final String SYSTEM = "fhir-it";
    static final long RUN = 990_001;

    final DataSource dataSource = TestDatabase.dataSource();
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final FhirImporter importer = new FhirImporter(dataSource, new IngestSettings(SYSTEM, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void clean() {
        for (String t : List.of("unit_stay", "device_episode", "condition", "procedure", "observation", "medication",
                "coverage", "encounter", "patient", "site")) {
            jdbc.sql("DELETE FROM ehr." + t + " WHERE source_system = ?").param(SYSTEM).update();
            jdbc.sql("DELETE FROM staging." + t + " WHERE source_system = ?").param(SYSTEM).update();
        }
        jdbc.sql("DELETE FROM qi.quarantine WHERE run_id = ?").param(RUN).update();
        jdbc.sql("DELETE FROM qi.extract_file WHERE run_id = ?").param(RUN).update();
    }

    @Test
    void ndjsonWithMalformedLinesLoadsEveryGoodResource() throws IOException {
        write("Organization.ndjson", """
                {"resourceType":"Organization","id":"O1","name":"General"}
                """);
        byte[] badUtf8 = "{\"resourceType\":\"Patient\",\"id\":\"P3\",\"name\":[{\"family\":\"X\u0000\"}],\"gender\":\"male\",\"birthDate\":\"1970-01-01\"}"
                .replace("X\u0000", "X__").getBytes(StandardCharsets.UTF_8);
        badUtf8[new String(badUtf8, StandardCharsets.UTF_8).indexOf("X__") + 1] = (byte) 0xC3; // a lone lead byte in the name
        String patients = """
                {"resourceType":"Patient","id":"P1","extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race","extension":[{"url":"ombCategory","valueCoding":{"code":"2028-9"}}]},{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity","extension":[{"url":"ombCategory","valueCoding":{"code":"2186-5"}}]}],"gender":"female","birthDate":"1960-05-01","communication":[{"language":{"coding":[{"code":"es"}]}},{"language":{"coding":[{"code":"en-US"}]},"preferred":true}],"address":[{"postalCode":"02139"}]}
                {"resourceType":"Patient","id":"P2","gender":
                {"resourceType":"Patient","id":"P4","gender":"male","birthDate":12345}
                {"resourceType":"Patient","id":"P1","gender":"female","birthDate":"1960-05-01","address":[{"postalCode":"02140"}]}
                """;
        Files.write(dir.resolve("Patient.ndjson"), concat(patients.getBytes(StandardCharsets.UTF_8), badUtf8,
                "\n\n{\"resourceType\":\"Patient\",\"gender\":\"male\"}\n".getBytes(StandardCharsets.UTF_8)));
        write("Encounter.ndjson", """
                {"resourceType":"Encounter","id":"E1","status":"finished","class":{"code":"IMP"},"subject":{"reference":"Patient/P1"},"serviceProvider":{"reference":"Organization/O1"},"period":{"start":"2026-03-01T08:30:00+02:00","end":"2026-03-05T10:00:00+02:00"},"hospitalization":{"dischargeDisposition":{"coding":[{"code":"home"}]}},"location":[{"location":{"reference":"Location/L1","display":"Ward 3"},"period":{"start":"2026-03-01T08:30:00+02:00","end":"2026-03-05T10:00:00+02:00"}}]}
                {"resourceType":"Encounter","id":"E2","status":"cancelled","class":{"code":"AMB"},"subject":{"reference":"Patient/P1"},"period":{"start":"2026-03-01"}}
                """);
        write("Observation.ndjson", """
                {"resourceType":"Observation","id":"BP1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"subject":{"reference":"Patient/P1"},"encounter":{"reference":"Encounter/E1"},"effectiveDateTime":"2026-03-02T09:00:00+02:00","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":130,"unit":"mmHg","code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80,"code":"mm[Hg]"}}]}
                {"resourceType":"Observation","id":"A1","status":"entered-in-error","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},"subject":{"reference":"Patient/P1"},"effectiveDateTime":"2026-03-02","valueQuantity":{"value":9.5,"code":"%"}}
                {"resourceType":"Observation","id":"X1","status":"final","code":{"coding":[{"system":"http://example.org/unknown","code":"1"}]},"subject":{"reference":"Patient/P1"},"effectiveDateTime":"2026-03-02"}
                {"resourceType":"Observation","id":"X2","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},"subject":{"reference":"Patient/P1"},"effectiveDateTime":"2026-03-02","valueQuantity":{"value":"high"}}
                """);
        write("Medication.ndjson", """
                {"resourceType":"Medication","id":"M1","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}]}}
                """);
        write("MedicationRequest.ndjson", """
                {"resourceType":"MedicationRequest","id":"R1","status":"active","intent":"order","medicationReference":{"reference":"Medication/M1"},"subject":{"reference":"Patient/P1"},"authoredOn":"2026-03-03T12:00:00Z"}
                {"resourceType":"MedicationRequest","id":"R2","status":"active","intent":"order","medicationReference":{"reference":"Medication/NOPE"},"subject":{"reference":"Patient/P1"},"authoredOn":"2026-03-03T12:00:00Z"}
                """);

        Map<String, FileIngestResult> results = new java.util.HashMap<>();
        for (FileIngestResult r : importer.importFolder(dir, RUN)) {
            results.put(r.fileName(), r);
        }
        // Patient.ndjson: 6 non-blank lines = P1, P3 (bad UTF-8 in a name only), P1 again → staged 3;
        // line 2 truncated, line 3 birthDate of the wrong type, line 7 without id → quarantined 3
        FileIngestResult p = results.get("Patient.ndjson");
        assertEquals(List.of(6L, 3L, 3L, 0L), List.of(p.rowsRead(), p.rowsStaged(), p.rowsQuarantined(), p.rowsSkipped()));
        assertThat(jdbc.sql("SELECT line_no FROM qi.quarantine WHERE run_id = ? AND file_name = 'Patient.ndjson' ORDER BY line_no")
                .param(RUN).query(Long.class).list()).containsExactly(2L, 3L, 7L);
        FileIngestResult e = results.get("Encounter.ndjson");
        // the cancelled E2 is kept with its status (eCQM logic counts finished encounters only)
        assertEquals(List.of(2L, 2L, 0L, 0L), List.of(e.rowsRead(), e.rowsStaged(), e.rowsQuarantined(), e.rowsSkipped()));
        FileIngestResult o = results.get("Observation.ndjson");
        assertEquals(List.of(4L, 2L, 2L), List.of(o.rowsRead(), o.rowsStaged(), o.rowsQuarantined()));
        FileIngestResult m = results.get("MedicationRequest.ndjson");
        assertEquals(List.of(2L, 1L, 1L), List.of(m.rowsRead(), m.rowsStaged(), m.rowsQuarantined()));
        assertEquals(1, results.get("Medication.ndjson").rowsSkipped());

        new WarehouseNormaliser(dataSource).normalise(RUN);

        // the later P1 line wins (zip 02140); race/ethnicity/language from the first line are replaced too
        Map<String, Object> p1 = jdbc.sql("SELECT zip, race, birth_date::text AS b FROM ehr.patient WHERE source_system = ? AND source_id = 'P1'")
                .param(SYSTEM).query().singleRow();
        assertEquals("02140", p1.get("zip"));
        assertEquals(2, jdbc.sql("SELECT count(*) FROM ehr.patient WHERE source_system = ?").param(SYSTEM).query(Long.class).single());
        // E1: inpatient, 08:30+02:00 → 06:30 UTC, one unit stay on Ward 3
        Map<String, Object> e1 = jdbc.sql("""
                SELECT class, to_char(admit_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS admit, discharge_disposition
                FROM ehr.encounter WHERE source_system = ? AND source_id = 'E1'""").param(SYSTEM).query().singleRow();
        assertEquals(Map.of("class", "inpatient", "admit", "2026-03-01 06:30", "discharge_disposition", "home"), e1);
        assertThat(jdbc.sql("SELECT source_id || ':' || status FROM ehr.encounter WHERE source_system = ? ORDER BY 1")
                .param(SYSTEM).query(String.class).list()).containsExactly("E1:finished", "E2:cancelled");
        assertEquals("Ward 3", jdbc.sql("SELECT unit FROM ehr.unit_stay WHERE source_system = ?").param(SYSTEM)
                .query(String.class).single());
        // BP panel + its 2 components, HbA1c kept with its entered-in-error status
        assertThat(jdbc.sql("SELECT code || ':' || coalesce(value_num::text, '-') || ':' || status FROM ehr.observation"
                + " WHERE source_system = ? ORDER BY code").param(SYSTEM).query(String.class).list())
                .containsExactly("4548-4:9.5:entered-in-error", "8462-4:80:final", "8480-6:130:final", "85354-9:-:final");
        assertEquals("RxNorm:860975:order", jdbc.sql("SELECT code_system || ':' || code || ':' || kind FROM ehr.medication"
                + " WHERE source_system = ?").param(SYSTEM).query(String.class).single());

        // reconciliation recorded per file, and a second import of the same files is a no-op
        assertEquals(6L, jdbc.sql("SELECT rows_read FROM qi.ingest_reconciliation WHERE run_id = ? AND file_name = 'Patient.ndjson'")
                .param(RUN).query(Long.class).single());
        assertTrue(importer.importFile(dir.resolve("Patient.ndjson"), RUN).skippedUnchanged());
    }

    @Test
    void officialCms122TestDeckPatientLoads() throws IOException {
        Path tests = SharedMaterial.require("ecqm/tests");
        Path deck;
        try (Stream<Path> s = Files.list(tests)) {
            deck = s.filter(d -> d.getFileName().toString().startsWith("CMS122")).findFirst().orElseThrow();
        }
        Path patient = deck.resolve("090ad2fc-274b-4fef-bc5a-2077dbdc28f5");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(patient), "test case 090ad2fc… absent from " + deck);
        List<FileIngestResult> results = importer.importFolder(patient, RUN);
        new WarehouseNormaliser(dataSource).normalise(RUN);

        // Patient-*.json, Encounter-*.json, Condition-*.json staged; MeasureReport-*.json skipped
        assertEquals(4, results.size());
        assertEquals(3, results.stream().mapToLong(FileIngestResult::rowsStaged).sum());
        assertEquals(1, results.stream().mapToLong(FileIngestResult::rowsSkipped).sum());
        assertEquals(0, results.stream().mapToLong(FileIngestResult::rowsQuarantined).sum());
        Map<String, Object> pt = jdbc.sql("SELECT birth_date::text AS b, sex, race, ethnicity FROM ehr.patient WHERE source_system = ?")
                .param(SYSTEM).query().singleRow();
        assertEquals(Map.of("b", "1951-01-01", "sex", "female", "race", "asian", "ethnicity", "hispanic-or-latino"), pt);
        assertEquals("ambulatory", jdbc.sql("SELECT class FROM ehr.encounter WHERE source_system = ?").param(SYSTEM)
                .query(String.class).single());
        assertEquals("SNOMED-CT:102781000119107:active", jdbc.sql("SELECT code_system || ':' || code || ':' || status"
                + " FROM ehr.condition WHERE source_system = ?").param(SYSTEM).query(String.class).single());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
