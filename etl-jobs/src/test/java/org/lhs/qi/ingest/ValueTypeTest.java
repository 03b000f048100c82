package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void datesMustBeRealCalendarDatesInIsoForm() throws Exception {
        assertThat(ValueType.date().convert("1985-01-02", UTC)).isEqualTo("1985-01-02");
        assertThat(ValueType.date().convert("2024-02-29", UTC)).isEqualTo("2024-02-29");
        assertThatThrownBy(() -> ValueType.date().convert("1985-13-40", UTC))
                .hasMessage("'1985-13-40' is not a date (YYYY-MM-DD)");
        assertThatThrownBy(() -> ValueType.date().convert("2023-02-29", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.date().convert("02/01/1985", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.date().convert("1985-1-2", UTC)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void timesWithZuluOrOffsetBecomeInstants() throws Exception {
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00Z", NEW_YORK)).isEqualTo("2026-03-01T08:30:00Z");
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00+02:00", NEW_YORK)).isEqualTo("2026-03-01T06:30:00Z");
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00-05:00", UTC)).isEqualTo("2026-03-01T13:30:00Z");
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00.250Z", UTC)).isEqualTo("2026-03-01T08:30:00.250Z");
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00+05:30", UTC)).isEqualTo("2026-03-01T03:00:00Z");
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00.5+01:00", UTC)).isEqualTo("2026-03-01T07:30:00.500Z");
    }

    @Test
    void timesWithoutOffsetAreInTheConfiguredZoneIncludingDaylightSaving() throws Exception {
        assertThat(ValueType.timestamp().convert("2026-03-01T08:30:00", UTC)).isEqualTo("2026-03-01T08:30:00Z");
        // EST (UTC-5) before 8 March 2026, EDT (UTC-4) after
        assertThat(ValueType.timestamp().convert("2026-03-02T23:15:00", NEW_YORK)).isEqualTo("2026-03-03T04:15:00Z");
        assertThat(ValueType.timestamp().convert("2026-07-01T12:00:00", NEW_YORK)).isEqualTo("2026-07-01T16:00:00Z");
        assertThat(ValueType.timestamp().convert("2026-07-01T12:00", NEW_YORK)).isEqualTo("2026-07-01T16:00:00Z");
    }

    @Test
    void badTimesAreRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-13-01T10:00:00Z", UTC))
                .hasMessage("'2026-13-01T10:00:00Z' is not a date-time (YYYY-MM-DDThh:mm:ss with optional Z or +hh:mm)");
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01 08:30", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01T25:00:00", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01T08:30:00+0200", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01T08:30:00+25:00", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-02-30T08:30:00Z", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01T08:3a:00Z", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.timestamp().convert("2026-03-01T08:30:00ZZ", UTC)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void decimalsAreExactAndNonNumbersRejected() throws Exception {
        assertThat(ValueType.decimal().convert("7.20", UTC)).isEqualTo("7.20");
        assertThat(ValueType.decimal().convert("-0.5", UTC)).isEqualTo("-0.5");
        assertThat(ValueType.decimal().convert("1E+3", UTC)).isEqualTo("1000");
        assertThatThrownBy(() -> ValueType.decimal().convert("abc", UTC)).hasMessage("'abc' is not a number");
        assertThatThrownBy(() -> ValueType.decimal().convert("NaN", UTC)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueType.decimal().convert("7,2", UTC)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void integersAreCheckedAgainstTheirRange() throws Exception {
        ValueType quintile = ValueType.integer(1, 5);
        assertThat(quintile.convert("5", UTC)).isEqualTo("5");
        assertThatThrownBy(() -> quintile.convert("6", UTC)).hasMessage("'6' is not between 1 and 5");
        assertThatThrownBy(() -> quintile.convert("2.5", UTC)).hasMessage("'2.5' is not a whole number");
    }

    @Test
    void enumsMatchIgnoringCaseAndStoreTheCanonicalSpelling() throws Exception {
        ValueType sex = ValueType.oneOf("female", "male", "other", "unknown");
        assertThat(sex.convert("Male", UTC)).isEqualTo("male");
        assertThat(ValueType.oneOf("Y", "N", "U", "W").convert("y", UTC)).isEqualTo("Y");
        assertThatThrownBy(() -> sex.convert("F", UTC)).hasMessage("'F' is not one of female, male, other, unknown");
    }

    @Test
    void codeSystemUrisAndSpellingsBecomeShortNames() throws Exception {
        ValueType cs = ValueType.codeSystem();
        assertThat(cs.convert("http://hl7.org/fhir/sid/icd-10-cm", UTC)).isEqualTo("ICD-10-CM");
        assertThat(cs.convert("http://snomed.info/sct", UTC)).isEqualTo("SNOMED-CT");
        assertThat(cs.convert("https://loinc.org/", UTC)).isEqualTo("LOINC");
        assertThat(cs.convert("http://www.nlm.nih.gov/research/umls/rxnorm", UTC)).isEqualTo("RxNorm");
        assertThat(cs.convert("http://www.ama-assn.org/go/cpt", UTC)).isEqualTo("CPT");
        assertThat(cs.convert("http://hl7.org/fhir/sid/cvx", UTC)).isEqualTo("CVX");
        assertThat(cs.convert("snomed ct", UTC)).isEqualTo("SNOMED-CT");
        assertThat(cs.convert("ICD10CM", UTC)).isEqualTo("ICD-10-CM");
        assertThat(cs.convert("icd-10-pcs", UTC)).isEqualTo("ICD-10-PCS");
        assertThat(cs.convert("rxnorm", UTC)).isEqualTo("RxNorm");
        assertThat(cs.convert("Local", UTC)).isEqualTo("LOCAL");
        assertThatThrownBy(() -> cs.convert("http://unknown.example/cs", UTC))
                .hasMessageStartingWith("'http://unknown.example/cs' is not a known code system (ICD-10-CM, ");
    }

    @Test
    void longValuesAreShortenedInReasons() {
        String longValue = "x".repeat(100);
        assertThatThrownBy(() -> ValueType.decimal().convert(longValue, UTC))
                .hasMessage("'" + "x".repeat(57) + "...' is not a number");
    }
}
