package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowConverterTest {

    private static final TableSpec OBSERVATION = CanonicalTables.byTable("observation").orElseThrow();
    private static final List<String> HEADER = List.of("observation_id", "patient_id", "code_system", "code",
            "effective_time", "value_num", "status", "source_system");

    private final RowConverter converter = new RowConverter(OBSERVATION,
            HeaderMapping.resolve(OBSERVATION, "observation.csv", HEADER), "ehr-a", ZoneId.of("Europe/Berlin"));

    @Test
    void goodRecordBecomesStagingValuesWithDefaultsAndNulls() {
        RowConverter.Outcome out = converter.convert(List.of(" O1 ", "P1", "http://loinc.org", "4548-4",
                "2026-03-01T08:30:00", "7.2", "", ""));
        assertThat(out).isInstanceOf(RowConverter.Good.class);
        // source_system, source_id, patient_ref, encounter_ref, code_system, code, effective_time, value_num,
        // value_code_system, value_code, unit, status, effective_start (FHIR periods only)
        assertThat(Arrays.asList(((RowConverter.Good) out).values())).containsExactly("ehr-a", "O1", "P1", null,
                "LOINC", "4548-4", "2026-03-01T07:30:00Z", "7.2", null, null, null, "final", null);
    }

    @Test
    void sourceSystemColumnOverridesTheDefault() {
        RowConverter.Good out = (RowConverter.Good) converter.convert(List.of("O1", "P1", "LOINC", "4548-4",
                "2026-03-01T08:30:00Z", "", "amended", "lab-b"));
        assertThat(out.values()[0]).isEqualTo("lab-b");
        assertThat(out.values()[11]).isEqualTo("amended");
    }

    @Test
    void everyBadColumnIsNamedInTheReason() {
        RowConverter.Outcome out = converter.convert(List.of("O1", "", "ICD-9", "4548-4", "yesterday", "high", "", ""));
        assertThat(out).isEqualTo(new RowConverter.Bad("patient_id: required value is missing; "
                + "code_system: 'ICD-9' is not a known code system (ICD-10-CM, ICD-10-PCS, SNOMED-CT, LOINC, RxNorm, CPT, HCPCS, CVX, LOCAL or their URIs); "
                + "effective_time: 'yesterday' is not a date-time (YYYY-MM-DDThh:mm:ss with optional Z or +hh:mm); "
                + "value_num: 'high' is not a number"));
    }

    @Test
    void missingSourceIdAndWrongFieldCountAreRejected() {
        assertThat(converter.convert(List.of("", "P1", "LOINC", "1", "2026-03-01T08:30:00Z", "", "", "")))
                .isEqualTo(new RowConverter.Bad("observation_id: required value is missing"));
        assertThat(converter.convert(List.of("O1", "P1", "LOINC")))
                .isEqualTo(new RowConverter.Bad("record has 3 field(s) but the header has 8"));
    }

    @Test
    void copyTextEscapesSpecialCharactersAndNulls() {
        StringBuilder sb = new StringBuilder();
        CopyText.appendRow(sb, 7, 12, new String[] {"a\tb", null, "back\\slash", "two\nlines\r"});
        assertThat(sb).hasToString("7\t12\ta\\tb\t\\N\tback\\\\slash\ttwo\\nlines\\r\n");
    }
}
