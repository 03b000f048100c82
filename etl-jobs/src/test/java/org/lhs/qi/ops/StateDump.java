package org.lhs.qi.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full, ordered dump of what a run leaves in the database, without the things that legitimately differ
 * between an interrupted and an uninterrupted run: run ids, timestamps and surrogate ids (sequence values
 * consumed by rolled-back transactions). References are dumped as the referenced row's source id.
 */
final class StateDump {

    static final List<String> EHR_TABLES = List.of("site", "patient", "coverage", "encounter", "unit_stay",
            "device_episode", "condition", "procedure", "observation", "medication", "safety_event", "survey_response");

    private StateDump() {}

    /** Table name → sorted rows as JSON text. */
    static Map<String, List<String>> of(DataSource dataSource) {
        Map<String, List<String>> dump = warehouseAndResults(dataSource, null);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        dump.put("qi.extract_file", rows(jdbc, """
                SELECT concat_ws('|', table_name, file_name, checksum, size_bytes, status, rows_read, rows_staged,
                                 rows_quarantined, rows_loaded) FROM qi.extract_file"""));
        dump.put("qi.quarantine", rows(jdbc, """
                SELECT concat_ws('|', table_name, file_name, line_no, raw, reason) FROM qi.quarantine"""));
        dump.put("qi.report_file", rows(jdbc, """
                SELECT concat_ws('|', business_date, audience, regexp_replace(path, '^.*/', '')) FROM qi.report_file"""));
        return dump;
    }

    /** The warehouse, staging and the results of one business date (all dates when null). */
    static Map<String, List<String>> warehouseAndResults(DataSource dataSource, java.time.LocalDate businessDate) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String date = businessDate == null ? "true" : "business_date = '" + businessDate + "'::date"; // a LocalDate
        Map<String, List<String>> dump = new TreeMap<>();
        for (String t : EHR_TABLES) {
            // table names from the fixed list above
            dump.put("ehr." + t, rows(jdbc, """
                    SELECT ((to_jsonb(t) - 'id' - 'patient_id' - 'encounter_id' - 'site_id')
                        || jsonb_build_object(
                           'patient', (SELECT p.source_id FROM ehr.patient p WHERE p.id = (to_jsonb(t) ->> 'patient_id')::bigint),
                           'encounter', (SELECT e.source_id FROM ehr.encounter e WHERE e.id = (to_jsonb(t) ->> 'encounter_id')::bigint),
                           'site', (SELECT s.source_id FROM ehr.site s WHERE s.id = (to_jsonb(t) ->> 'site_id')::bigint)))::text
                    FROM ehr.%s t""".formatted(t)));
            dump.put("staging." + t, rows(jdbc, "SELECT (to_jsonb(s) - 'extract_file_id')::text FROM staging." + t + " s"));
        }
        dump.put("qi.member", rows(jdbc, """
                SELECT ((to_jsonb(m) - 'run_id' - 'subject_id' - 'patient_id' - 'site_id' - 'evidence')
                    || jsonb_build_object(
                       'subject', CASE m.subject_type WHEN 'patient' THEN (SELECT p.source_id FROM ehr.patient p WHERE p.id = m.subject_id)
                                  ELSE (SELECT e.source_id FROM ehr.encounter e WHERE e.id = m.subject_id) END,
                       'patient', (SELECT p.source_id FROM ehr.patient p WHERE p.id = m.patient_id),
                       'site', (SELECT s.source_id FROM ehr.site s WHERE s.id = m.site_id)))::text
                FROM qi.member m WHERE""" + " " + date));
        dump.put("qi.result", rows(jdbc, "SELECT (to_jsonb(r) - 'run_id')::text FROM qi.result r WHERE " + date));
        dump.put("staging.deletion", rows(jdbc, "SELECT concat_ws('|', table_name, source_id) FROM staging.deletion"));
        return dump;
    }

    private static List<String> rows(JdbcClient jdbc, String sql) {
        List<String> rows = new ArrayList<>(jdbc.sql(sql).query(String.class).list());
        rows.sort(null);
        return rows;
    }

    /** Empties everything a nightly run writes, including the Spring Batch job repository. */
    static void emptyDatabase(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                TRUNCATE ehr.site, ehr.patient, ehr.coverage, ehr.encounter, ehr.unit_stay, ehr.device_episode,
                    ehr.condition, ehr.procedure, ehr.observation, ehr.medication, ehr.safety_event,
                    ehr.survey_response, qi.member, qi.result, qi.extract_file, qi.quarantine, qi.report_file,
                    qi.run RESTART IDENTITY CASCADE""").update();
        for (String t : EHR_TABLES) {
            jdbc.sql("TRUNCATE staging." + t).update();
        }
        jdbc.sql("TRUNCATE staging.deletion").update();
        jdbc.sql("""
                TRUNCATE batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                    batch_job_execution_params, batch_job_execution, batch_job_instance""").update();
    }
}
