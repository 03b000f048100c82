package org.lhs.qi.report;

/**
 * One verdict of the data-quality gate as the appendix shows it: a check for one table and site in one run.
 * {@code observed} may be null (nothing to measure, e.g. no earlier run for a volume check).
 */
public record DataQualityFinding(String checkId, String description, String kind, String severity, String table,
        String siteKey, boolean passed, Double observed, Double threshold, String message) {}
