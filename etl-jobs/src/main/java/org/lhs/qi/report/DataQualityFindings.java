package org.lhs.qi.report;

import java.time.LocalDate;
import java.util.List;

/** Where the appendix gets the data-quality verdicts of a business date's run (swappable for another reader). */
@FunctionalInterface
public interface DataQualityFindings {

    /** The verdicts of the latest run of the business date that checked data quality; empty when none did. */
    List<DataQualityFinding> findings(LocalDate businessDate);
}
