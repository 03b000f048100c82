package org.lhs.qi.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Everything read from the database for one scorecard. */
public record ScorecardInputs(LocalDate businessDate, List<IndicatorInfo> indicators, List<ResultRow> results,
        Optional<RunInfo> run) {

    public ScorecardInputs {
        indicators = List.copyOf(indicators);
        results = List.copyOf(results);
    }
}
