package org.lhs.qi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lhs.qi.ingest.CanonicalTables;
import org.lhs.qi.ingest.ColumnSpec;
import org.lhs.qi.ingest.ExtractDirectory;
import org.lhs.qi.ingest.TableSpec;
import org.postgresql.PGConnection;

/**
 * The yardstick for ingest: a plain PostgreSQL {@code COPY … FROM STDIN (FORMAT csv, HEADER)} of each extract file,
 * through the same JDBC driver (pgjdbc's CopyManager), into a scratch UNLOGGED copy of its staging table. No
 * validation, no quarantine, no bookkeeping: the fastest the database can take the same bytes.
 */
final class RawCopy {

    /** The time and size of one file's raw COPY. */
    record FileCopy(String file, long rows, long bytes, double seconds) {
    }

    private static final String SCHEMA = "bench_copy";

    private RawCopy() {}

    static List<FileCopy> copyAll(DataSource dataSource, Path extractDir) throws SQLException, IOException {
        List<FileCopy> copies = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
            for (Path file : ExtractDirectory.canonicalFiles(extractDir)) {
                TableSpec spec = CanonicalTables.byFileName(file.getFileName().toString()).orElseThrow();
                copies.add(copy(c, spec, file));
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
        return copies;
    }

    /**
     * The yardstick for NDJSON: each file's bytes COPYed as one text value per line (no JSON parsing) into a scratch
     * UNLOGGED table; rows = resources.
     */
    static List<FileCopy> copyLines(DataSource dataSource, List<Path> files) throws SQLException, IOException {
        // CSV format with quote/delimiter bytes that JSON text never holds: every line arrives whole and unaltered
        return copyEach(dataSource, files, f -> "line text",
                "(FORMAT csv, HEADER false, DELIMITER e'\\x01', QUOTE e'\\x02')");
    }

    /**
     * The yardstick for foreign CSV (Synthea): each file COPYed as text columns {@code c1…cN} (N from its header) into a
     * scratch UNLOGGED table, so no column name ever comes from the file.
     */
    static List<FileCopy> copyCsvAsText(DataSource dataSource, List<Path> files) throws SQLException, IOException {
        return copyEach(dataSource, files, f -> {
            int n = header(f).size();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add("c" + i + " text");
            }
            return String.join(", ", columns);
        }, "(FORMAT csv, HEADER true)");
    }

    private interface Columns {
        String of(Path file) throws IOException;
    }

    private static List<FileCopy> copyEach(DataSource dataSource, List<Path> files, Columns columns, String options)
            throws SQLException, IOException {
        List<FileCopy> copies = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
            int i = 0;
            for (Path file : files) {
                String scratch = SCHEMA + ".f" + i++;
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE UNLOGGED TABLE " + scratch + " (" + columns.of(file) + ")");
                }
                long started = System.nanoTime();
                long rows;
                try (InputStream in = Files.newInputStream(file)) {
                    rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + scratch + " FROM STDIN " + options, in, 1 << 16);
                }
                copies.add(new FileCopy(file.getFileName().toString(), rows, Files.size(file), (System.nanoTime() - started) / 1e9));
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
        return copies;
    }

    private static FileCopy copy(Connection c, TableSpec spec, Path file) throws SQLException, IOException {
        // table and column names come from CanonicalTables only: the header is matched against that whitelist
        String scratch = SCHEMA + "." + spec.table();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE " + scratch + " (LIKE " + spec.stagingTable() + ")");
            s.execute("ALTER TABLE " + scratch + " ALTER extract_file_id SET DEFAULT 0, ALTER line_no SET DEFAULT 0,"
                    + " ALTER source_system SET DEFAULT 'bench'");
        }
        String sql = "COPY " + scratch + " (" + String.join(", ", stagingColumns(spec, header(file)))
                + ") FROM STDIN (FORMAT csv, HEADER true)";
        long started = System.nanoTime();
        long rows;
        try (InputStream in = Files.newInputStream(file)) {
            rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, 1 << 16);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new FileCopy(file.getFileName().toString(), rows, Files.size(file), seconds);
    }

    private static List<String> header(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.parse(r)) {
            CSVRecord first = p.iterator().next();
            return first.toList();
        }
    }

    /** The staging column of each header name, in header order; unknown names fail (a raw COPY cannot skip them). */
    static List<String> stagingColumns(TableSpec spec, List<String> header) {
        List<String> columns = new ArrayList<>();
        for (String raw : header) {
            String name = raw.strip();
            if (name.equals(spec.sourceIdColumn())) {
                columns.add("source_id");
            } else if (name.equals(TableSpec.SOURCE_SYSTEM_COLUMN)) {
                columns.add("source_system");
            } else {
                columns.add(spec.columns().stream().filter(col -> col.name().equals(name)).map(ColumnSpec::stagingColumn)
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                spec.fileName() + ": column " + name + " is not canonical; raw COPY needs canonical files")));
            }
        }
        return columns;
    }
}
