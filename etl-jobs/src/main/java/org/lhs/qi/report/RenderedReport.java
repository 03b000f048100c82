package org.lhs.qi.report;

import java.nio.file.Path;

/** A scorecard PDF that has been written: where it is, its SHA-256 (hex), size and page count. */
public record RenderedReport(Path pdf, String sha256, long sizeBytes, int pages) {}
