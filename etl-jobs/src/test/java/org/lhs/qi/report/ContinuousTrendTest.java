package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuousTrendTest {

    private static ResultRow month(int m, long n, Double median) {
        return new ResultRow("los", LocalDate.of(2026, 5, 1).plusMonths(m), "ALL", "All", "overall", "all", n,
                n + 5, null, median, null, null, median == null);
    }

    @Test
    void weighsEachMonthsMedianByItsObservations() {
        // previous: (200·100 + 220·300 + 210·100) / 500 = 107,000 / 500 = 214
        // latest (one month suppressed): (190·200 + 200·200) / 400 = 78,000 / 400 = 195; −8.9% and lower is better
        List<ResultRow> rows = new ArrayList<>(List.of(month(0, 100, 200.0), month(1, 300, 220.0), month(2, 100, 210.0),
                month(3, 200, 190.0), month(4, 200, 200.0), month(5, 8, null)));
        Trend t = ContinuousTrend.of(rows, Improvement.DECREASE);
        assertThat(t.previous()).isEqualTo(214.0);
        assertThat(t.latest()).isEqualTo(195.0);
        assertThat(t.direction()).isEqualTo(Trend.Direction.IMPROVING);
        assertThat(t.label()).isEqualTo("↘ improving");
        assertThat(ContinuousTrend.of(rows, Improvement.INCREASE).direction()).isEqualTo(Trend.Direction.WORSENING);
    }

    @Test
    void aChangeUnderFivePercentIsStableAndTooFewMonthsAreInsufficient() {
        // 214 → 210: −1.9%
        List<ResultRow> rows = List.of(month(0, 100, 200.0), month(1, 300, 220.0), month(2, 100, 210.0),
                month(3, 100, 210.0), month(4, 100, 210.0), month(5, 100, 210.0));
        assertThat(ContinuousTrend.of(rows, Improvement.DECREASE).direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(ContinuousTrend.of(rows.subList(0, 5), Improvement.DECREASE).direction())
                .isEqualTo(Trend.Direction.INSUFFICIENT);
        List<ResultRow> twoSuppressed = List.of(month(0, 100, 200.0), month(1, 300, 220.0), month(2, 100, 210.0),
                month(3, 100, 210.0), month(4, 5, null), month(5, 5, null));
        assertThat(ContinuousTrend.of(twoSuppressed, Improvement.DECREASE).direction())
                .isEqualTo(Trend.Direction.INSUFFICIENT);
    }
}
