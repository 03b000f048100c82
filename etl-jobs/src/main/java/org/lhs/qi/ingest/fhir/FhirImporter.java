package org.lhs.qi.ingest.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.lhs.qi.db.JdbcWork;
import org.lhs.qi.ingest.CopyStream;
import org.lhs.qi.ingest.CopyText;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestReconciliation;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.TableSpec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports FHIR R4 files into the staging tables, one file per call and transaction: Bulk Data NDJSON (one
 * resource per line) and JSON files holding one resource or a Bundle. Resources are read one at a time
 * (NDJSON line by line, Bundle entries with the streaming parser), so memory stays flat in the file size;
 * rows go out with COPY. A bad resource (invalid JSON, wrong types, unknown codes, bad references) is
 * quarantined with its line number and never stops the file.
 *
 * <p>Registry: one {@code qi.extract_file} row of table {@code fhir} per file (resource counts, quarantine)
 * plus one per canonical table the file fed (picked up by normalise). Re-importing a loaded file is a no-op.
 */
public final class FhirImporter {

    /** Source format name in {@code qi.ingest_reconciliation}. */
    public static final String FORMAT = "fhir";

    private static final Logger log = LoggerFactory.getLogger(FhirImporter.class);
    private static final String FILE_TABLE = "fhir";
    private static final int CHUNK_CHARS = 1 << 20;
    private static final int MAX_RAW_CHARS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final IngestSettings settings;
    private final Map<Path, Map<String, JsonNode>> medicationsByFolder = new ConcurrentHashMap<>();
    private final Map<Path, FolderResources> resourcesByFolder = new ConcurrentHashMap<>();

    public FhirImporter(DataSource dataSource, IngestSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** Whether a folder holds FHIR files ({@code *.ndjson} or {@code *.json}). */
    public static boolean isFhirExport(Path dir) {
        return !files(dir).isEmpty();
    }

    /** The {@code *.ndjson} and {@code *.json} files of a folder, by name. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".ndjson") || n.endsWith(".json");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Imports every FHIR file of a folder. */
    public List<FileIngestResult> importFolder(Path dir, long runId) {
        return files(dir).stream().map(f -> importFile(f, runId)).toList();
    }

    /**
     * Stages every FHIR file of one isolated test case ({@code qi verify}) in the caller's transaction, which is rolled
     * back: the folder is one registry entry (a test case has a handful of one-resource files; one COPY per table
     * instead of several per file), staged even if the same bytes were loaded before (test cases reuse files and ids),
     * under a registry checksum of its own so that nothing collides with the nightly registry. Line numbers run on
     * across the files, so a later file wins over an earlier one as in a nightly import.
     */
    public FileIngestResult importIsolatedFolder(Path dir, long runId) {
        String name = dir.getFileName().toString();
        String key = "isolated:" + java.util.UUID.randomUUID() + ":" + name;
        Map<String, JsonNode> medications = medications(dir);
        FolderResources folder = FolderResources.of(dir);
        return JdbcWork.inTransaction(dataSource, con -> {
            long fileId = register(con, FILE_TABLE, name, key, dir, runId);
            Stager stager = new Stager(con, name, key, dir, fileId, runId);
            FhirResourceMapper mapper = new FhirResourceMapper(settings, medications, folder);
            try {
                for (Path file : files(dir)) {
                    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
                        readNdjson(file, mapper, stager);
                    } else {
                        readJson(file, mapper, stager, folder);
                    }
                    stager.nextFile();
                }
                stager.finish();
            } catch (SQLException | RuntimeException e) {
                stager.cancel();
                throw e;
            }
            FileIngestResult result = stager.result();
            IngestReconciliation.record(con, runId, FORMAT, result);
            return result;
        });
    }

    /** Stages one file in its own transaction and records its reconciliation line (resources, not rows). */
    public FileIngestResult importFile(Path file, long runId) {
        String fileName = file.getFileName().toString();
        String sha = sha256(file);
        Map<String, JsonNode> medications = medicationsByFolder.computeIfAbsent(
                file.toAbsolutePath().getParent(), this::medications);
        FolderResources folder = resourcesByFolder.computeIfAbsent(file.toAbsolutePath().getParent(), FolderResources::of);
        folder.clearEncounterSites(); // files are imported one at a time; sites are looked up per file
        if (FolderResources.startsWithType(fileName, "AdverseEvent") && fileName.endsWith(".ndjson")) {
            folder.loadEncounterSites(FolderResources.adverseEventEncounters(file));
        }
        return JdbcWork.inTransaction(dataSource, con -> {
            Long fileId = null;
            try (PreparedStatement ps = con.prepareStatement(
                    "SELECT id FROM qi.extract_file WHERE table_name = 'fhir' AND checksum = ? FOR UPDATE")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        fileId = rs.getLong(1);
                    }
                }
            }
            if (fileId != null && allLoaded(con, sha)) {
                log.info("{}: unchanged since it was loaded (extract_file {}), skipped", fileName, fileId);
                FileIngestResult unchanged = new FileIngestResult(FILE_TABLE, fileName, fileId, 0, 0, 0, true, List.of());
                IngestReconciliation.record(con, runId, FORMAT, unchanged);
                return unchanged;
            }
            if (fileId != null) {
                forgetEarlierAttempt(con, sha, fileId);
                execute(con, "UPDATE qi.extract_file SET run_id = ?, file_name = ?, staged_at = now() WHERE id = ?",
                        runId, fileName, fileId);
            } else {
                fileId = register(con, FILE_TABLE, fileName, sha, file, runId);
            }
            Stager stager = new Stager(con, fileName, sha, file, fileId, runId);
            FhirResourceMapper mapper = new FhirResourceMapper(settings, medications, folder);
            try {
                if (fileName.toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
                    readNdjson(file, mapper, stager);
                } else {
                    readJson(file, mapper, stager, folder);
                }
                stager.finish();
            } catch (SQLException | RuntimeException e) {
                stager.cancel();
                throw e;
            }
            FileIngestResult result = stager.result();
            // the file's own row stays 'staged' (with resource counts) until checkExtractStep has judged its
            // error rate, like a CSV file; that step then marks it loaded (its tables are loaded by normalise)
            execute(con, "UPDATE qi.extract_file SET rows_read = ?, rows_staged = ?, rows_quarantined = ?, rows_loaded = ?,"
                    + " status = 'staged' WHERE id = ?", result.rowsRead(), result.rowsStaged(),
                    result.rowsQuarantined(), result.rowsStaged(), fileId);
            IngestReconciliation.record(con, runId, FORMAT, result);
            return result;
        });
    }

    private void readNdjson(Path file, FhirResourceMapper mapper, Stager stager) throws SQLException {
        try (BufferedReader in = reader(file)) {
            BoundedLines lines = new BoundedLines(in, BoundedLines.MAX_LINE_CHARS);
            long lineNo = 0;
            for (BoundedLines.Line l; (l = lines.next()) != null; ) {
                lineNo++;
                if (l.tooLong()) {
                    stager.bad(lineNo, l.text() + "…", "line is " + l.length() + " characters long, more than the "
                            + BoundedLines.MAX_LINE_CHARS + " allowed; not read");
                    continue;
                }
                String line = l.text();
                if (line.isBlank()) {
                    continue;
                }
                JsonNode resource;
                try {
                    resource = JSON.readTree(line);
                } catch (IOException e) {
                    stager.bad(lineNo, line, "line is not valid JSON: " + firstLine(e.getMessage()));
                    continue;
                }
                stager.accept(lineNo, line, mapper.map(resource), resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A single resource, or a Bundle whose entries are streamed one by one. */
    private void readJson(Path file, FhirResourceMapper mapper, Stager stager, FolderResources folder)
            throws SQLException {
        try (BufferedReader in = reader(file); JsonParser p = JSON.createParser(in)) {
            long line = 1;
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    stager.bad(1, null, "file is not a JSON object");
                    return;
                }
                ObjectNode top = JSON.createObjectNode();
                boolean streamedEntries = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                        streamedEntries = true;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            line = p.currentLocation().getLineNr();
                            JsonNode entry = JSON.readTree(p);
                            JsonNode resource = entry.get("resource");
                            rememberForReferences(folder, resource);
                            stager.accept(line, null, resource == null ? new FhirResourceMapper.Bad(
                                    "Bundle entry without a resource") : mapper.map(resource), resource);
                        }
                    } else {
                        top.set(field, JSON.readTree(p));
                    }
                }
                if (!streamedEntries || !"Bundle".equals(Fhir.text(top, "resourceType"))) {
                    stager.accept(1, null, mapper.map(top), top);
                }
            } catch (IOException e) {
                stager.bad(line, null, "invalid JSON after line " + line + ": " + firstLine(e.getMessage())
                        + " (the rest of the file is not read)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Devices, Locations and Encounter sites of a Bundle, for the entries after them that cite them. */
    private static void rememberForReferences(FolderResources folder, JsonNode resource) {
        if (resource != null && resource.isObject()) {
            folder.remember(resource);
            if ("Encounter".equals(Fhir.text(resource, "resourceType"))) {
                folder.rememberEncounterSite(resource);
            }
        }
    }

    /** Medication resources of a folder (for medicationReference); few compared with the requests citing them. */
    private Map<String, JsonNode> medications(Path dir) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (Path f : files(dir)) {
            String n = f.getFileName().toString();
            if (!n.startsWith("Medication.") && !n.startsWith("Medication-")) {
                continue;
            }
            try (BufferedReader in = reader(f)) {
                if (n.endsWith(".ndjson")) {
                    for (String line; (line = in.readLine()) != null; ) {
                        addMedication(byId, line);
                    }
                } else {
                    addMedication(byId, in.lines().reduce("", String::concat));
                }
            } catch (IOException e) {
                log.warn("{}: cannot read Medication resources: {}", f, e.getMessage());
            }
        }
        return byId;
    }

    private static void addMedication(Map<String, JsonNode> byId, String json) {
        try {
            JsonNode m = JSON.readTree(json);
            if (m != null && "Medication".equals(Fhir.text(m, "resourceType")) && Fhir.text(m, "id") != null) {
                byId.put(Fhir.text(m, "id"), m);
            }
        } catch (IOException ignored) {
            // quarantined when its own file is imported
        }
    }

    /** Rows of one file going to the staging tables and quarantine, with the per-file tallies. */
    private final class Stager {
        private final Connection con;
        private final CopyManager copy;
        private final String fileName;
        private final String sha;
        private final Path file;
        private final long fileId;
        private final long runId;
        private final Map<String, CopyStream> streams = new LinkedHashMap<>();
        private final Map<String, Long> tableFileIds = new HashMap<>();
        private final CopyStream quarantine;
        private final Map<String, Long> skipped = new LinkedHashMap<>();
        private final List<String> samples = new ArrayList<>();
        private long read;
        private long staged;
        private long bad;
        private long skippedTotal;
        /** Added to line numbers: several files through one stager (an isolated test case) number on. */
        private long lineBase;
        private long lastLine;

        Stager(Connection con, String fileName, String sha, Path file, long fileId, long runId) throws SQLException {
            this.con = con;
            this.copy = con.unwrap(PGConnection.class).getCopyAPI();
            this.fileName = fileName;
            this.sha = sha;
            this.file = file;
            this.fileId = fileId;
            this.runId = runId;
            this.quarantine = new CopyStream(copy, """
                    COPY qi.quarantine (run_id, extract_file_id, table_name, file_name, line_no, raw, reason)
                    FROM STDIN (FORMAT text)""", CHUNK_CHARS);
        }

        /** The next lines come from another file: number them after this one's. */
        void nextFile() {
            lineBase = lastLine;
        }

        void accept(long fileLineNo, String raw, FhirResourceMapper.Outcome outcome, JsonNode resource) throws SQLException {
            long lineNo = lineBase + fileLineNo;
            lastLine = Math.max(lastLine, lineNo);
            switch (outcome) {
                case FhirResourceMapper.Rows(List<FhirResourceMapper.Row> rows) -> {
                    read++;
                    staged++;
                    for (FhirResourceMapper.Row row : rows) {
                        CopyStream s = stream(row.table());
                        CopyText.appendRow(s.buffer(), tableFileIds.get(row.table()), lineNo, row.values());
                        endIfFull(s);
                    }
                }
                case FhirResourceMapper.Skipped(String reason) -> {
                    read++;
                    skippedTotal++;
                    if (skipped.containsKey(reason) || skipped.size() < 100) {
                        skipped.merge(reason, 1L, Long::sum);
                    }
                }
                case FhirResourceMapper.Bad(String reason) -> bad(fileLineNo, raw != null ? raw
                        : resource == null ? null : resource.toString(), reason);
            }
        }

        void bad(long fileLineNo, String raw, String reason) throws SQLException {
            long lineNo = lineBase + fileLineNo;
            lastLine = Math.max(lastLine, lineNo);
            read++;
            bad++;
            if (samples.size() < 5) {
                samples.add("line " + lineNo + ": " + reason);
            }
            String kept = raw != null && raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) + "…" : raw;
            CopyText.appendRow(quarantine.buffer(), runId, fileId,
                    new String[] {FILE_TABLE, fileName, Long.toString(lineNo), kept, reason});
            endIfFull(quarantine);
        }

        /** One COPY at a time per connection: a stream is ended whenever it has sent a chunk. */
        private void endIfFull(CopyStream s) throws SQLException {
            if (s.buffer().length() >= CHUNK_CHARS) {
                s.end();
            }
        }

        private CopyStream stream(String table) throws SQLException {
            CopyStream s = streams.get(table);
            if (s == null) {
                TableSpec spec = FhirTables.stagingSpec(table).orElseThrow();
                tableFileIds.put(table, register(con, table, fileName, sha, file, runId));
                s = new CopyStream(copy, "COPY " + spec.stagingTable() + " (" + String.join(", ", spec.stagingColumns())
                        + ") FROM STDIN (FORMAT text)", CHUNK_CHARS);
                streams.put(table, s);
            }
            return s;
        }

        void finish() throws SQLException {
            quarantine.end();
            for (Map.Entry<String, CopyStream> e : streams.entrySet()) {
                e.getValue().end();
                long rows = e.getValue().rowsCopied();
                execute(con, "UPDATE qi.extract_file SET rows_read = ?, rows_staged = ? WHERE id = ?", rows, rows,
                        tableFileIds.get(e.getKey()));
            }
        }

        void cancel() {
            quarantine.cancel();
            streams.values().forEach(CopyStream::cancel);
        }

        FileIngestResult result() {
            String tables = streams.isEmpty() ? FILE_TABLE : String.join(",", streams.keySet());
            log.info("{}: {} resources read, {} staged as {} ({}), {} quarantined, {} skipped", fileName, read, staged,
                    tables, streams.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().rowsCopied()).toList(),
                    bad, skippedTotal);
            return new FileIngestResult(tables, fileName, fileId, read, staged, bad, false, samples, skippedTotal, skipped);
        }
    }

    private static boolean allLoaded(Connection con, String sha) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT count(*) FROM qi.extract_file WHERE checksum = ? AND table_name <> 'fhir' AND status <> 'loaded'")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    /** Drops what an unfinished earlier attempt staged, quarantined and reconciled for this file. */
    private static void forgetEarlierAttempt(Connection con, String sha, long fileId) throws SQLException {
        List<Object[]> tables = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT id, table_name FROM qi.extract_file WHERE checksum = ? AND table_name <> 'fhir'")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new Object[] {rs.getLong(1), rs.getString(2)});
                }
            }
        }
        for (Object[] t : tables) {
            // the table name is checked against the fixed canonical list before it names a table
            TableSpec spec = FhirTables.stagingSpec((String) t[1]).orElseThrow();
            execute(con, "DELETE FROM " + spec.stagingTable() + " WHERE extract_file_id = ?", t[0]);
            execute(con, "DELETE FROM qi.quarantine WHERE extract_file_id = ?", t[0]);
            execute(con, "DELETE FROM qi.extract_file WHERE id = ?", t[0]);
        }
        execute(con, "DELETE FROM qi.quarantine WHERE extract_file_id = ?", fileId);
        execute(con, "DELETE FROM qi.ingest_reconciliation WHERE extract_file_id = ?", fileId);
    }

    private static long register(Connection con, String table, String fileName, String sha, Path file, long runId)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO qi.extract_file (table_name, file_name, checksum, size_bytes, status, run_id)
                VALUES (?, ?, ?, ?, 'staged', ?) RETURNING id""")) {
            ps.setString(1, table);
            ps.setString(2, fileName);
            ps.setString(3, sha);
            ps.setLong(4, Files.size(file));
            ps.setLong(5, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(Connection con, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    /** UTF-8; undecodable bytes become U+FFFD (the resource is then judged on its content). */
    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
