package org.lhs.qi.config;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application settings ({@code qi.*}), bound once at start-up.
 *
 * @param definitionsDir     folder of indicator YAML files and value sets
 * @param outputDir          where scorecard PDFs and manifests are written (one sub-folder per business date)
 * @param sourceSystem       source system recorded on rows whose extract has no {@code source_system} column
 * @param timeZone           zone for extract timestamps without an offset and for period boundaries
 * @param maxErrorRate       share of malformed rows per file above which the ingest fails the run
 * @param periods            number of monthly reporting periods computed back from the business date
 * @param minCellSize        cells with a denominator below this are suppressed
 * @param organisationName   name printed on the scorecards
 * @param dataQualityDir     folder of data-quality check files; unset = {@code <definitionsDir>/data-quality}
 *                           (so {@code indicator-definitions/data-quality} by default)
 */
@ConfigurationProperties(prefix = "qi")
public record QiProperties(
        @DefaultValue("indicator-definitions") Path definitionsDir,
        @DefaultValue("qi-output") Path outputDir,
        @DefaultValue("ehr") String sourceSystem,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("0.05") double maxErrorRate,
        @DefaultValue("12") int periods,
        @DefaultValue("11") int minCellSize,
        @DefaultValue("Learning Health System") String organisationName,
        Path dataQualityDir) {

    /** The data-quality folder: the configured one, else {@code data-quality} inside the definitions folder. */
    public Path dataQualityDirOrDefault() {
        return dataQualityDir != null ? dataQualityDir : definitionsDir.resolve("data-quality");
    }
}
