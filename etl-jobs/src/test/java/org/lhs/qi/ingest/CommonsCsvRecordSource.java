package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The reference reader for {@link CsvScanner} (test oracle): the Apache Commons CSV + {@link TrackingReader}
 * implementation ingest used before the byte scanner. Streams the records of a CSV file (RFC 4180, header row) with, for each, its physical line number and
 * its raw text. It reads one record ahead: a record's raw text ends where the next one starts, and
 * quoted fields may span lines.
 */
final class CommonsCsvRecordSource implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL) // HeaderMapping reports duplicates itself
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setLenientEof(false) // an unterminated quote would otherwise swallow the rest of the file
            .get();

    private final String fileName;
    private final TrackingReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private CSVRecord current;
    private CSVRecord upcoming;
    private boolean started;
    private long markPosition;   // start of the current record (or 0 before the first)
    private long markLine = 1;   // physical line at markPosition
    private long lineNo;

    CommonsCsvRecordSource(Reader in, String fileName) {
        this.fileName = fileName;
        this.reader = new TrackingReader(in);
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ExtractRejectedException(fileName + ": cannot read the header row: " + e.getMessage());
        }
        this.records = parser.iterator();
    }

    List<String> header() {
        return parser.getHeaderNames();
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() {
        current = started ? upcoming : fetch();
        started = true;
        if (current == null) {
            return false;
        }
        long start = current.getCharacterPosition();
        markLine += reader.newlines(markPosition, start);
        markPosition = start;
        reader.discardBefore(start);
        // ignored blank lines may sit at the start of the record's span
        long p = start;
        long blankLines = 0;
        for (int ch = reader.charAt(p); ch == '\r' || ch == '\n'; ch = reader.charAt(++p)) {
            if (ch == '\n' || reader.charAt(p + 1) != '\n') {
                blankLines++;
            }
        }
        lineNo = markLine + blankLines;
        upcoming = fetch();
        return true;
    }

    /** Physical line (1-based) where the current record starts. */
    long lineNo() {
        return lineNo;
    }

    /** The current record's fields. */
    List<String> fields() {
        return current.toList();
    }

    /** The current record as written in the file, without line terminators around it. */
    String raw() {
        long end = upcoming != null ? upcoming.getCharacterPosition() : reader.position();
        String text = reader.slice(current.getCharacterPosition(), end);
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) == '\r' || text.charAt(from) == '\n')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == '\r' || text.charAt(to - 1) == '\n')) {
            to--;
        }
        return text.substring(from, to);
    }

    private CSVRecord fetch() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ExtractRejectedException(fileName + ": the CSV cannot be parsed after line " + markLine
                    + " (" + e.getMessage() + "); the whole file is rejected");
        }
    }

    /** Line breaks in a span: LF, CRLF, or a lone CR each count once. */
    static long newlines(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
