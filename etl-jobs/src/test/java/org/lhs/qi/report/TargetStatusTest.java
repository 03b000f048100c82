package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetStatusTest {

    @Test
    void lowerIsBetterMeetsAtOrBelowTheTarget() {
        assertThat(TargetStatus.evaluate(0.15, 0.15, Improvement.DECREASE)).isEqualTo(TargetStatus.MET);
        assertThat(TargetStatus.evaluate(0.149, 0.15, Improvement.DECREASE)).isEqualTo(TargetStatus.MET);
        assertThat(TargetStatus.evaluate(0.235, 0.15, Improvement.DECREASE)).isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void higherIsBetterMeetsAtOrAboveTheTarget() {
        assertThat(TargetStatus.evaluate(0.70, 0.70, Improvement.INCREASE)).isEqualTo(TargetStatus.MET);
        assertThat(TargetStatus.evaluate(0.686, 0.70, Improvement.INCREASE)).isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void withoutRateOrTargetThereIsNoVerdict() {
        assertThat(TargetStatus.evaluate(null, 0.70, Improvement.INCREASE)).isEqualTo(TargetStatus.NOT_AVAILABLE);
        assertThat(TargetStatus.evaluate(0.5, null, Improvement.INCREASE)).isEqualTo(TargetStatus.NO_TARGET);
        assertThat(TargetStatus.MET.symbol()).isEqualTo("✓");
        assertThat(TargetStatus.NOT_MET.label()).isEqualTo("not met");
    }
}
