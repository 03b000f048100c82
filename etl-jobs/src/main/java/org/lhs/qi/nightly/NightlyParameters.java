package org.lhs.qi.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lhs.qi.ingest.ExtractFormat;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The typed parameters of a nightly run, bound once from the job parameters. The job instance is identified
 * by the business date and a rerun counter (0 for the first run of a date, then 1, 2, … for deliberate reruns
 * of a completed date); the folders and the extract format are not identifying, so a restart may point at a
 * corrected extract. {@code extractFormat} forces the layout of the extract folder ({@link ExtractFormat#AUTO}:
 * detected).
 */
public record NightlyParameters(LocalDate businessDate, long rerun, Path extractDir, Path definitionsDir,
        Path outputDir, Path dataQualityDir, ExtractFormat extractFormat) {

    static final String BUSINESS_DATE = "businessDate";
    static final String RERUN = "rerun";
    static final String EXTRACT_DIR = "extractDir";
    static final String DEFINITIONS_DIR = "definitionsDir";
    static final String OUTPUT_DIR = "outputDir";
    static final String DATA_QUALITY_DIR = "dataQualityDir";
    static final String EXTRACT_FORMAT = "extractFormat";

    public NightlyParameters {
        extractFormat = extractFormat == null ? ExtractFormat.AUTO : extractFormat;
    }

    /** Parameters with the extract format detected from the folder. */
    public NightlyParameters(LocalDate businessDate, long rerun, Path extractDir, Path definitionsDir, Path outputDir,
            Path dataQualityDir) {
        this(businessDate, rerun, extractDir, definitionsDir, outputDir, dataQualityDir, ExtractFormat.AUTO);
    }

    /** Parameters with the data-quality checks in {@code <definitionsDir>/data-quality}. */
    public NightlyParameters(LocalDate businessDate, long rerun, Path extractDir, Path definitionsDir, Path outputDir) {
        this(businessDate, rerun, extractDir, definitionsDir, outputDir, definitionsDir.resolve("data-quality"));
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLocalDate(BUSINESS_DATE, businessDate, true)
                .addLong(RERUN, rerun, true)
                .addString(EXTRACT_DIR, extractDir.toAbsolutePath().normalize().toString(), false)
                .addString(DEFINITIONS_DIR, definitionsDir.toAbsolutePath().normalize().toString(), false)
                .addString(OUTPUT_DIR, outputDir.toAbsolutePath().normalize().toString(), false)
                .addString(DATA_QUALITY_DIR, dataQualityDir.toAbsolutePath().normalize().toString(), false)
                .addString(EXTRACT_FORMAT, extractFormat.id(), false)
                .toJobParameters();
    }

    public static NightlyParameters from(JobParameters p) {
        Path definitions = Path.of(p.getString(DEFINITIONS_DIR));
        String dataQuality = p.getString(DATA_QUALITY_DIR);
        return new NightlyParameters(p.getLocalDate(BUSINESS_DATE), p.getLong(RERUN, 0L),
                Path.of(p.getString(EXTRACT_DIR)), definitions, Path.of(p.getString(OUTPUT_DIR)),
                dataQuality != null ? Path.of(dataQuality) : definitions.resolve("data-quality"),
                ExtractFormat.parse(p.getString(EXTRACT_FORMAT)));
    }

    /** Folder of this business date's reports and manifest. */
    public Path reportDir() {
        return outputDir.resolve(businessDate.toString());
    }

    /** Rejects a launch whose parameters are missing or point nowhere, before any step runs. */
    public static final class Validator implements JobParametersValidator {
        @Override
        public void validate(JobParameters parameters) throws InvalidJobParametersException {
            if (parameters == null || parameters.getLocalDate(BUSINESS_DATE) == null) {
                throw new InvalidJobParametersException("businessDate (YYYY-MM-DD) is required");
            }
            for (String folder : new String[] {EXTRACT_DIR, DEFINITIONS_DIR, OUTPUT_DIR}) {
                if (parameters.getString(folder) == null) {
                    throw new InvalidJobParametersException(folder + " is required");
                }
            }
            try {
                ExtractFormat.parse(parameters.getString(EXTRACT_FORMAT));
            } catch (IllegalArgumentException e) {
                throw new InvalidJobParametersException(EXTRACT_FORMAT + ": " + e.getMessage());
            }
            for (String folder : new String[] {EXTRACT_DIR, DEFINITIONS_DIR}) {
                if (!java.nio.file.Files.isDirectory(Path.of(parameters.getString(folder)))) {
                    throw new InvalidJobParametersException(folder + " " + parameters.getString(folder)
                            + " is not a directory");
                }
            }
        }
    }
}
