package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

    /** Six months with the given numerators over 100 each (a null numerator = suppressed month). */
    private static List<ResultRow> months(Integer... numerators) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < numerators.length; i++) {
            boolean suppressed = numerators[i] == null;
            rows.add(new ResultRow("x", LocalDate.of(2026, 1, 1).plusMonths(i), "ALL", "All sites", "overall", "all",
                    suppressed ? 3 : numerators[i], suppressed ? 9 : 100, null, null, null, null, suppressed));
        }
        return rows;
    }

    @Test
    void fallingRateImprovesWhenLowerIsBetterAndWorsensWhenHigherIsBetter() {
        // previous 3: 90/300 = 30%; latest 3: 60/300 = 20%
        List<ResultRow> rows = months(30, 30, 30, 20, 20, 20);
        Trend lower = Trend.of(rows, Scoring.PROPORTION, Improvement.DECREASE);
        assertThat(lower.direction()).isEqualTo(Trend.Direction.IMPROVING);
        assertThat(lower.previous()).isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(lower.latest()).isEqualTo(0.20, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(lower.label()).isEqualTo("↘ improving");
        Trend higher = Trend.of(rows, Scoring.PROPORTION, Improvement.INCREASE);
        assertThat(higher.label()).isEqualTo("↘ worsening");
    }

    @Test
    void aRelativeChangeUnderFivePercentIsStable() {
        // 60/300 = 20% vs 62/300 = 20.67%: +3.3% relative
        assertThat(Trend.of(months(20, 20, 20, 21, 21, 20), Scoring.PROPORTION, Improvement.DECREASE).label())
                .isEqualTo("→ stable");
        // 60/300 vs 64/300: +6.7% is a signal
        assertThat(Trend.of(months(20, 20, 20, 21, 22, 21), Scoring.PROPORTION, Improvement.DECREASE).direction())
                .isEqualTo(Trend.Direction.WORSENING);
    }

    @Test
    void onlyTheLastSixMonthsCountAndOrderDoesNotMatter() {
        List<ResultRow> rows = months(90, 90, 30, 30, 30, 40, 40, 40);
        Collections.reverse(rows);
        assertThat(Trend.of(rows, Scoring.PROPORTION, Improvement.INCREASE).label()).isEqualTo("↗ improving");
    }

    @Test
    void suppressedMonthsAreLeftOutAndTooFewMonthsGiveNoVerdict() {
        // latest window keeps 2 reportable months: 40/200 vs 90/300
        assertThat(Trend.of(months(30, 30, 30, 20, null, 20), Scoring.PROPORTION, Improvement.DECREASE).latest())
                .isEqualTo(0.20, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Trend.of(months(30, 30, 30, 20, null, null), Scoring.PROPORTION, Improvement.DECREASE).direction())
                .isEqualTo(Trend.Direction.INSUFFICIENT);
        assertThat(Trend.of(months(30, 30, 30, 20, 20), Scoring.PROPORTION, Improvement.DECREASE).label())
                .isEqualTo("insufficient data");
    }

    @Test
    void ratiosPoolEventsOverExposure() {
        List<ResultRow> rows = new ArrayList<>();
        double[] exposure = {1000, 1000, 1000, 2000, 2000, 2000};
        long[] events = {2, 2, 2, 2, 2, 2};
        for (int i = 0; i < 6; i++) {
            rows.add(new ResultRow("f", LocalDate.of(2026, 1, 1).plusMonths(i), "ALL", "All sites", "overall", "all",
                    events[i], 300, exposure[i], null, null, null, false));
        }
        Trend t = Trend.of(rows, Scoring.RATIO, Improvement.DECREASE);
        assertThat(t.previous()).isEqualTo(0.002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.latest()).isEqualTo(0.001, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.direction()).isEqualTo(Trend.Direction.IMPROVING);
    }
}
