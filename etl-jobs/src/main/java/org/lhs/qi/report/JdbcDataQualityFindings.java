package org.lhs.qi.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.quality.DataQualityResults;
import org.lhs.qi.quality.DataQualitySummary;

/**
 * The findings of the latest run of a business date that ran the data-quality gate, read through the gate's own
 * reader ({@link DataQualityResults}, also used by {@code qi status}) so that both show the same verdicts.
 */
public final class JdbcDataQualityFindings implements DataQualityFindings {

    private final DataQualityResults results;

    /** Reader on the given database. */
    public JdbcDataQualityFindings(DataSource dataSource) {
        this.results = new DataQualityResults(dataSource);
    }

    @Override
    public List<DataQualityFinding> findings(LocalDate businessDate) {
        return results.forBusinessDate(businessDate).stream().map(JdbcDataQualityFindings::finding).toList();
    }

    // not-applicable outcomes are not failures: the appendix lists them with the passed checks, as stored
    private static DataQualityFinding finding(DataQualitySummary s) {
        return new DataQualityFinding(s.checkId(), s.description(), s.kind(), s.severity(), s.table(), s.siteKey(),
                !s.failed(), decimal(s.observed()), decimal(s.threshold()), s.message());
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
