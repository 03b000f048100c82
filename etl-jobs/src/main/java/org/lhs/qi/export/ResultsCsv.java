package org.lhs.qi.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results as CSV (RFC 4180, UTF-8, header row): one row per indicator × period × site × stratifier ×
 * stratum. A suppressed cell has empty counts, rate and interval and {@code suppressed} = {@value #SUPPRESSED}:
 * the export does not say whether a cell is small itself or hidden to protect another, as that would narrow
 * down the small ones.
 */
final class ResultsCsv {

    /** The value of the {@code suppressed} column of a hidden cell. */
    static final String SUPPRESSED = "small-cell";

    static final String[] HEADER = {"indicator_id", "indicator_version", "indicator_title", "scoring", "period_kind",
            "period_start", "period_end", "site_key", "site_name", "stratifier", "stratum", "numerator", "denominator",
            "exposure", "rate", "rate_unit", "ci_low", "ci_high", "ci_method", "unstable", "suppressed"};

    private ResultsCsv() {}

    /** A writer of rows onto {@code out}; close it to finish the file (leaves {@code out} to the caller). */
    static Writer open(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    static CSVPrinter printer(Writer writer) throws IOException {
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get());
    }

    static void print(CSVPrinter csv, ExportRow r) {
        try {
            csv.printRecord(r.indicatorId(), r.version(), r.title(), r.scoring(), r.periodKind(), r.periodStart(),
                    r.lastDay(), r.siteKey(), r.siteName(), r.stratifier(), r.stratum(), r.numerator(), r.denominator(),
                    decimal(r.exposure(), 2), decimal(r.rate(), 6), r.unit(), decimal(r.ciLow(), 6),
                    decimal(r.ciHigh(), 6), r.ciMethod(), r.suppressed() ? null : r.unstable(),
                    r.suppressed() ? SUPPRESSED : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decimal(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
