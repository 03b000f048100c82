package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderMappingTest {

    private static final TableSpec SITE = CanonicalTables.byTable("site").orElseThrow();
    private static final TableSpec PATIENT = CanonicalTables.byTable("patient").orElseThrow();

    @Test
    void columnsAreFoundByNameInAnyOrderIgnoringCaseAndBlanks() {
        HeaderMapping m = HeaderMapping.resolve(SITE, "site.csv", List.of("\uFEFF Name ", "SOURCE_SYSTEM", "site_id"));
        assertThat(m.headerSize()).isEqualTo(3);
        assertThat(m.sourceIdIndex()).isEqualTo(2);
        assertThat(m.sourceSystemIndex()).isEqualTo(1);
        assertThat(m.columnIndexes()).containsExactly(0);
        assertThat(m.ignoredColumns()).isEmpty();
    }

    @Test
    void optionalColumnsMayBeAbsentAndUnknownOnesAreReported() {
        HeaderMapping m = HeaderMapping.resolve(PATIENT, "patient.csv",
                List.of("patient_id", "birth_date", "sex", "race", "ethnicity", "shoe_size"));
        assertThat(m.sourceSystemIndex()).isEqualTo(-1);
        // birth_date, death_date, sex, race, ethnicity, language, zip, deprivation_quintile, site_id
        assertThat(m.columnIndexes()).containsExactly(1, -1, 2, 3, 4, -1, -1, -1, -1);
        assertThat(m.ignoredColumns()).containsExactly("shoe_size");
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileNamingTheColumn() {
        assertThatThrownBy(() -> HeaderMapping.resolve(PATIENT, "patient.csv",
                List.of("patient_id", "birth_date", "race", "ethnicity")))
                .isInstanceOf(ExtractRejectedException.class)
                .hasMessageStartingWith("patient.csv: header lacks required column(s) sex (header: patient_id,birth_date,race,ethnicity)");
        assertThatThrownBy(() -> HeaderMapping.resolve(SITE, "site.csv", List.of("name")))
                .hasMessageContaining("lacks required column(s) site_id");
    }

    @Test
    void aRepeatedColumnRejectsTheFile() {
        assertThatThrownBy(() -> HeaderMapping.resolve(SITE, "site.csv", List.of("site_id", "name", "Name")))
                .isInstanceOf(ExtractRejectedException.class)
                .hasMessage("site.csv: header repeats column(s) name; each column may appear once");
    }

    @Test
    void stagingColumnsFollowTheSpecWithReferencesAsRefs() {
        assertThat(CanonicalTables.byTable("encounter").orElseThrow().stagingColumns()).containsExactly(
                "extract_file_id", "line_no", "source_system", "source_id", "patient_ref", "site_ref", "class", "unit",
                "admit_time", "discharge_time", "discharge_disposition", "status", "class_code",
                "discharge_disposition_system", "discharge_disposition_code", "type_codes");
        assertThat(CanonicalTables.tableNames()).containsExactly("site", "patient", "coverage", "encounter", "unit_stay",
                "device_episode", "condition", "procedure", "observation", "medication", "safety_event", "survey_response");
    }
}
