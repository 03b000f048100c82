package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContinuousFormatTest {

    private static final ContinuousIndicator LOS = new ContinuousIndicator("ed-los", "ED LOS", null, null, Domain.VALUE,
            "encounter", Improvement.DECREASE, 180.0, "median", "minutes");

    @Test
    void mediansCarryOneDecimalAndTheObservationUnit() {
        ContinuousFormat f = new ContinuousFormat(LOS);
        assertThat(f.value(212.5)).isEqualTo("212.5");
        assertThat(f.value(1234.0)).isEqualTo("1,234.0");
        assertThat(f.value(null)).isEqualTo("–");
        assertThat(f.valueWithUnit(212.0)).isEqualTo("212.0 minutes");
        assertThat(f.interval(198.0, 225.5)).isEqualTo("198.0–225.5");
        assertThat(f.interval(null, 225.5)).isEqualTo("–");
        assertThat(f.target(180.0, Improvement.DECREASE)).isEqualTo("≤ 180 minutes");
        assertThat(f.target(null, Improvement.DECREASE)).isEqualTo("none");
        assertThat(f.heading()).isEqualTo("Median (minutes)");
        assertThat(f.populationHeading()).isEqualTo("Encounters");
    }

    @Test
    void aMeanWithoutUnitOfPatients() {
        ContinuousFormat f = new ContinuousFormat(new ContinuousIndicator("x", "X", null, null, Domain.QUALITY,
                "patient", Improvement.INCREASE, 7.5, "mean", null));
        assertThat(f.heading()).isEqualTo("Mean");
        assertThat(f.valueWithUnit(7.26)).isEqualTo("7.3");
        assertThat(f.target(7.5, Improvement.INCREASE)).isEqualTo("≥ 7.5");
        assertThat(f.populationHeading()).isEqualTo("Patients");
    }
}
