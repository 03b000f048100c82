package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateFormatTest {

    private final RateFormat proportion = new RateFormat(Scoring.PROPORTION, null);
    private final RateFormat ratio = new RateFormat(Scoring.RATIO, 1000.0);

    @Test
    void proportionsArePercentagesWithOneDecimal() {
        assertThat(proportion.rate(0.235)).isEqualTo("23.5%");
        assertThat(proportion.rate(0.23449)).isEqualTo("23.4%");
        assertThat(proportion.rateWithUnit(1.0)).isEqualTo("100.0%");
        assertThat(proportion.interval(0.2098, 0.2621)).isEqualTo("21.0–26.2%");
        assertThat(proportion.chartValue(0.235)).isEqualTo(23.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void ratiosCarryTheirMultiplierAndExposureUnit() {
        assertThat(ratio.rate(1.5)).isEqualTo("1.50");
        assertThat(ratio.rateWithUnit(1.5)).isEqualTo("1.50 per 1,000 patient-days");
        assertThat(ratio.interval(0.7754, 2.6199)).isEqualTo("0.78–2.62");
        assertThat(new RateFormat(Scoring.RATIO, 10000.0).unit()).isEqualTo("per 10,000 patient-days");
        assertThat(ratio.numeratorHeading()).isEqualTo("Events");
        assertThat(ratio.denominatorHeading()).isEqualTo("Patient-days");
    }

    @Test
    void targetsShowTheRelationOfTheImprovementDirection() {
        assertThat(proportion.target(0.15, Improvement.DECREASE)).isEqualTo("≤ 15.0%");
        assertThat(proportion.target(0.70, Improvement.INCREASE)).isEqualTo("≥ 70.0%");
        assertThat(ratio.target(1.0, Improvement.DECREASE)).isEqualTo("≤ 1.00");
        assertThat(ratio.target(null, Improvement.DECREASE)).isEqualTo("none");
    }

    @Test
    void missingValuesShowADash() {
        assertThat(proportion.rate(null)).isEqualTo("–");
        assertThat(proportion.interval(0.1, null)).isEqualTo("–");
        assertThat(proportion.chartValue(null)).isNull();
    }

    @org.junit.jupiter.api.Test
    void deviceDayRatiosNameTheirExposure() {
        RateFormat clabsi = new RateFormat(Scoring.RATIO, 1000.0, "central-line-days");
        org.assertj.core.api.Assertions.assertThat(clabsi.rateWithUnit(1.234)).isEqualTo("1.23 per 1,000 central-line days");
        org.assertj.core.api.Assertions.assertThat(clabsi.denominatorHeading()).isEqualTo("Central-line days");
        org.assertj.core.api.Assertions.assertThat(new RateFormat(Scoring.RATIO, 1000.0, "urinary-catheter-days").unit())
                .isEqualTo("per 1,000 catheter days");
        org.assertj.core.api.Assertions.assertThat(new RateFormat(Scoring.RATIO, 10000.0, null).unit())
                .isEqualTo("per 10,000 patient-days");
    }
}
