package org.lhs.qi.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingPeriodsTest {

    @Test
    void twelveCompleteMonthsBeforeTheBusinessDate() {
        List<ReportingPeriod> periods = ReportingPeriods.monthsBefore(LocalDate.of(2026, 11, 23), 12);
        assertEquals(12, periods.size());
        assertEquals(new ReportingPeriod(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1)), periods.get(0));
        assertEquals(new ReportingPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)), periods.get(11));
    }

    @Test
    void theMeasurementYearFollowsTheTwelveMonthsItSpans() {
        List<ReportingPeriod> periods = ReportingPeriods.monthsAndYearBefore(LocalDate.of(2026, 11, 23));
        assertEquals(13, periods.size());
        assertEquals("month", periods.get(11).kind());
        assertEquals(new ReportingPeriod(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 11, 1)), periods.get(12));
        assertEquals("12-months", periods.get(12).kind());
    }

    @Test
    void onTheFirstOfAMonthThePreviousMonthIsTheLastComplete() {
        List<ReportingPeriod> periods = ReportingPeriods.monthsBefore(LocalDate.of(2026, 3, 1), 2);
        assertEquals(List.of(
                new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)),
                new ReportingPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))), periods);
        assertEquals(LocalDate.of(2026, 2, 28), periods.get(1).lastDay());
    }
}
