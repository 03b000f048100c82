package org.lhs.qi.report;

/** The latest {@code qi.run} of the business date, shown in the scorecard footer for traceability. */
public record RunInfo(long runId, String status) {}
