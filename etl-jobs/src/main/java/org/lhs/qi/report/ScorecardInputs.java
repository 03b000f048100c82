package org.lhs.qi.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from the database for one scorecard: the monthly result rows ({@code results}) and the rows
 * of the twelve-month measurement period ({@code yearResults}, used for the equity and site tables; may be
 * empty, then the latest month is used), and for the appendix the run's data-quality verdicts and the definitions.
 */
public record ScorecardInputs(LocalDate businessDate, List<IndicatorInfo> indicators, List<ResultRow> results,
        List<ResultRow> yearResults, Optional<RunInfo> run, List<DataQualityFinding> dataQuality,
        List<DefinitionDetail> definitions) {

    public ScorecardInputs {
        indicators = List.copyOf(indicators);
        results = List.copyOf(results);
        yearResults = List.copyOf(yearResults);
        dataQuality = List.copyOf(dataQuality);
        definitions = List.copyOf(definitions);
    }

    /** Inputs without data-quality verdicts and definition details (the appendix then says so). */
    public ScorecardInputs(LocalDate businessDate, List<IndicatorInfo> indicators, List<ResultRow> results,
            List<ResultRow> yearResults, Optional<RunInfo> run) {
        this(businessDate, indicators, results, yearResults, run, List.of(), List.of());
    }

    /** These inputs with the appendix's data. */
    public ScorecardInputs withAppendix(List<DataQualityFinding> findings, List<DefinitionDetail> details) {
        return new ScorecardInputs(businessDate, indicators, results, yearResults, run, findings, details);
    }

    /** Inputs without twelve-month rows. */
    public ScorecardInputs(LocalDate businessDate, List<IndicatorInfo> indicators, List<ResultRow> results,
            Optional<RunInfo> run) {
        this(businessDate, indicators, results, List.of(), run);
    }
}
