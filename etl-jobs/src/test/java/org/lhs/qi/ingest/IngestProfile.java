package org.lhs.qi.ingest;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.lhs.qi.db.EmbeddedPostgresServer;
import org.lhs.qi.db.SchemaMigrator;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where canonical CSV ingest time goes, per phase, against a raw {@code COPY … (FORMAT csv, HEADER)} of the same files
 * into UNLOGGED scratch copies of the staging tables (as {@code bench.RawCopy} does), on a throw-away embedded
 * PostgreSQL 17 with the application's settings. Not a test: run its {@code main} with an extract folder made by
 * {@code qi generate} (optionally a second, smaller one first to warm the JIT) from the test classpath.
 * Phases (each a full pass over the file, cumulative): sha256 digest; CSV parse (+ line tracking); + conversion;
 * + COPY text encoding (to bytes, discarded); the real {@link ExtractFileIngester#ingest} (digest, parse, convert,
 * COPY, bookkeeping, commit).
 */
public final class IngestProfile {

    private static final long RUN = 7_950_001L;

    private IngestProfile() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null)) {
            DataSource ds = server.dataSource();
            SchemaMigrator.migrate(ds);
            for (int a = 0; a < args.length; a++) {
                boolean phases = !"false".equals(System.getProperty("profile.phases"));
                profile(ds, Path.of(args[a]), a == args.length - 1, phases);
            }
        }
    }

    /** CPU seconds so far of this JVM and of every process of the PostgreSQL server (children of its postmaster). */
    static double[] cpu(long postmaster) throws Exception {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        double pg = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        pg += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    }
                    if (pid == postmaster) { // backends that have exited (closed connections) count here
                        pg += (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
                    }
                } catch (Exception gone) {
                    // process ended meanwhile
                }
            }
        }
        return new double[] {jvm, pg};
    }

    static long postmaster;

    private static void profile(DataSource ds, Path dir, boolean print, boolean phases) throws Exception {
        if (postmaster == 0) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                String stat = Files.readString(Path.of("/proc", Integer.toString(rs.getInt(1)), "stat"));
                postmaster = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
            }
        }
        double[] cpuSum = new double[4];
        JdbcClient jdbc = JdbcClient.create(ds);
        ExtractFileIngester ingester = new ExtractFileIngester(ds, new IngestSettings("bench", ZoneOffset.UTC));
        double[] sum = new double[7];
        long totalRows = 0;
        long totalBytes = 0;
        if (print) {
            System.out.printf(Locale.ROOT, "%-20s %9s %7s %7s %7s %7s %7s %7s %7s %6s%n", "file", "rows", "MB", "rawCOPY",
                    "digest", "parse", "+conv", "+encode", "ingest", "ratio");
        }
        for (Path file : ExtractDirectory.canonicalFiles(dir)) {
            TableSpec spec = CanonicalTables.byFileName(file.getFileName().toString()).orElseThrow();
            long bytes = Files.size(file);
            double[] c0 = cpu(postmaster);
            double raw = rawCopy(ds, spec, file);
            double[] c1 = cpu(postmaster);
            double digest = phases ? time(() -> digest(file)) : 0;
            double parse = phases ? time(() -> pass(spec, file, 0)) : 0;
            double convert = phases ? time(() -> pass(spec, file, 1)) : 0;
            double encode = phases ? time(() -> pass(spec, file, 2)) : 0;
            long[] rows = new long[1];
            double[] c2 = cpu(postmaster);
            double ingest = time(() -> rows[0] = ingester.ingest(file, RUN).rowsRead());
            double[] c3 = cpu(postmaster);
            cpuSum[0] += c1[0] - c0[0];
            cpuSum[1] += c1[1] - c0[1];
            cpuSum[2] += c3[0] - c2[0];
            cpuSum[3] += c3[1] - c2[1];
            jdbc.sql("TRUNCATE " + spec.stagingTable()).update(); // a throw-away server: no dead rows for autovacuum to count
            jdbc.sql("DELETE FROM qi.ingest_reconciliation WHERE run_id = :r").param("r", RUN).update();
            jdbc.sql("DELETE FROM qi.quarantine WHERE run_id = :r").param("r", RUN).update();
            jdbc.sql("DELETE FROM qi.extract_file WHERE run_id = :r").param("r", RUN).update();
            double[] t = {raw, digest, parse, convert, encode, ingest};
            for (int i = 0; i < t.length; i++) {
                sum[i] += t[i];
            }
            totalRows += rows[0];
            totalBytes += bytes;
            if (print) {
                line(file.getFileName().toString(), rows[0], bytes, t);
            }
        }
        if (print) {
            line("TOTAL", totalRows, totalBytes, sum);
            System.out.printf(Locale.ROOT, "ingest %,.0f rows/s %.1f MB/s; raw COPY %,.0f rows/s %.1f MB/s; ratio %.3f%n",
                    totalRows / sum[5], totalBytes / 1048576.0 / sum[5], totalRows / sum[0], totalBytes / 1048576.0 / sum[0],
                    sum[0] / sum[5]);
            System.out.printf(Locale.ROOT, "CPU s: raw COPY jvm %.2f pg %.2f | ingest jvm %.2f pg %.2f%n", cpuSum[0], cpuSum[1],
                    cpuSum[2], cpuSum[3]);
        }
    }

    private static void line(String name, long rows, long bytes, double[] t) {
        System.out.printf(Locale.ROOT, "%-20s %,9d %7.1f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %6.3f%n", name, rows,
                bytes / 1048576.0, t[0], t[1], t[2], t[3], t[4], t[5], t[0] / t[5]);
    }

    /** As bench.RawCopy: COPY csv with header into an UNLOGGED scratch copy of the staging table. */
    private static double rawCopy(DataSource ds, TableSpec spec, Path file) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            List<String> header;
            try (BufferedReader r = Files.newBufferedReader(file)) {
                header = List.of(r.readLine().split(",", -1));
            }
            StringBuilder cols = new StringBuilder();
            for (String h : header) {
                String name = h.strip();
                String col = name.equals(spec.sourceIdColumn()) ? "source_id" : name.equals(TableSpec.SOURCE_SYSTEM_COLUMN)
                        ? "source_system" : spec.columns().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().stagingColumn();
                cols.append(cols.isEmpty() ? "" : ", ").append(col);
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS profile_copy CASCADE");
                s.execute("CREATE SCHEMA profile_copy");
                s.execute("CREATE UNLOGGED TABLE profile_copy.t (LIKE " + spec.stagingTable() + ")");
                s.execute("ALTER TABLE profile_copy.t ALTER extract_file_id SET DEFAULT 0, ALTER line_no SET DEFAULT 0,"
                        + " ALTER source_system SET DEFAULT 'bench'");
            }
            double seconds = time(() -> {
                try (InputStream in = Files.newInputStream(file)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY profile_copy.t (" + cols
                            + ") FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
                }
            });
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA profile_copy CASCADE");
            }
            return seconds;
        }
    }

    private static void digest(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        sha.digest();
    }

    /** depth 0: parse; 1: + convert; 2: + encode to COPY text bytes. */
    private static void pass(TableSpec spec, Path file, int depth) throws Exception {
        try (CsvRecordSource source = new CsvRecordSource(Files.newInputStream(file), file.getFileName().toString())) {
            RowConverter converter = new RowConverter(spec, HeaderMapping.resolve(spec, "x", source.header()), "bench",
                    ZoneOffset.UTC);
            StringBuilder out = new StringBuilder(1 << 21);
            long sink = 0;
            while (source.next()) {
                List<String> fields = source.fields();
                sink += source.lineNo();
                if (depth == 0) {
                    sink += fields.size();
                    continue;
                }
                RowConverter.Outcome o = converter.convert(fields);
                if (depth >= 2 && o instanceof RowConverter.Good good) {
                    CopyText.appendRow(out, 1, source.lineNo(), good.values());
                    if (out.length() >= 1 << 20) {
                        sink += out.toString().getBytes(StandardCharsets.UTF_8).length;
                        out.setLength(0);
                    }
                }
            }
            if (sink == 42) {
                System.out.print("");
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
