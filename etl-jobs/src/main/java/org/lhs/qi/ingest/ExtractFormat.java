package org.lhs.qi.ingest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;

/**
 * The layout of an extract folder: detected ({@link #AUTO}: a Synthea {@code patients.csv}, else canonical
 * {@code <table>.csv} files, else FHIR {@code *.ndjson}/{@code *.json}) or forced by the operator for a folder
 * where detection is ambiguous (e.g. canonical CSV beside FHIR files). A forced format that the folder does
 * not match is an error naming what was expected, never a silent fallback to another format.
 */
public enum ExtractFormat {
    AUTO, CANONICAL, SYNTHEA, FHIR;

    /** The lower-case name used on the command line, in job parameters and in {@code QI_EXTRACT_FORMAT}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code canonical | synthea | fhir | auto}, any case; null or blank is {@link #AUTO}. */
    public static ExtractFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        for (ExtractFormat f : values()) {
            if (f.id().equalsIgnoreCase(value.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("extract format '" + value + "' is not one of "
                + String.join(", ", Arrays.stream(values()).map(ExtractFormat::id).toList()));
    }

    /** The format of a folder: this one if forced (after checking the folder holds it), else the detected one. */
    public ExtractFormat resolve(Path dir) {
        if (this == AUTO) {
            if (SyntheaImporter.isSyntheaExport(dir)) {
                return SYNTHEA;
            }
            if (!ExtractDirectory.canonicalFiles(dir).isEmpty()) {
                return CANONICAL;
            }
            if (FhirImporter.isFhirExport(dir)) {
                return FHIR;
            }
            throw new ExtractRejectedException("the extract folder " + dir + " holds no canonical CSV file (site.csv,"
                    + " patient.csv, encounter.csv, …), no Synthea export (patients.csv) and no FHIR file (*.ndjson, *.json)");
        }
        if (files(dir).isEmpty()) {
            throw new ExtractRejectedException("the extract format was forced to " + id() + " but " + dir
                    + " holds no " + expected() + (this == SYNTHEA ? "" : "; detected: " + detectedOrNone(dir)));
        }
        return this;
    }

    /** The files to ingest, in order, for a resolved format. */
    public List<Path> files(Path dir) {
        return switch (this) {
            case AUTO -> resolve(dir).files(dir);
            case SYNTHEA -> SyntheaImporter.isSyntheaExport(dir) ? SyntheaImporter.files(dir) : List.of();
            case CANONICAL -> ExtractDirectory.canonicalFiles(dir);
            case FHIR -> FhirImporter.files(dir);
        };
    }

    private String expected() {
        return switch (this) {
            case CANONICAL -> "canonical CSV file (site.csv, patient.csv, encounter.csv, …)";
            case SYNTHEA -> "Synthea export (a patients.csv whose header has Id, BIRTHDATE and GENDER)";
            case FHIR -> "FHIR file (*.ndjson Bulk Data, or *.json resources/Bundles)";
            case AUTO -> "extract";
        };
    }

    private static String detectedOrNone(Path dir) {
        try {
            return AUTO.resolve(dir).id();
        } catch (ExtractRejectedException e) {
            return "nothing importable";
        }
    }
}
