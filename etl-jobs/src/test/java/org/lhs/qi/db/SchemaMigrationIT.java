package org.lhs.qi.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SchemaMigrationIT {

    @Test
    void liquibaseCreatesBatchWarehouseStagingAndResultTables() {
        JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());
        List<String> tables = jdbc.sql("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema IN ('public', 'ehr', 'staging', 'qi') AND table_name NOT LIKE 'databasechangelog%'
                ORDER BY 1""").query(String.class).list();
        assertEquals(List.of(
                "ehr.condition", "ehr.coverage", "ehr.device_episode", "ehr.encounter", "ehr.encounter_type", "ehr.medication",
                "ehr.observation", "ehr.patient", "ehr.procedure", "ehr.request", "ehr.safety_event", "ehr.site",
                "ehr.survey_response", "ehr.unit_stay",
                "public.batch_job_execution", "public.batch_job_execution_context", "public.batch_job_execution_params",
                "public.batch_job_instance", "public.batch_step_execution", "public.batch_step_execution_context",
                "qi.dq_extract_count", "qi.dq_extract_profile", "qi.dq_extract_run", "qi.dq_result", "qi.dq_table_count",
                "qi.export_file", "qi.extract_file", "qi.indicator", "qi.ingest_reconciliation",
                "qi.ingest_reconciliation_loaded", "qi.ingest_reconciliation_skip", "qi.member", "qi.quarantine", "qi.report_file",
                "qi.result", "qi.run", "qi.value_set", "qi.value_set_code",
                "staging.condition", "staging.coverage", "staging.deletion", "staging.device_episode", "staging.encounter",
                "staging.medication", "staging.observation", "staging.patient", "staging.procedure", "staging.request",
                "staging.safety_event", "staging.site", "staging.survey_response", "staging.unit_stay"), tables);
    }
}
