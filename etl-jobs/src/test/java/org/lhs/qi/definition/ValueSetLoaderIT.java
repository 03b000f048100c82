package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class ValueSetLoaderIT {

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM qi.value_set WHERE name LIKE 'loader-it/%'").update();
    }

    private static ValueSet set(String hash, ValueSet.Code... codes) {
        return new ValueSet("loader-it/demo", "loader-it", "demo", Path.of("valuesets/demo.csv"), hash, List.of(codes));
    }

    private List<String> codes() {
        return jdbc.sql("SELECT code_system || '|' || code FROM qi.value_set_code WHERE value_set = 'loader-it/demo' ORDER BY 1")
                .query(String.class).list();
    }

    @Test
    void loadIsIdempotentAndReplacesChangedSets() {
        ValueSet v1 = set("h1", new ValueSet.Code("ICD-10-CM", "E11.9", "T2DM"), new ValueSet.Code("SNOMED-CT", "44054006", null));
        ValueSetLoader.load(ds, List.of(v1));
        ValueSetLoader.load(ds, List.of(v1));
        assertThat(codes()).containsExactly("ICD-10-CM|E11.9", "SNOMED-CT|44054006");
        assertThat(jdbc.sql("SELECT content_hash FROM qi.value_set WHERE name = 'loader-it/demo'").query(String.class).single())
                .isEqualTo("h1");

        ValueSetLoader.load(ds, List.of(set("h2", new ValueSet.Code("ICD-10-CM", "E10.9", "T1DM"))));
        assertThat(codes()).containsExactly("ICD-10-CM|E10.9");
        assertThat(jdbc.sql("SELECT content_hash FROM qi.value_set WHERE name = 'loader-it/demo'").query(String.class).single())
                .isEqualTo("h2");
    }
}
