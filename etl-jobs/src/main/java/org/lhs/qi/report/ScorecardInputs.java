package org.lhs.qi.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from the database for one scorecard: the monthly result rows ({@code results}) and the rows
 * of the twelve-month measurement period ({@code yearResults}, used for the equity and site tables; may be
 * empty, then the latest month is used).
 */
public record ScorecardInputs(LocalDate businessDate, List<IndicatorInfo> indicators, List<ResultRow> results,
        List<ResultRow> yearResults, Optional<RunInfo> run) {

    public ScorecardInputs {
        indicators = List.copyOf(indicators);
        results = List.copyOf(results);
        yearResults = List.copyOf(yearResults);
    }

    /** Inputs without twelve-month rows. */
    public ScorecardInputs(LocalDate businessDate, List<IndicatorInfo> indicators, List<ResultRow> results,
            Optional<RunInfo> run) {
        this(businessDate, indicators, results, List.of(), run);
    }
}
