package org.lhs.qi.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DiagnosticReport, Immunization, AdverseEvent and Device + DeviceUseStatement on a hand-made Bulk export:
 * each expected row and count below follows from the resources written in the test.
 */
class FhirBreadthIT {

    static final String SYSTEM = "fhir-breadth-it";
    static final long RUN = 990_021;

    final DataSource dataSource = TestDatabase.dataSource();
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final FhirImporter importer = new FhirImporter(dataSource, new IngestSettings(SYSTEM, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void clean() {
        for (String t : List.of("safety_event", "device_episode", "observation", "medication", "encounter", "patient",
                "site")) {
            jdbc.sql("DELETE FROM ehr." + t + " WHERE source_system = ?").param(SYSTEM).update();
            jdbc.sql("DELETE FROM staging." + t + " WHERE source_system = ?").param(SYSTEM).update();
        }
        jdbc.sql("DELETE FROM qi.quarantine WHERE run_id = ?").param(RUN).update();
        jdbc.sql("DELETE FROM qi.extract_file WHERE run_id = ?").param(RUN).update();
    }

    @Test
    void newResourceTypesLandInTheWarehouseWithStatusesKept() throws IOException {
        write("Organization.ndjson", """
                {"resourceType":"Organization","id":"O1","name":"North"}
                {"resourceType":"Organization","id":"O2","name":"South"}
                """);
        write("Patient.ndjson", """
                {"resourceType":"Patient","id":"P1","gender":"female","birthDate":"1950-02-03"}
                """);
        write("Encounter.ndjson", """
                {"resourceType":"Encounter","id":"E1","status":"finished","class":{"code":"IMP"},"subject":{"reference":"Patient/P1"},"serviceProvider":{"reference":"Organization/O2"},"period":{"start":"2026-03-01T08:00:00Z","end":"2026-03-08T08:00:00Z"}}
                """);
        write("Location.ndjson", """
                {"resourceType":"Location","id":"L1","name":"Ward 3","managingOrganization":{"reference":"Organization/O1"}}
                """);
        write("Device.ndjson", """
                {"resourceType":"Device","id":"D1","status":"active","type":{"coding":[{"system":"http://snomed.info/sct","code":"52124006"}]}}
                {"resourceType":"Device","id":"D2","type":{"coding":[{"system":"http://snomed.info/sct","code":"23973005"}]}}
                {"resourceType":"Device","id":"D3","type":{"coding":[{"system":"http://snomed.info/sct","code":"14106009"}]}}
                """);
        write("DeviceUseStatement.ndjson", """
                {"resourceType":"DeviceUseStatement","id":"DU1","status":"active","subject":{"reference":"Patient/P1"},"device":{"reference":"Device/D1"},"timingPeriod":{"start":"2026-03-01T10:00:00+02:00","end":"2026-03-04T10:00:00+02:00"}}
                {"resourceType":"DeviceUseStatement","id":"DU2","status":"entered-in-error","subject":{"reference":"Patient/P1"},"device":{"reference":"Device/D2"},"timingDateTime":"2026-03-02T00:00:00Z"}
                {"resourceType":"DeviceUseStatement","id":"DU3","status":"completed","subject":{"reference":"Patient/P1"},"device":{"reference":"Device/D3"},"timingDateTime":"2026-03-02T00:00:00Z"}
                {"resourceType":"DeviceUseStatement","id":"DU4","status":"completed","subject":{"reference":"Patient/P1"},"device":{"reference":"Device/NOPE"},"timingDateTime":"2026-03-02T00:00:00Z"}
                {"resourceType":"DeviceUseStatement","id":"DU5","status":"completed","contained":[{"resourceType":"Device","id":"v","type":{"coding":[{"system":"http://snomed.info/sct","code":"449071006"}]}}],"subject":{"reference":"Patient/P1"},"device":{"reference":"#v"},"timingPeriod":{"start":"2026-03-03"}}
                """);
        write("AdverseEvent.ndjson", """
                {"resourceType":"AdverseEvent","id":"AE1","actuality":"actual","event":{"coding":[{"system":"http://snomed.info/sct","code":"217082002","display":"Accidental fall"}]},"subject":{"reference":"Patient/P1"},"location":{"reference":"Location/L1"},"date":"2026-03-02T14:00:00-05:00","severity":{"coding":[{"code":"moderate"}]}}
                {"resourceType":"AdverseEvent","id":"AE2","actuality":"potential","category":[{"coding":[{"code":"wrong-dose"}]}],"subject":{"reference":"Patient/P1"},"encounter":{"reference":"Encounter/E1"},"date":"2026-03-03T09:00:00Z"}
                {"resourceType":"AdverseEvent","id":"AE3","actuality":"actual","event":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"L89.152"}]},"subject":{"reference":"Patient/P1"},"date":"2026-03-04T09:00:00Z","seriousness":{"coding":[{"code":"SeriousResultsInHospitalization"}]}}
                {"resourceType":"AdverseEvent","id":"AE4","actuality":"actual","event":{"text":"Unwitnessed fall in bathroom"},"subject":{"reference":"Patient/P1"},"date":"2026-03-05T09:00:00Z"}
                {"resourceType":"AdverseEvent","id":"AE5","actuality":"actual","event":{"coding":[{"system":"http://snomed.info/sct","code":"1234","display":"Something else"}]},"subject":{"reference":"Patient/P1"},"location":{"display":"ER hall"},"date":"2026-03-06T09:00:00Z","severity":{"coding":[{"code":"mild"}]},"outcome":{"coding":[{"code":"fatal"}]}}
                """);
        write("DiagnosticReport.ndjson", """
                {"resourceType":"DiagnosticReport","id":"DR1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"24606-6"}]},"subject":{"reference":"Patient/P1"},"encounter":{"reference":"Encounter/E1"},"effectiveDateTime":"2026-03-05T09:00:00Z","conclusionCode":[{"coding":[{"system":"http://snomed.info/sct","code":"17621005"}]}]}
                {"resourceType":"DiagnosticReport","id":"DR2","status":"cancelled","contained":[{"resourceType":"Observation","id":"h","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"valueQuantity":{"value":13.2,"code":"g/dL"}}],"code":{"coding":[{"system":"http://loinc.org","code":"58410-2"}]},"subject":{"reference":"Patient/P1"},"effectivePeriod":{"start":"2026-03-06T08:00:00+01:00"},"result":[{"reference":"#h"},{"reference":"Observation/O99"}]}
                {"resourceType":"DiagnosticReport","id":"DR3","status":"final","code":{"coding":[{"system":"http://example.org/local","code":"X"}]},"subject":{"reference":"Patient/P1"},"effectiveDateTime":"2026-03-05"}
                """);
        write("Immunization.ndjson", """
                {"resourceType":"Immunization","id":"I1","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"Patient/P1"},"encounter":{"reference":"Encounter/E1"},"occurrenceDateTime":"2026-01-10T10:00:00+01:00"}
                {"resourceType":"Immunization","id":"I2","status":"not-done","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"Patient/P1"},"occurrenceDateTime":"2026-02-01"}
                {"resourceType":"Immunization","id":"I3","status":"entered-in-error","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"08"}]},"patient":{"reference":"Patient/P1"},"occurrenceDateTime":"2026-02-02T00:00:00Z"}
                """);

        Map<String, FileIngestResult> results = new HashMap<>();
        importer.importFolder(dir, RUN).forEach(r -> results.put(r.fileName(), r));
        // read, staged, quarantined, skipped per file
        // DU3 is a pacemaker (skipped), DU4 cites a Device that does not exist (quarantined)
        assertCounts(results.get("DeviceUseStatement.ndjson"), 5, 3, 1, 1);
        // AE4 says nothing about harm (quarantined)
        assertCounts(results.get("AdverseEvent.ndjson"), 5, 4, 1, 0);
        // DR3's code system is unknown (quarantined)
        assertCounts(results.get("DiagnosticReport.ndjson"), 3, 2, 1, 0);
        assertCounts(results.get("Immunization.ndjson"), 3, 3, 0, 0);
        assertCounts(results.get("Device.ndjson"), 3, 0, 0, 3);
        assertCounts(results.get("Location.ndjson"), 1, 0, 0, 1);

        new WarehouseNormaliser(dataSource).normalise(RUN);

        // DU1: +02:00 → 08:00 UTC, three days; DU2 kept with its entered-in-error status; DU5 a date → midnight UTC
        assertThat(rows("""
                SELECT d.source_id || '|' || d.device_type || '|' || to_char(d.start_time AT TIME ZONE 'UTC', 'MM-DD HH24:MI')
                       || '|' || coalesce(to_char(d.end_time AT TIME ZONE 'UTC', 'MM-DD HH24:MI'), '-') || '|' || d.status
                FROM ehr.device_episode d WHERE d.source_system = ? ORDER BY d.source_id""")).containsExactly(
                "DU1|central-line|03-01 08:00|03-04 08:00|active",
                "DU2|urinary-catheter|03-02 00:00|-|entered-in-error",
                "DU5|ventilator|03-03 00:00|-|completed");

        // AE1: L1 → site O1, unit Ward 3, 14:00-05:00 = 19:00 UTC; AE2: potential → near-miss, site of E1 (O2);
        // AE3: L89 → pressure injury, serious → severe, no location/encounter → unspecified site;
        // AE5: fatal outcome wins over mild severity; location given by display only
        assertThat(rows("""
                SELECT e.source_id || '|' || e.event_type || '|' || e.harm_level || '|' || s.source_id || '|'
                       || coalesce(e.unit, '-') || '|' || to_char(e.event_time AT TIME ZONE 'UTC', 'MM-DD HH24:MI')
                FROM ehr.safety_event e JOIN ehr.site s ON s.id = e.site_id
                WHERE e.source_system = ? ORDER BY e.source_id""")).containsExactly(
                "AE1|fall|moderate|O1|Ward 3|03-02 19:00",
                "AE2|medication-error|near-miss|O2|-|03-03 09:00",
                "AE3|pressure-injury|severe|fhir-unspecified-site|-|03-04 09:00",
                "AE5|other|death|fhir-unspecified-site|ER hall|03-06 09:00");

        // DR1 with its conclusion as the coded value; DR2 and its contained result keep 'cancelled';
        // the contained result takes the report's time (08:00+01:00 = 07:00 UTC)
        assertThat(rows("""
                SELECT source_id || '|' || code || '|' || coalesce(value_num::text, value_code, '-') || '|' || status
                       || '|' || to_char(effective_time AT TIME ZONE 'UTC', 'MM-DD HH24:MI')
                FROM ehr.observation WHERE source_system = ? ORDER BY source_id""")).containsExactly(
                "DiagnosticReport/DR1|24606-6|17621005|final|03-05 09:00",
                "DiagnosticReport/DR2|58410-2|-|cancelled|03-06 07:00",
                "DiagnosticReport/DR2/result/h|718-7|13.2|cancelled|03-06 07:00");

        // immunizations: vaccine administrations with CVX codes, not-done and entered-in-error kept
        assertThat(rows("""
                SELECT source_id || '|' || kind || '|' || code_system || ':' || code || '|' || status || '|'
                       || to_char(start_time AT TIME ZONE 'UTC', 'MM-DD HH24:MI') || '|' || (encounter_id IS NOT NULL)
                FROM ehr.medication WHERE source_system = ? ORDER BY source_id""")).containsExactly(
                "Immunization/I1|administration|CVX:140|completed|01-10 09:00|true",
                "Immunization/I2|administration|CVX:140|not-done|02-01 00:00|false",
                "Immunization/I3|administration|CVX:08|entered-in-error|02-02 00:00|false");
    }

    @Test
    void bundleResolvesDevicesAndEncounterSitesFromEarlierEntries() throws IOException {
        write("bundle.json", """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Organization","id":"O9","name":"East"}},
                 {"resource":{"resourceType":"Patient","id":"P9","gender":"male","birthDate":"1940-01-01"}},
                 {"resource":{"resourceType":"Encounter","id":"E9","status":"finished","class":{"code":"IMP"},"subject":{"reference":"Patient/P9"},"serviceProvider":{"reference":"Organization/O9"},"period":{"start":"2026-04-01T00:00:00Z"}}},
                 {"resource":{"resourceType":"Device","id":"D9","type":{"coding":[{"system":"http://snomed.info/sct","code":"20568009"}]}}},
                 {"resource":{"resourceType":"DeviceUseStatement","id":"DU9","status":"active","subject":{"reference":"Patient/P9"},"device":{"reference":"Device/D9"},"timingPeriod":{"start":"2026-04-01T06:00:00Z"}}},
                 {"resource":{"resourceType":"AdverseEvent","id":"AE9","actuality":"actual","event":{"coding":[{"system":"http://snomed.info/sct","code":"1912002","display":"Fall"}]},"subject":{"reference":"Patient/P9"},"encounter":{"reference":"Encounter/E9"},"date":"2026-04-02T00:00:00Z","severity":{"coding":[{"code":"severe"}]}}}
                ]}""");
        FileIngestResult r = importer.importFile(dir.resolve("bundle.json"), RUN);
        assertCounts(r, 6, 5, 0, 1); // the Device entry is read for the reference, not staged
        new WarehouseNormaliser(dataSource).normalise(RUN);
        assertEquals("urinary-catheter", jdbc.sql("SELECT device_type FROM ehr.device_episode WHERE source_system = ?")
                .param(SYSTEM).query(String.class).single());
        assertEquals("fall|severe|O9", jdbc.sql("""
                SELECT e.event_type || '|' || e.harm_level || '|' || s.source_id
                FROM ehr.safety_event e JOIN ehr.site s ON s.id = e.site_id WHERE e.source_system = ?""")
                .param(SYSTEM).query(String.class).single());
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).param(SYSTEM).query(String.class).list();
    }

    private static void assertCounts(FileIngestResult r, long read, long staged, long quarantined, long skipped) {
        assertEquals(List.of(read, staged, quarantined, skipped),
                List.of(r.rowsRead(), r.rowsStaged(), r.rowsQuarantined(), r.rowsSkipped()), r.fileName() + " " + r.sampleReasons());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
