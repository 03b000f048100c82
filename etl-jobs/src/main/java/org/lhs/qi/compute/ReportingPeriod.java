package org.lhs.qi.compute;

import java.time.LocalDate;

/** One reporting period: {@code [start, end)} — the end is exclusive. */
public record ReportingPeriod(LocalDate start, LocalDate end) {
    public ReportingPeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period start " + start + " must be before end " + end);
        }
    }

    /** {@code month} for a calendar month, {@code 12-months} for a twelve-month measurement period. */
    public String kind() {
        if (start.plusMonths(1).equals(end)) {
            return "month";
        }
        if (start.plusMonths(12).equals(end)) {
            return "12-months";
        }
        throw new IllegalStateException("period " + start + ".." + end + " is neither a month nor twelve months");
    }

    /** The last day inside the period (ages and payer are taken on this day). */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
