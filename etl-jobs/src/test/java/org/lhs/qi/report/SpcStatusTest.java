package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpcStatusTest {

    @Test
    void noStoredChartReadsNoChart() {
        assertThat(SpcStatus.of(List.of(row(null, null, false)), Improvement.INCREASE)).isEqualTo(SpcStatus.NONE);
    }

    @Test
    void commonCauseWhenNoPeriodSignals() {
        assertThat(SpcStatus.of(List.of(row(null, null, true), row(null, null, true)), Improvement.DECREASE).label())
                .isEqualTo("common cause");
    }

    @Test
    void upwardSignalIsWorseWhenLowerIsBetterAndBetterWhenHigherIsBetter() {
        List<ResultRow> rows = List.of(row(null, null, true), row("OUTSIDE_LIMITS", "up", true));
        assertThat(SpcStatus.of(rows, Improvement.DECREASE).label()).isEqualTo("▲ special cause (worse)");
        assertThat(SpcStatus.of(rows, Improvement.INCREASE).code()).isEqualTo(SpcStatus.Code.BETTER);
    }

    @Test
    void signalsBothWaysAreMixed() {
        List<ResultRow> rows = List.of(row("SHIFT", "down", true), row("OUTSIDE_LIMITS", "up", true));
        assertThat(SpcStatus.of(rows, Improvement.INCREASE).code()).isEqualTo(SpcStatus.Code.MIXED);
    }

    private static ResultRow row(String signals, String side, boolean charted) {
        return new ResultRow("i", LocalDate.of(2026, 1, 1), "ALL", "Org", "overall", "all", 50, 100, null, 0.5,
                0.4, 0.6, false, charted ? 0.5 : null, charted ? 0.35 : null, charted ? 0.65 : null, signals, side);
    }
}
