package org.lhs.qi.definition;

import java.util.Collection;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upserts value sets into qi.value_set / qi.value_set_code. Idempotent: a set whose content hash is
 * unchanged is left alone; a changed set has its codes replaced.
 */
public final class ValueSetLoader {

    private ValueSetLoader() {}

    /** Loads the sets (namespaced names, see {@link ValueSet}). */
    public static void load(DataSource ds, Collection<ValueSet> sets) {
        NamedParameterJdbcTemplate batch = new NamedParameterJdbcTemplate(ds);
        JdbcClient jdbc = JdbcClient.create(batch);
        for (ValueSet vs : sets) {
            String loaded = jdbc.sql("SELECT content_hash FROM qi.value_set WHERE name = :name")
                    .param("name", vs.name()).query(String.class).optional().orElse(null);
            if (vs.contentHash().equals(loaded)) {
                continue; // same content already loaded
            }
            // the hash is written last, so a load that dies half-way is redone by the next call
            jdbc.sql("""
                    INSERT INTO qi.value_set (name, version, source_file, content_hash)
                    VALUES (:name, NULL, :file, '')
                    ON CONFLICT (name) DO UPDATE SET source_file = EXCLUDED.source_file, content_hash = ''""")
                    .param("name", vs.name()).param("file", vs.sourceFile().toString()).update();
            jdbc.sql("DELETE FROM qi.value_set_code WHERE value_set = :name").param("name", vs.name()).update();
            // one JDBC batch per set: row by row (each committed on its own) took ~20 ms a code on a loaded machine
            batch.batchUpdate("""
                    INSERT INTO qi.value_set_code (value_set, code_system, code, display)
                    VALUES (:name, :system, :code, :display)""", vs.codes().stream()
                    .map(c -> new MapSqlParameterSource("name", vs.name()).addValue("system", c.codeSystem())
                            .addValue("code", c.code()).addValue("display", c.display()))
                    .toArray(SqlParameterSource[]::new));
            jdbc.sql("UPDATE qi.value_set SET content_hash = :hash, loaded_at = now() WHERE name = :name")
                    .param("hash", vs.contentHash()).param("name", vs.name()).update();
        }
    }
}
