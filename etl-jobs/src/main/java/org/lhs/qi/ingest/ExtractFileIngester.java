package org.lhs.qi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.lhs.qi.db.JdbcWork;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages one canonical extract file: converts and validates every record, streams good rows into
 * {@code staging.<table>} with COPY and bad ones into {@code qi.quarantine}, and records the file in
 * {@code qi.extract_file}. All of it joins the caller's transaction (one file per transaction), or runs
 * in its own when there is none. Memory does not grow with the file.
 * <p>
 * Good rows go to the server through a {@link PipelinedCopy} (a sender thread writes one chunk while this thread
 * parses and converts the next); quarantine and deletion rows are rare and wait in their own buffers until the
 * staging COPY is ended, because a connection runs one COPY at a time.
 */
public final class ExtractFileIngester {

    private static final Logger log = LoggerFactory.getLogger(ExtractFileIngester.class);

    /** COPY text per hand-off to the sender thread: small enough to start the server early, large enough to amortise. */
    private static final int STAGING_CHUNK_BYTES = 1 << 18;
    /** About 1 MB of COPY text per round trip for the (rare) quarantine and deletion rows. */
    private static final int STAGING_CHUNK_CHARS = 1 << 20;
    /** Quarantine rows are sent once this many are waiting (the staging COPY pauses meanwhile). */
    private static final int QUARANTINE_BATCH_ROWS = 1000;
    private static final int SAMPLE_REASONS = 5;
    /** Raw text kept per quarantined record: enough to see what is wrong, bounded for a runaway record. */
    private static final int MAX_RAW_CHARS = 100_000;
    private static final long PROGRESS_EVERY_ROWS = 1_000_000;

    private final DataSource dataSource;
    private final IngestSettings settings;

    public ExtractFileIngester(DataSource dataSource, IngestSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** Binds a source file's header to the mapper of its records; throws {@link ExtractRejectedException} if it cannot. */
    @FunctionalInterface
    public interface MapperFactory {
        RecordMapper forHeader(List<String> header);
    }

    /**
     * Stages a file named after its table ({@code patient.csv}, …).
     *
     * @throws ExtractRejectedException when the file cannot be read as that table at all (e.g. the header
     *                                  lacks a required column); nothing of it is kept
     */
    public FileIngestResult ingest(Path file, long runId) {
        String fileName = file.getFileName().toString();
        TableSpec spec = CanonicalTables.byFileName(fileName).orElseThrow(() -> new IllegalArgumentException(
                fileName + " is not a canonical extract file (expected one of " + CanonicalTables.tableNames() + " + .csv)"));
        return ingest(file, spec, "canonical", header -> {
            HeaderMapping mapping = HeaderMapping.resolve(spec, fileName, header);
            if (!mapping.ignoredColumns().isEmpty()) {
                log.warn("{}: ignoring column(s) not in the canonical layout: {}", fileName, mapping.ignoredColumns());
            }
            return new RowConverter(spec, mapping, settings.defaultSourceSystem(), settings.zone());
        }, runId);
    }

    /**
     * Stages a CSV file of any layout into one canonical table: {@code mappers} binds its header to a
     * {@link RecordMapper}, which makes each record a staging row, a quarantined row or a reasoned skip. The
     * file is registered in {@code qi.extract_file} under the canonical table and reconciled in
     * {@code qi.ingest_reconciliation} (read = staged + quarantined + skipped).
     *
     * @param format the source format, for the reconciliation record ({@code canonical}, {@code synthea}, …)
     */
    public FileIngestResult ingest(Path file, TableSpec spec, String format, MapperFactory mappers, long runId) {
        String fileName = file.getFileName().toString();
        Digest digest = digest(file);
        return JdbcWork.inTransaction(dataSource, con -> {
            Optional<ExtractFileRegistry.Known> known = ExtractFileRegistry.find(con, spec.table(), digest.sha256());
            if (known.isPresent() && known.get().status().equals("loaded")) {
                ExtractFileRegistry.Known k = known.get();
                log.info("{}: unchanged since it was loaded (extract_file {}), skipped", fileName, k.id());
                FileIngestResult unchanged = new FileIngestResult(spec.table(), fileName, k.id(), k.rowsRead(),
                        k.rowsStaged(), k.rowsQuarantined(), true, List.of());
                IngestReconciliation.record(con, runId, format, unchanged);
                return unchanged;
            }
            try (CsvRecordSource source = new CsvRecordSource(Files.newInputStream(file), fileName)) {
                RecordMapper mapper = mappers.forHeader(source.header());
                long id;
                if (known.isPresent()) {
                    id = known.get().id();
                    log.info("{}: staged by an unfinished earlier attempt (extract_file {}), staging it again", fileName, id);
                    ExtractFileRegistry.resetForRestage(con, spec, id, fileName, runId);
                } else {
                    id = ExtractFileRegistry.insert(con, spec.table(), fileName, digest.sha256(), digest.size(), runId);
                }
                FileIngestResult result = stage(con, spec, mapper, source, fileName, id, runId);
                ExtractFileRegistry.recordCounts(con, id, result.rowsRead(), result.rowsStaged(), result.rowsQuarantined());
                IngestReconciliation.record(con, runId, format, result);
                return result;
            }
        });
    }

    private FileIngestResult stage(Connection con, TableSpec spec, RecordMapper mapper, CsvRecordSource source,
                                   String fileName, long extractFileId, long runId) throws SQLException {
        CopyManager copyManager = con.unwrap(PGConnection.class).getCopyAPI();
        // table and column names come from the fixed spec list, never from input
        PipelinedCopy staging = new PipelinedCopy(copyManager, "COPY " + spec.stagingTable() + " ("
                + String.join(", ", spec.stagingColumns()) + ") FROM STDIN (FORMAT text)", STAGING_CHUNK_BYTES, spec.table());
        CopyStream quarantine = new CopyStream(copyManager, """
                COPY qi.quarantine (run_id, extract_file_id, table_name, file_name, line_no, raw, reason)
                FROM STDIN (FORMAT text)""", STAGING_CHUNK_CHARS);
        CopyStream deletions = new CopyStream(copyManager, """
                COPY staging.deletion (extract_file_id, line_no, table_name, source_system, source_id)
                FROM STDIN (FORMAT text)""", STAGING_CHUNK_CHARS);
        String[] deletionTail = {spec.table(), null, null};
        String[] quarantineTail = {spec.table(), fileName, null, null, null};
        List<String> samples = new ArrayList<>(SAMPLE_REASONS);
        SkipTally skipped = new SkipTally();
        long read = 0;
        long bad = 0;
        int waitingSide = 0; // quarantine and deletion rows waiting while the staging COPY runs
        long started = System.nanoTime();
        try {
            while (source.next()) {
                read++;
                switch (mapper.convert(source.fields())) {
                    case RowConverter.Good good -> {
                        staging.rows().appendRow(extractFileId, source.lineNo(), good.values());
                        staging.flushIfFull();
                    }
                    case RowConverter.Deletion(String sourceSystem, String sourceId) -> {
                        deletionTail[1] = sourceSystem;
                        deletionTail[2] = sourceId;
                        CopyText.appendRow(deletions.buffer(), extractFileId, source.lineNo(), deletionTail);
                        if (++waitingSide >= QUARANTINE_BATCH_ROWS) {
                            staging.end(); // one COPY at a time per connection
                            quarantine.end();
                            deletions.end();
                            waitingSide = 0;
                        }
                    }
                    case RowConverter.Skipped(String reason) -> skipped.add(reason);
                    case RowConverter.Bad(String reason) -> {
                        bad++;
                        if (samples.size() < SAMPLE_REASONS) {
                            samples.add("line " + source.lineNo() + ": " + reason);
                        }
                        quarantineTail[2] = Long.toString(source.lineNo());
                        quarantineTail[3] = shortened(source.raw());
                        quarantineTail[4] = reason;
                        CopyText.appendRow(quarantine.buffer(), runId, extractFileId, quarantineTail);
                        if (++waitingSide >= QUARANTINE_BATCH_ROWS) {
                            staging.end(); // one COPY at a time per connection
                            quarantine.end();
                            deletions.end();
                            waitingSide = 0;
                        }
                    }
                }
                if (read % PROGRESS_EVERY_ROWS == 0) {
                    log.info("{}: {} rows read so far ({} rows/s)", fileName, read, rate(read, started));
                }
            }
            staging.end();
            quarantine.end();
            deletions.end();
        } catch (SQLException | RuntimeException e) {
            staging.cancel();
            quarantine.cancel();
            deletions.cancel();
            throw e;
        } finally {
            staging.close();
        }
        // deletion rows count as staged: they are good rows, waiting in staging.deletion for the normaliser
        long good = staging.rowsCopied() + deletions.rowsCopied();
        log.info("{}: {} rows read, {} staged{}, {} quarantined, {} skipped in {} ms ({} rows/s)", fileName, read, good,
                deletions.rowsCopied() > 0 ? " (" + deletions.rowsCopied() + " deletions)" : "", bad, skipped.total(),
                (System.nanoTime() - started) / 1_000_000, rate(read, started));
        return new FileIngestResult(spec.table(), fileName, extractFileId, read, good, bad, false, samples,
                skipped.total(), skipped.byReason());
    }

    private static String shortened(String raw) {
        return raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) + "…" : raw;
    }

    private static long rate(long rows, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return rows * 1_000_000_000L / nanos;
    }

    private record Digest(String sha256, long size) {}

    private static Digest digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
            return new Digest(java.util.HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
