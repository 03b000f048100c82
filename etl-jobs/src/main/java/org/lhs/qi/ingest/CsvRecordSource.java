package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Streams the records of a UTF-8 CSV file (RFC 4180, header row) with, for each, its physical line number and
 * its raw text. Records are split by {@link CsvScanner} on bytes; the header names are read by Apache Commons CSV
 * from the header record, so blank and repeated names behave as they always did ({@link HeaderMapping} judges them).
 */
final class CsvRecordSource implements AutoCloseable {

    private static final CSVFormat HEADER_FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL) // HeaderMapping reports duplicates itself
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setLenientEof(false)
            .get();

    private final String fileName;
    private final InputStream in;
    private final CsvScanner scanner;
    private final List<String> header;
    private long lastGoodLine = 1;

    CsvRecordSource(InputStream in, String fileName) {
        this.fileName = fileName;
        this.in = in;
        this.scanner = new CsvScanner(in);
        String headerText;
        try {
            headerText = scanner.next() ? scanner.raw() : "";
        } catch (CsvScanner.MalformedCsvException e) {
            throw new ExtractRejectedException(fileName + ": cannot read the header row: " + e.getMessage());
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(headerText)).setFormat(HEADER_FORMAT).get()) {
            this.header = List.copyOf(parser.getHeaderNames());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ExtractRejectedException(fileName + ": cannot read the header row: " + e.getMessage());
        }
        lastGoodLine = scanner.lineNo() > 0 ? scanner.lineNo() : 1;
    }

    List<String> header() {
        return header;
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() {
        try {
            boolean more = scanner.next();
            if (more) {
                lastGoodLine = scanner.lineNo();
            }
            return more;
        } catch (CsvScanner.MalformedCsvException e) {
            throw new ExtractRejectedException(fileName + ": the CSV cannot be parsed after line " + lastGoodLine
                    + " (" + e.getMessage() + "); the whole file is rejected");
        }
    }

    /** Physical line (1-based) where the current record starts. */
    long lineNo() {
        return scanner.lineNo();
    }

    /** The current record's fields (a fresh list: it stays valid after {@link #next}). */
    List<String> fields() {
        return Arrays.asList(scanner.fields());
    }

    /** The current record as written in the file, without its line terminator. */
    String raw() {
        return scanner.raw();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
