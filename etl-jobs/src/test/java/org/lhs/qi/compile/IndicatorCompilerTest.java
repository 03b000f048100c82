package org.lhs.qi.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;

class IndicatorCompilerTest {

    private final DefinitionSet library = DefinitionRepository.load(Path.of("../indicator-definitions"));
    private final IndicatorCompiler compiler = new IndicatorCompiler();

    @Test
    void everyDefinitionValueIsABindParameter() {
        CompiledIndicator c = compiler.compile(library.find("diabetes-hba1c-poor-control").orElseThrow());
        assertThat(c.sql()).startsWith("-- diabetes-hba1c-poor-control").contains("INSERT INTO qi.member (");
        // no codes, value set names, numbers or units pasted into the SQL
        assertThat(c.sql()).doesNotContain("'hba1c'", "/hba1c", "E11", "4548-4", "9.0", "'%'", "12 months", "ambulatory", "'hospice'");
        assertThat(c.parameters())
                .containsEntry("indicator_id", "diabetes-hba1c-poor-control")
                .containsEntry("subject_type", "patient")
                .containsEntry("ip1_age_min", 18)
                .containsEntry("ip1_age_max", 75)
                .containsEntry("ip2_value_set", "diabetes-hba1c-poor-control/diabetes")
                .containsEntry("ip3_class", List.of("ambulatory", "virtual"))
                // the shared library/exclusions criteria: hospice first, then palliative care
                .containsEntry("denex1_disposition_in", List.of("hospice"))
                .containsEntry("denex2_value_set", "diabetes-hba1c-poor-control/exclusions#palliative-care")
                .containsEntry("num1_value_set", "diabetes-hba1c-poor-control/hba1c")
                .containsEntry("num1_lookback", "12 months")
                .containsEntry("num1_value", new BigDecimal("9.0"))
                .containsEntry("num1_unit", "%")
                .containsEntry("num2_lookback", "12 months")
                .containsEntry("ev1_key", "hba1c");
        // every :name in the SQL is either a caller parameter or one the compiler supplies
        List<String> callerParams = List.of("business_date", "run_id", "period_kinds", "period_starts", "period_ends");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!:):([a-z_0-9]+)").matcher(c.sql());
        while (m.find()) {
            assertThat(callerParams.contains(m.group(1)) || c.parameters().containsKey(m.group(1)))
                    .as("parameter :" + m.group(1)).isTrue();
        }
    }

    @Test
    void ratioCountsEventsOnTheEncounterAndMeasuresPatientDays() {
        CompiledIndicator c = compiler.compile(library.find("falls-with-injury").orElseThrow());
        assertThat(c.sql()).contains("FROM ehr.encounter en JOIN ehr.patient pt")
                .contains("SELECT s.subject_id, s.period_no, count(*) AS n")
                .contains("JOIN ehr.safety_event se ON se.encounter_id = s.encounter_id")
                .contains("FROM ehr.unit_stay us")
                .contains("c.numerator_count > 0");
        assertThat(c.parameters()).containsEntry("num1_type", List.of("fall"))
                .containsEntry("num1_harm", List.of("mild", "moderate", "severe", "death"))
                .containsEntry("subject_type", "encounter");
    }

    @Test
    void readmissionLooksForAnotherEncounterAfterDischarge() {
        CompiledIndicator c = compiler.compile(library.find("readmission-30-day").orElseThrow());
        assertThat(c.sql()).contains("e.id <> s.encounter_id")
                .contains("e.admit_time > s.discharge_time")
                .contains("e.admit_time <= s.discharge_time + CAST(:num1_after_discharge AS interval)")
                .contains("s.discharge_time >= pd.start_time")
                // follow-up-complete: the 30 days after discharge end by the data cut-off
                .contains("s.discharge_time + CAST(:ip1_follow_up AS interval) <= CAST(CAST(:business_date AS date) AS timestamptz)");
        assertThat(c.parameters()).containsEntry("ip1_follow_up", "30 days")
                .containsEntry("ip1_disposition_not_in", List.of("expired", "transfer", "ama"))
                .containsEntry("num1_after_discharge", "30 days");
    }
}
