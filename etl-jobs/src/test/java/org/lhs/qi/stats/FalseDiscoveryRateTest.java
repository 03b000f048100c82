package org.lhs.qi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FalseDiscoveryRateTest {

    /**
     * The 15 p-values of Benjamini &amp; Hochberg (1995), section 4 (the Neuhaus et al. thrombolysis trial): at
     * q = 0.05 the step-up procedure rejects the four smallest, while Bonferroni and Holm reject only three.
     */
    private static final double[] NEUHAUS = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
            0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};

    @Test
    void benjaminiHochbergRejectsTheFourHypothesesOfThePaper() {
        // largest i with p(i) ≤ i·0.05/15: i = 4 (0.0095 ≤ 0.0133); i = 5 fails (0.0201 > 0.0167) and so do 6..15
        boolean[] rejected = FalseDiscoveryRate.benjaminiHochberg(NEUHAUS, 0.05);
        assertThat(count(rejected)).isEqualTo(4);
        assertThat(rejected[0] && rejected[1] && rejected[2] && rejected[3]).isTrue();
    }

    @Test
    void holmRejectsThree() {
        // 0.0001 ≤ 0.05/15, 0.0004 ≤ 0.05/14, 0.0019 ≤ 0.05/13, then 0.0095 > 0.05/12 = 0.00417 stops
        boolean[] rejected = FalseDiscoveryRate.holm(NEUHAUS, 0.05);
        assertThat(count(rejected)).isEqualTo(3);
        assertThat(rejected[3]).isFalse();
    }

    @Test
    void adjustedPValuesAsRsPAdjust() {
        // p̃(4) = min(15/4·0.0095, 15/5·0.0201, …) = 0.035625; p̃(1) = 15·0.0001 = 0.0015; p̃(15) = 1
        double[] adjusted = FalseDiscoveryRate.benjaminiHochbergAdjusted(NEUHAUS);
        assertThat(adjusted[0]).isCloseTo(0.0015, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.0095, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.035625, org.assertj.core.data.Offset.offset(1e-12));
        // p(5): 15/5·0.0201 = 0.0603 is the smallest of 15/j·p(j) for j ≥ 5 (0.0695, 0.0639, 0.0645, 0.0765, …)
        assertThat(adjusted[4]).isCloseTo(0.0603, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(adjusted[14]).isEqualTo(1.0);
    }

    @Test
    void orderOfInputDoesNotMatter() {
        double[] shuffled = {0.0459, 0.0001, 1.0, 0.0095, 0.0004, 0.3240};
        // m = 6: thresholds 0.0083, 0.0167, 0.025, 0.0333, 0.0417, 0.05 → 0.0001, 0.0004, 0.0095 (≤ 0.025) rejected;
        // 0.0459 > 0.0333
        assertArrayEquals(new boolean[] {false, true, false, true, true, false},
                FalseDiscoveryRate.benjaminiHochberg(shuffled, 0.05));
    }

    @Test
    void emptyFamilyAndBadValues() {
        assertThat(FalseDiscoveryRate.benjaminiHochberg(new double[0], 0.05)).isEmpty();
        assertThatThrownBy(() -> FalseDiscoveryRate.holm(new double[] {1.2}, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
