package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.equity.Comparison;

class EquityComparisonTest {

    @Test
    void proportionsAgainstTheLargestGroupWithKatzInterval() {
        List<ResultRow> race = List.of(
                row("white", 200, 1000, null, false),
                row("black-or-african-american", 60, 200, null, false),
                row("asian", 22, 100, null, false),
                row("other", 0, 5, null, true),
                row("unknown", 40, 50, null, false));
        Map<String, EquityComparison.Result> r = EquityComparison.compare(race, Scoring.PROPORTION, Improvement.DECREASE);
        // suppressed and unknown strata are never compared
        assertThat(r).containsOnlyKeys("white", "black-or-african-american", "asian");
        assertThat(r.get("white").ratioText()).isEqualTo("ref.");
        // RR = 0.30/0.20 = 1.5; Katz se = √(1/60 − 1/200 + 1/200 − 1/1000) = 0.1251666, z = 1.959964 → exp(ln 1.5 ± 0.245322)
        EquityComparison.Result black = r.get("black-or-african-american");
        assertEquals(1.5, black.ratio(), 1e-12);
        assertEquals(1.17368, black.low(), 1e-5);
        assertEquals(1.91705, black.high(), 1e-5);
        assertThat(black.comparison()).isEqualTo(Comparison.WORSE);
        assertThat(black.ratioText()).isEqualTo("1.50 (1.17–1.92)");
        assertThat(black.flag()).isEqualTo("disparity");
        // 22% v 20%: not significant
        assertThat(r.get("asian").comparison()).isEqualTo(Comparison.SIMILAR);
        assertThat(r.get("asian").flag()).isEmpty();
    }

    @Test
    void noFlagWhenThePrintedRatioIntervalIncludesOne() {
        // 2/11 v 60/100: Newcombe's difference interval −0.577..−0.107 excludes 0, but Katz's ratio interval
        // 0.086..1.072 includes 1, so the table would print "(0.09–1.07)" beside a flag: not flagged
        List<ResultRow> payer = List.of(row("commercial", 60, 100, null, false), row("self-pay", 2, 11, null, false));
        EquityComparison.Result selfPay = EquityComparison.compare(payer, Scoring.PROPORTION, Improvement.INCREASE)
                .get("self-pay");
        assertEquals(0.08563, selfPay.low(), 1e-5);
        assertEquals(1.07235, selfPay.high(), 1e-5);
        assertThat(selfPay.comparison()).isEqualTo(Comparison.SIMILAR);
    }

    @Test
    void ratiosUseTheExactConditionalInterval() {
        // 30 events in 1,000 days v 20 in 2,000: RR = 3; x1 | 50 ~ Bin(50, p) with p = 30/50 at the estimate
        List<ResultRow> sex = List.of(row("female", 20, 300, 2000.0, false), row("male", 30, 200, 1000.0, false));
        EquityComparison.Result male = EquityComparison.compare(sex, Scoring.RATIO, Improvement.DECREASE).get("male");
        assertEquals(3.0, male.ratio(), 1e-12);
        assertThat(male.low()).isGreaterThan(1.0).isLessThan(3.0);
        assertThat(male.high()).isGreaterThan(3.0);
        assertThat(male.comparison()).isEqualTo(Comparison.WORSE);
    }

    @Test
    void fewerThanTwoComparableGroupsGiveNothing() {
        assertThat(EquityComparison.compare(List.of(row("female", 10, 100, null, false), row("unknown", 5, 50, null, false)),
                Scoring.PROPORTION, Improvement.INCREASE)).isEmpty();
    }

    private static ResultRow row(String stratum, long num, long den, Double exposure, boolean suppressed) {
        return new ResultRow("i", LocalDate.of(2025, 11, 1), "ALL", "Org", "race", stratum, num, den, exposure,
                suppressed ? null : (exposure == null ? (double) num / den : num / exposure * 1000), null, null,
                suppressed);
    }
}
