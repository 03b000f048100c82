package org.lhs.qi.compute;

import java.time.LocalDate;

/** One reporting period: {@code [start, end)} — the end is exclusive. */
public record ReportingPeriod(LocalDate start, LocalDate end) {
    public ReportingPeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period start " + start + " must be before end " + end);
        }
    }

    /** The last day inside the period (ages and payer are taken on this day). */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
