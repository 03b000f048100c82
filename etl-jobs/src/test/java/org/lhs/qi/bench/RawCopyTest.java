package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.lhs.qi.ingest.CanonicalTables;
import org.junit.jupiter.api.Test;

class RawCopyTest {

    @Test
    void mapsHeaderNamesToStagingColumnsInHeaderOrder() {
        var spec = CanonicalTables.byTable("encounter").orElseThrow();
        assertThat(RawCopy.stagingColumns(spec, List.of("patient_id", "encounter_id", "site_id", "class", "source_system",
                "admit_time"))).containsExactly("patient_ref", "source_id", "site_ref", "class", "source_system", "admit_time");
    }

    @Test
    void refusesColumnsOutsideTheCanonicalLayout() {
        var spec = CanonicalTables.byTable("site").orElseThrow();
        assertThatThrownBy(() -> RawCopy.stagingColumns(spec, List.of("site_id", "name; DROP TABLE x")))
                .hasMessageContaining("is not canonical");
    }
}
