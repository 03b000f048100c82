package org.lhs.qi.testcase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lhs.qi.definition.TestRecordSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts test-case records into ehr.* (source system {@code qi-test}), resolving source-id references to
 * surrogate ids. Table and column names come from {@link TestRecordSchema} only; values are bound.
 */
final class TestRecordWriter {

    static final String SOURCE_SYSTEM = "qi-test";
    private static final String DEFAULT_SITE = "qi-test-site";

    private final JdbcClient jdbc;
    /** "table:source_id" → surrogate id. */
    private final Map<String, Long> ids = new HashMap<>();
    /** encounter surrogate id → {patient id, site id}, for unit stays and safety events. */
    private final Map<Long, long[]> encounters = new HashMap<>();

    TestRecordWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Surrogate id of an inserted record, or null. */
    Long id(String table, String sourceId) {
        return ids.get(table + ":" + sourceId);
    }

    void insertAll(Map<String, List<Map<String, String>>> records) {
        for (TestRecordSchema.Table table : TestRecordSchema.TABLES.values()) {
            for (Map<String, String> row : records.getOrDefault(table.name(), List.of())) {
                insert(table, row);
            }
        }
    }

    private void insert(TestRecordSchema.Table table, Map<String, String> row) {
        List<String> columns = new ArrayList<>(List.of("source_system", "source_id"));
        List<String> values = new ArrayList<>(List.of(":source_system", ":source_id"));
        Map<String, Object> params = new HashMap<>();
        params.put("source_system", SOURCE_SYSTEM);
        params.put("source_id", row.get(table.idField()));
        Long patient = null;
        Long site = null;
        Long encounter = null;
        int i = 0;
        for (TestRecordSchema.Column c : table.columns()) {
            String v = row.get(c.name());
            if (c.name().equals(table.idField()) || v == null) {
                continue;
            }
            String p = "v" + i++;
            Object bound = v;
            String expr = switch (c.type()) {
                case TEXT -> ":" + p;
                case DATE -> "CAST(:" + p + " AS date)";
                case TIME -> "CAST(:" + p + " AS timestamptz)";
                case NUMBER -> "CAST(:" + p + " AS numeric)";
                case INTEGER -> "CAST(:" + p + " AS integer)";
                case PATIENT_REF -> {
                    patient = ref("patient", v, table, row);
                    bound = patient;
                    yield ":" + p;
                }
                case ENCOUNTER_REF -> {
                    encounter = ref("encounter", v, table, row);
                    bound = encounter;
                    yield ":" + p;
                }
                case SITE_REF -> {
                    site = ref("site", v, table, row);
                    bound = site;
                    yield ":" + p;
                }
            };
            columns.add(c.dbColumn());
            values.add(expr);
            params.put(p, bound);
        }
        // columns the warehouse requires but a test record may leave out are derived from its parents
        long[] enc = encounter != null ? encounters.get(encounter) : null;
        if (table.name().equals("unit_stay")) {
            columns.addAll(List.of("patient_id", "site_id"));
            values.addAll(List.of(":d_patient", ":d_site"));
            params.put("d_patient", enc[0]);
            params.put("d_site", enc[1]);
        }
        if (site == null && List.of("encounter", "safety_event", "survey_response").contains(table.name())) {
            columns.add("site_id");
            values.add(":d_site");
            params.put("d_site", enc != null ? enc[1] : defaultSite());
            site = (Long) params.get("d_site");
        }
        String sql = "INSERT INTO ehr." + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ") RETURNING id";
        long id = jdbc.sql(sql).params(params).query(Long.class).single();
        ids.put(table.name() + ":" + row.get(table.idField()), id);
        if (table.name().equals("encounter")) {
            encounters.put(id, new long[] {patient, site});
        }
    }

    private Long ref(String table, String sourceId, TestRecordSchema.Table from, Map<String, String> row) {
        Long id = id(table, sourceId);
        if (id == null) {
            throw new IllegalArgumentException(from.name() + " " + row.get(from.idField()) + " refers to unknown "
                    + table + "_id '" + sourceId + "' (records of " + table + " must be listed in the case)");
        }
        return id;
    }

    private long defaultSite() {
        Long id = id("site", DEFAULT_SITE);
        if (id == null) {
            id = jdbc.sql("INSERT INTO ehr.site (source_system, source_id, name) VALUES (:ss, :sid, 'Test site') RETURNING id")
                    .param("ss", SOURCE_SYSTEM).param("sid", DEFAULT_SITE).query(Long.class).single();
            ids.put("site:" + DEFAULT_SITE, id);
        }
        return id;
    }
}
