package org.lhs.qi.compute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly reporting periods of a nightly run: the {@code count} complete calendar months before the
 * business date, oldest first. A month is complete only once the business date is past it, so the
 * month that contains the business date is never reported half-way.
 */
public final class ReportingPeriods {

    private ReportingPeriods() {}

    public static List<ReportingPeriod> monthsBefore(LocalDate businessDate, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one period, got " + count);
        }
        LocalDate end = businessDate.withDayOfMonth(1);
        List<ReportingPeriod> periods = new ArrayList<>(count);
        for (int i = count; i >= 1; i--) {
            LocalDate start = end.minusMonths(i);
            periods.add(new ReportingPeriod(start, start.plusMonths(1)));
        }
        return List.copyOf(periods);
    }

    /**
     * The monthly periods followed by the twelve-month measurement period they span (like an eCQM
     * measurement year); the latter gives the equity and site comparisons enough patients per cell.
     */
    public static List<ReportingPeriod> monthsAndYearBefore(LocalDate businessDate) {
        List<ReportingPeriod> periods = new ArrayList<>(monthsBefore(businessDate, 12));
        periods.add(yearBefore(businessDate));
        return List.copyOf(periods);
    }

    /** The twelve complete calendar months before the business date as one period. */
    public static ReportingPeriod yearBefore(LocalDate businessDate) {
        LocalDate end = businessDate.withDayOfMonth(1);
        return new ReportingPeriod(end.minusMonths(12), end);
    }
}
