package org.lhs.qi.ingest.synthea;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lhs.qi.db.JdbcWork;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.ExtractRejectedException;
import org.lhs.qi.ingest.FileIngestResult;
import org.lhs.qi.ingest.IngestReconciliation;
import org.lhs.qi.ingest.IngestSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a Synthea CSV export folder into the staging tables, one file per call (one transaction each),
 * through the canonical ingest path: COPY, quarantine, extract-file registry and reconciliation.
 */
public final class SyntheaImporter {

    /** Source format name in {@code qi.ingest_reconciliation}. */
    public static final String FORMAT = "synthea";

    private static final Logger log = LoggerFactory.getLogger(SyntheaImporter.class);

    private final ExtractFileIngester ingester;
    private final DataSource dataSource;
    private final IngestSettings settings;

    public SyntheaImporter(ExtractFileIngester ingester, DataSource dataSource, IngestSettings settings) {
        this.ingester = ingester;
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** Whether a folder is a Synthea export: a {@code patients.csv} whose header has Id, BIRTHDATE and GENDER. */
    public static boolean isSyntheaExport(Path dir) {
        Path patients = dir.resolve("patients.csv");
        if (!Files.isRegularFile(patients)) {
            return false;
        }
        try (var reader = Files.newBufferedReader(patients, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return false;
            }
            List<String> names = Stream.of(header.replace("\uFEFF", "").split(","))
                    .map(n -> n.strip().toUpperCase(Locale.ROOT)).toList();
            return names.contains("ID") && names.contains("BIRTHDATE") && names.contains("GENDER");
        } catch (IOException e) {
            return false;
        }
    }

    /** The importable files of an export in dependency order; other files are reported and left out. */
    public static List<Path> files(Path dir) {
        List<Path> found = new ArrayList<>();
        for (SyntheaFile f : SyntheaFile.values()) {
            Path p = dir.resolve(f.fileName());
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv") && SyntheaFile.byFileName(n).isEmpty())
                    .sorted()
                    .forEach(n -> log.info("{}: Synthea file not imported ({})", n,
                            SyntheaFile.NOT_IMPORTED.contains(n.toLowerCase(Locale.ROOT))
                                    ? "nothing the indicators use" : "unknown file"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return List.copyOf(found);
    }

    /** Imports every importable file of the folder. */
    public List<FileIngestResult> importFolder(Path dir, long runId) {
        return files(dir).stream().map(f -> importFile(f, runId)).toList();
    }

    /** Stages one Synthea file (its own transaction) and records its reconciliation line. */
    public FileIngestResult importFile(Path file, long runId) {
        String name = file.getFileName().toString();
        SyntheaFile kind = SyntheaFile.byFileName(name).orElseThrow(() ->
                new IllegalArgumentException(name + " is not an importable Synthea file"));
        if (kind.referenceOnly()) {
            long rows = payers(file).size();
            FileIngestResult result = new FileIngestResult(kind.spec().table(), name, 0, rows, 0, 0, false, List.of(),
                    rows, rows == 0 ? Map.of() : Map.of("reference data: gives the payer type of payer_transitions.csv", rows));
            JdbcWork.inTransaction(dataSource, con -> {
                IngestReconciliation.record(con, runId, FORMAT, result);
                return null;
            });
            return result;
        }
        Map<String, Optional<String>> payers = kind == SyntheaFile.PAYER_TRANSITIONS
                ? payers(file.resolveSibling(SyntheaFile.PAYERS.fileName())) : Map.of();
        return ingester.ingest(file, kind.spec(), FORMAT, kind.mappers(settings, payers), runId);
    }

    /** payer id → payer type (empty: no insurance). Small: one row per payer. */
    static Map<String, Optional<String>> payers(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExtractRejectedException(file + ": payer_transitions.csv needs payers.csv beside it for payer types");
        }
        Map<String, Optional<String>> payers = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            SyntheaHeader h = new SyntheaHeader(file.getFileName().toString(), parser.getHeaderNames());
            int id = h.required("Id");
            int name = h.required("NAME");
            int ownership = h.optional("OWNERSHIP");
            for (CSVRecord r : parser) {
                List<String> f = r.toList();
                String payerId = SyntheaHeader.field(f, id);
                if (payerId != null) {
                    payers.put(payerId, SyntheaVocabulary.payerType(SyntheaHeader.field(f, name),
                            SyntheaHeader.field(f, ownership)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ExtractRejectedException(file + ": cannot read payers: " + e.getMessage());
        }
        return payers;
    }
}
