package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code deleted} column of incremental extracts, and the redaction of reasons for logs. */
class DeletionRowTest {

    private static final TableSpec PATIENT = CanonicalTables.byTable("patient").orElseThrow();
    private static final List<String> HEADER = List.of("patient_id", "birth_date", "sex", "race", "ethnicity",
            "deleted", "source_system");

    private final RowConverter converter = new RowConverter(PATIENT,
            HeaderMapping.resolve(PATIENT, "patient.csv", HEADER), "ehr-a", ZoneId.of("UTC"));

    @Test
    void deletedTrueNeedsOnlyTheIdentity() {
        assertThat(converter.convert(List.of("P1", "", "", "", "", "TRUE", "")))
                .isEqualTo(new RowConverter.Deletion("ehr-a", "P1"));
        assertThat(converter.convert(List.of("P1", "", "", "", "", " true ", "lab-b")))
                .isEqualTo(new RowConverter.Deletion("lab-b", "P1"));
    }

    @Test
    void deletedFalseOrEmptyIsAnOrdinaryRow() {
        for (String flag : List.of("", "false", "FALSE")) {
            assertThat(converter.convert(List.of("P1", "1970-01-01", "female", "white", "unknown", flag, "")))
                    .isInstanceOf(RowConverter.Good.class);
        }
        // an ordinary row still needs its required fields
        assertThat(converter.convert(List.of("P1", "", "female", "white", "unknown", "false", "")))
                .isEqualTo(new RowConverter.Bad("birth_date: required value is missing"));
    }

    @Test
    void badDeletionRowsAreQuarantined() {
        assertThat(converter.convert(List.of("P1", "", "", "", "", "yes", "")))
                .isEqualTo(new RowConverter.Bad("deleted: 'yes' is not true or false"));
        assertThat(converter.convert(List.of("", "", "", "", "", "true", "")))
                .isInstanceOf(RowConverter.Bad.class)
                .extracting(o -> ((RowConverter.Bad) o).reason()).asString().startsWith("patient_id: required value");
    }

    @Test
    void theDeletedColumnIsKnownToEveryTable() {
        assertThat(HeaderMapping.resolve(PATIENT, "patient.csv", HEADER).ignoredColumns()).isEmpty();
        assertThat(CanonicalTables.ALL).allSatisfy(t -> assertThat(t.knownHeaderNames()).contains("deleted"));
    }

    @Test
    void redactionWithholdsQuotedValuesButKeepsColumnsAndLines() {
        assertThat(Redaction.withoutValues("line 43: effective_time: '2026-10-45T10:00:00Z' is not a date-time"))
                .isEqualTo("line 43: effective_time: '…' is not a date-time");
        // PostgreSQL's format('%L') doubles quotes inside the literal
        assertThat(Redaction.withoutValues("patient_id 'O''Brien-7' not found in patient.csv or the warehouse"))
                .isEqualTo("patient_id '…' not found in patient.csv or the warehouse");
        assertThat(Redaction.withoutValues("value_num: 'abc' is not a number; code_system: 'ICD-9' is not known"))
                .isEqualTo("value_num: '…' is not a number; code_system: '…' is not known");
        assertThat(Redaction.withoutValues("record has 3 field(s) but the header has 4"))
                .isEqualTo("record has 3 field(s) but the header has 4");
    }

    @Test
    void theErrorRateMessageWithholdsValues() {
        FileIngestResult result = new FileIngestResult("observation", "observation.csv", 7, 2, 1, 1, false,
                List.of("line 3: patient_id 'P03' not found; value_num: '7.0' is not a number"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new ErrorRatePolicy(0.1).check(List.of(result), 9L)))
                .hasMessageContaining("line 3: patient_id '…' not found; value_num: '…' is not a number")
                .hasMessageNotContaining("P03").hasMessageNotContaining("7.0");
    }
}
