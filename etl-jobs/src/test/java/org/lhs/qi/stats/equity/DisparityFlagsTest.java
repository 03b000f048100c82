package org.lhs.qi.stats.equity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.Improvement;

class DisparityFlagsTest {

    /** The 15 p-values of Benjamini &amp; Hochberg (1995), section 4: at q = 0.05 the four smallest are rejected. */
    private static final double[] NEUHAUS = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
            0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};

    @Test
    void aFlagNeedsTheFamilyWideAdjustmentAndTenPercentAndTakesItsDirectionFromTheIndicator() {
        // ratios chosen per hypothesis; the adjusted p-values are R's p.adjust(p, "BH") for the paper's 15 values
        Double[] ratios = {0.50, 1.60, 1.05, 2.00, 3.00, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5};
        Improvement[] direction = {Improvement.INCREASE, Improvement.INCREASE, Improvement.DECREASE,
                Improvement.DECREASE, Improvement.DECREASE};
        List<DisparityFlags.Test> family = new ArrayList<>();
        for (int i = 0; i < NEUHAUS.length; i++) {
            family.add(new DisparityFlags.Test(ratios[i], NEUHAUS[i], i < 5 ? direction[i] : Improvement.INCREASE));
        }
        List<DisparityFlags.Flag> flags = DisparityFlags.flag(family, 0.05);
        // p̃ = 0.0015: ratio 0.5 of an indicator where higher is better → worse than the reference
        assertEquals(0.0015, flags.get(0).adjustedP(), 1e-12);
        assertThat(flags.get(0).comparison()).isEqualTo(Comparison.WORSE);
        // p̃ = 0.003: ratio 1.6, higher is better → better (favourable differences are flagged in the same family)
        assertEquals(0.003, flags.get(1).adjustedP(), 1e-12);
        assertThat(flags.get(1).comparison()).isEqualTo(Comparison.BETTER);
        // p̃ = 0.0095 survives, but 5% is not a material difference
        assertEquals(0.0095, flags.get(2).adjustedP(), 1e-12);
        assertThat(flags.get(2).comparison()).isEqualTo(Comparison.SIMILAR);
        // p̃ = 15/4 · 0.0095 = 0.035625: ratio 2 where lower is better → worse
        assertEquals(0.035625, flags.get(3).adjustedP(), 1e-12);
        assertThat(flags.get(3).comparison()).isEqualTo(Comparison.WORSE);
        // p = 0.0201 < 0.05 alone, but p̃ = 15/5 · 0.0201 = 0.0603: not flagged however large the ratio
        assertEquals(0.0603, flags.get(4).adjustedP(), 1e-12);
        assertThat(flags.subList(4, 15)).extracting(DisparityFlags.Flag::comparison).containsOnly(Comparison.SIMILAR);
    }

    @Test
    void theSameComparisonIsFlaggedOnAPageButNotOnAScorecardOfTwoHundred() {
        // the demo's first planted disparity had p ≈ 0.0004 (HbA1c, Black v white): alone, p̃ = 0.0004 ≤ 0.05;
        // among 199 null comparisons (p = 1), p̃ = 200 · 0.0004 = 0.08 > 0.05
        DisparityFlags.Test planted = new DisparityFlags.Test(2.17, 0.0004, Improvement.DECREASE);
        assertThat(DisparityFlags.flag(List.of(planted), 0.05).getFirst().comparison()).isEqualTo(Comparison.WORSE);
        List<DisparityFlags.Test> scorecard = new ArrayList<>(List.of(planted));
        for (int i = 0; i < 199; i++) {
            scorecard.add(new DisparityFlags.Test(1.0, 1.0, Improvement.INCREASE));
        }
        DisparityFlags.Flag flag = DisparityFlags.flag(scorecard, 0.05).getFirst();
        assertEquals(0.08, flag.adjustedP(), 1e-12);
        assertThat(flag.comparison()).isEqualTo(Comparison.SIMILAR);
        // p = 0.0002 keeps its flag on such a scorecard: 200 · 0.0002 = 0.04
        scorecard.set(0, new DisparityFlags.Test(2.17, 0.0002, Improvement.DECREASE));
        assertThat(DisparityFlags.flag(scorecard, 0.05).getFirst().comparison()).isEqualTo(Comparison.WORSE);
    }

    @Test
    void undefinedRatiosAndEmptyFamilies() {
        assertThat(DisparityFlags.flag(List.of(), 0.05)).isEmpty();
        // no events: the ratio is undefined and its p-value 1, never flagged
        assertThat(DisparityFlags.flag(List.of(new DisparityFlags.Test(null, 1.0, Improvement.INCREASE)), 0.05)
                .getFirst().comparison()).isEqualTo(Comparison.SIMILAR);
    }
}
