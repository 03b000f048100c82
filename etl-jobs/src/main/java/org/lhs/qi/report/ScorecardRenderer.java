package org.lhs.qi.report;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Renders the PDF scorecard of one audience (the organisation or one site) for a business date: reads
 * the results, assembles the scorecard model, fills the shared compiled templates and writes the PDF
 * atomically. Thread-safe: partitions may render different audiences concurrently.
 */
public final class ScorecardRenderer {

    private final ScorecardRepository repository;
    private final DataQualityFindings dataQuality;
    private final DefinitionDetails definitions;
    private final ContinuousIndicators continuous;
    private final ScorecardAssembler assembler = new ScorecardAssembler();
    private final Clock clock;

    /** Renderer reading from {@code ds}; "generated at" in UTC. */
    public ScorecardRenderer(DataSource ds) {
        this(ds, Clock.system(ZoneOffset.UTC));
    }

    /** Renderer with the clock that stamps "generated at" (tests fix it). */
    public ScorecardRenderer(DataSource ds, Clock clock) {
        this(ds, clock, new JdbcDataQualityFindings(ds));
    }

    /** Renderer with its own source of data-quality verdicts for the appendix. */
    public ScorecardRenderer(DataSource ds, Clock clock, DataQualityFindings dataQuality) {
        this.repository = new ScorecardRepository(Objects.requireNonNull(ds, "ds"));
        this.dataQuality = Objects.requireNonNull(dataQuality, "dataQuality");
        this.definitions = new DefinitionDetails(ds);
        this.continuous = new ContinuousIndicators(ds);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Renders the scorecard the request describes; the PDF appears at {@code outputPdf} complete or not at all. */
    public RenderedReport render(ScorecardRequest request) {
        ScorecardView view = view(request);
        JasperPrint print = fill(view);
        String title = "Quality scorecard – " + view.organisationName() + " – " + view.audienceLabel() + " – "
                + view.businessDate();
        return AtomicPdf.write(print, request.outputPdf(), title);
    }

    /** The assembled scorecard of the request, before any Jasper work. */
    ScorecardView view(ScorecardRequest request) {
        ScorecardInputs inputs = repository.load(request.businessDate(), request.audience())
                .withAppendix(dataQuality.findings(request.businessDate()), definitions.load(request.businessDate()));
        return assembler.assemble(inputs, continuous.load(request.businessDate()), request, ZonedDateTime.now(clock));
    }

    /** Fills the main template: header values and summary as parameters, one data row per indicator page. */
    static JasperPrint fill(ScorecardView view) {
        ScorecardTemplates templates = ScorecardTemplates.get();
        Map<String, Object> params = new HashMap<>();
        params.put("ORGANISATION_NAME", view.organisationName());
        params.put("AUDIENCE_LABEL", view.audienceLabel());
        params.put("BUSINESS_DATE", view.businessDate());
        params.put("PERIODS", view.periods());
        params.put("LATEST_PERIOD", view.latestPeriod());
        params.put("GENERATED_AT", view.generatedAt());
        params.put("RUN_LABEL", view.runLabel());
        params.put("SUMMARY_ROWS", JasperData.toMaps(view.summary()));
        params.put("SUMMARY_REPORT", templates.summary());
        params.put("MONTHLY_REPORT", templates.monthly());
        params.put("EQUITY_REPORT", templates.equity());
        params.put("SITES_REPORT", templates.sites());
        params.put("DQ_STATUS", view.appendix().dqStatus());
        params.put("FRESHNESS", view.appendix().freshness());
        params.put("DQ_ROWS", JasperData.toMaps(view.appendix().dataQuality()));
        params.put("DEFINITION_ROWS", JasperData.toMaps(view.appendix().definitions()));
        params.put("DQ_REPORT", templates.dataQuality());
        params.put("DEFINITIONS_REPORT", templates.definitions());
        try {
            return JasperFillManager.fillReport(templates.main(), params,
                    new JRMapCollectionDataSource(JasperData.toMaps(view.pages())));
        } catch (JRException e) {
            throw new IllegalStateException("cannot fill the scorecard: " + e.getMessage(), e);
        }
    }
}
