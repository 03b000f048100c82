package org.lhs.qi.export;

import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the data exports of one audience next to its scorecard: {@code results-<stem>.csv} and
 * {@code measure-reports-<stem>.json}, each atomically. The organisation's exports hold every site and the
 * organisation; a site's hold that site's cells.
 */
public final class ResultExporter {

    /** Default measure canonical base: {@code urn:lhs-qi:indicator:<id>|<version>}. */
    public static final String DEFAULT_MEASURE_BASE = "urn:lhs-qi:indicator:";
    /** Kind of the CSV export in {@code qi.export_file} and the manifest. */
    public static final String CSV = "results-csv";
    /** Kind of the FHIR export in {@code qi.export_file} and the manifest. */
    public static final String FHIR = "measure-reports-json";

    private final ExportRepository repository;
    private final String measureBase;

    /** Exporter with measure canonical URLs under {@code measureBase} (e.g. {@code https://example.org/Measure/}). */
    public ResultExporter(DataSource dataSource, String measureBase) {
        this.repository = new ExportRepository(Objects.requireNonNull(dataSource, "dataSource"));
        this.measureBase = Objects.requireNonNull(measureBase, "measureBase");
    }

    /**
     * Writes both exports of the audience ({@code ALL} or a site key) into {@code dir}; {@code stem} names them
     * (e.g. {@code 2026-11-23-organisation}).
     */
    public List<WrittenFile> export(LocalDate businessDate, String audience, String organisationName, Path dir,
            String stem) {
        WrittenFile csv = AtomicFile.write(CSV, dir.resolve("results-" + stem + ".csv"), out -> {
            try (Writer writer = ResultsCsv.open(out); CSVPrinter printer = ResultsCsv.printer(writer)) {
                repository.forEach(businessDate, audience, row -> ResultsCsv.print(printer, row));
            }
        });
        WrittenFile json = AtomicFile.write(FHIR, dir.resolve("measure-reports-" + stem + ".json"), out -> {
            try (MeasureReportBundle bundle = new MeasureReportBundle(out, measureBase, businessDate, organisationName)) {
                repository.forEach(businessDate, audience, bundle::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return List.of(csv, json);
    }

}
