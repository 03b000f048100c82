package org.lhs.qi.nightly;

import javax.sql.DataSource;
import org.lhs.qi.compute.IndicatorComputer;
import org.lhs.qi.config.QiProperties;
import org.lhs.qi.ingest.ErrorRatePolicy;
import org.lhs.qi.ingest.ExtractFileIngester;
import org.lhs.qi.ingest.fhir.FhirImporter;
import org.lhs.qi.ingest.synthea.SyntheaImporter;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.quality.DataQualityGate;
import org.lhs.qi.export.ResultExporter;
import org.lhs.qi.report.ScorecardRenderer;
import org.lhs.qi.stats.SuppressionRule;
import org.lhs.qi.summarise.ResultSummariser;
import org.lhs.qi.warehouse.WarehouseNormaliser;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly} job. Loading steps ({@code ingestExtractStep}, {@code checkExtractStep},
 * {@code normaliseWarehouseStep}, {@code checkDataQualityStep}) run again on a restart because they are idempotent and must see a corrected
 * extract; the later steps resume where the failed run stopped.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    // --- the stage services (plain classes) ---

    @Bean
    ExtractFileIngester extractFileIngester(DataSource dataSource, QiProperties properties) {
        return new ExtractFileIngester(dataSource, new IngestSettings(properties.sourceSystem(), properties.timeZone()));
    }

    @Bean
    SyntheaImporter syntheaImporter(ExtractFileIngester ingester, DataSource dataSource, QiProperties properties) {
        return new SyntheaImporter(ingester, dataSource,
                new IngestSettings(properties.sourceSystem(), properties.timeZone()));
    }

    @Bean
    FhirImporter fhirImporter(DataSource dataSource, QiProperties properties) {
        return new FhirImporter(dataSource, new IngestSettings(properties.sourceSystem(), properties.timeZone()));
    }

    @Bean
    WarehouseNormaliser warehouseNormaliser(DataSource dataSource) {
        return new WarehouseNormaliser(dataSource);
    }

    @Bean
    DataQualityGate dataQualityGate(DataSource dataSource) {
        return new DataQualityGate(dataSource);
    }

    @Bean
    IndicatorComputer indicatorComputer(DataSource dataSource) {
        return new IndicatorComputer(dataSource);
    }

    @Bean
    ResultSummariser resultSummariser(DataSource dataSource, QiProperties properties) {
        return new ResultSummariser(dataSource, new SuppressionRule(properties.minCellSize()),
                properties.organisationName());
    }

    @Bean
    ScorecardRenderer scorecardRenderer(DataSource dataSource) {
        return new ScorecardRenderer(dataSource);
    }

    @Bean
    ResultExporter resultExporter(DataSource dataSource,
            @Value("${qi.export.measure-base-url:" + ResultExporter.DEFAULT_MEASURE_BASE + "}") String measureBase) {
        return new ResultExporter(dataSource, measureBase);
    }

    // --- tasklets: step-scoped, so each step execution starts with a fresh work list ---

    @Bean
    @StepScope
    Tasklet ingestExtractTasklet(ExtractFileIngester ingester, SyntheaImporter syntheaImporter,
                                 FhirImporter fhirImporter) {
        return new IngestExtractTasklet(ingester, syntheaImporter, fhirImporter);
    }

    @Bean
    @StepScope
    Tasklet checkExtractTasklet(DataSource dataSource, QiProperties properties) {
        return new CheckExtractTasklet(dataSource, new ErrorRatePolicy(properties.maxErrorRate()));
    }

    @Bean
    @StepScope
    Tasklet normaliseWarehouseTasklet(WarehouseNormaliser normaliser) {
        return new NormaliseWarehouseTasklet(normaliser);
    }

    @Bean
    @StepScope
    Tasklet checkDataQualityTasklet(DataQualityGate gate, PlatformTransactionManager tx) {
        return new CheckDataQualityTasklet(gate, tx);
    }

    @Bean
    @StepScope
    Tasklet computeIndicatorsTasklet(DataSource dataSource, DefinitionsLoader definitions, IndicatorComputer computer,
            QiProperties properties, PlatformTransactionManager tx,
            @org.springframework.beans.factory.annotation.Value("${qi.compute-threads:2}") int computeThreads) {
        return new ComputeIndicatorsTasklet(dataSource, definitions, computer, properties, tx, computeThreads);
    }

    @Bean
    @StepScope
    Tasklet summariseResultsTasklet(DefinitionsLoader definitions, ResultSummariser summariser) {
        return new SummariseResultsTasklet(definitions, summariser);
    }

    @Bean
    @StepScope
    Tasklet renderReportsTasklet(DataSource dataSource, ScorecardRenderer renderer, ResultExporter exporter,
            QiProperties properties) {
        return new RenderReportsTasklet(dataSource, renderer, exporter, properties);
    }

    @Bean
    @StepScope
    Tasklet publishManifestTasklet(DataSource dataSource) {
        return new PublishManifestTasklet(dataSource);
    }

    // --- steps and job ---

    @Bean
    Step ingestExtractStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress, Tasklet ingestExtractTasklet) {
        return new StepBuilder("ingestExtractStep", repository).listener(progress).tasklet(ingestExtractTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step checkExtractStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress, Tasklet checkExtractTasklet) {
        return new StepBuilder("checkExtractStep", repository).listener(progress).tasklet(checkExtractTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step normaliseWarehouseStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress,
            Tasklet normaliseWarehouseTasklet) {
        return new StepBuilder("normaliseWarehouseStep", repository).listener(progress).tasklet(normaliseWarehouseTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    /** Reruns on a restart like the loading steps: the warehouse it judges may have been corrected. */
    @Bean
    Step checkDataQualityStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress,
            Tasklet checkDataQualityTasklet) {
        return new StepBuilder("checkDataQualityStep", repository).listener(progress).tasklet(checkDataQualityTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step computeIndicatorsStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress,
            Tasklet computeIndicatorsTasklet) {
        return new StepBuilder("computeIndicatorsStep", repository).listener(progress).tasklet(computeIndicatorsTasklet, tx).build();
    }

    @Bean
    Step summariseResultsStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress,
            Tasklet summariseResultsTasklet) {
        return new StepBuilder("summariseResultsStep", repository).listener(progress).tasklet(summariseResultsTasklet, tx).build();
    }

    @Bean
    Step renderReportsStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress, Tasklet renderReportsTasklet) {
        return new StepBuilder("renderReportsStep", repository).listener(progress).tasklet(renderReportsTasklet, tx).build();
    }

    @Bean
    Step publishManifestStep(JobRepository repository, PlatformTransactionManager tx, StepProgressListener progress, Tasklet publishManifestTasklet) {
        return new StepBuilder("publishManifestStep", repository).listener(progress).tasklet(publishManifestTasklet, tx).build();
    }

    @Bean
    Job nightlyJob(JobRepository repository, RunRecordListener runRecords, Step ingestExtractStep,
            Step checkExtractStep, Step normaliseWarehouseStep, Step checkDataQualityStep, Step computeIndicatorsStep,
            Step summariseResultsStep,
            Step renderReportsStep, Step publishManifestStep) {
        return new JobBuilder(JOB_NAME, repository)
                .validator(new NightlyParameters.Validator())
                .listener(runRecords)
                .start(ingestExtractStep)
                .next(checkExtractStep)
                .next(normaliseWarehouseStep)
                .next(checkDataQualityStep)
                .next(computeIndicatorsStep)
                .next(summariseResultsStep)
                .next(renderReportsStep)
                .next(publishManifestStep)
                .build();
    }
}
