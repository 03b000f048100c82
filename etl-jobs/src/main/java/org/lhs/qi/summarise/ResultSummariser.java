package org.lhs.qi.summarise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.lhs.qi.stats.SuppressionRule;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates the member rows of one indicator into {@code qi.result} for a business date: every period ×
 * (each site and all sites) × (overall and each stratum). The counting is one set-based query with grouping
 * sets; the statistics are computed per cell in Java. The indicator's rows for the date are replaced as a
 * whole, so a rerun writes exactly the same rows.
 */
public final class ResultSummariser {

    /** Result key of the all-sites cells. */
    public static final String ALL_SITES = "ALL";
    /** Stratifier of the un-stratified cells. */
    public static final String OVERALL = "overall";
    /** Stratum of the un-stratified cells. */
    public static final String OVERALL_STRATUM = "all";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ResultCalculator calculator;
    private final String organisationName;

    public ResultSummariser(DataSource dataSource, SuppressionRule suppression, String organisationName) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new NamedParameterJdbcTemplate(dataSource);
        this.calculator = new ResultCalculator(suppression);
        this.organisationName = organisationName;
    }

    /** Replaces the indicator's result rows of the business date; returns the number of cells written. */
    public int summarise(LocalDate businessDate, String indicatorId, long runId) {
        IndicatorScoring indicator = jdbc.sql("""
                SELECT indicator_id, version, content_hash, scoring, coalesce(multiplier, 1) AS multiplier,
                       target, improvement, aggregate_method
                FROM qi.indicator WHERE indicator_id = :id""")
                .param("id", indicatorId)
                .query((rs, n) -> new IndicatorScoring(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDouble(5), rs.getObject(6) == null ? null : rs.getDouble(6),
                        rs.getString(7), rs.getString(8)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("indicator " + indicatorId + " is not in qi.indicator"));

        List<CellCounts> cells = jdbc.sql(countsSql())
                .param("businessDate", businessDate)
                .param("indicatorId", indicatorId)
                .param("allSites", ALL_SITES)
                .param("organisation", organisationName)
                .query(ResultSummariser::cellCounts)
                .list();

        jdbc.sql("DELETE FROM qi.result WHERE business_date = :d AND indicator_id = :i")
                .param("d", businessDate).param("i", indicatorId).update();
        Map<String, ContinuousAggregate> aggregates = indicator.isContinuous()
                ? new ObservationAggregator(jdbc).aggregate(businessDate, indicatorId, indicator.aggregate())
                : Map.of();
        // primary suppression per cell, then complementary across strata, sites and months; SPC uses every month
        // but stores points only for shown ones
        List<ResultCell> results = ComplementarySuppression.apply(cells.stream()
                .map(c -> calculator.calculate(indicator, c, aggregates.get(c.key()))).toList());
        Map<String, Map<LocalDate, SpcPoint>> spc = spc(indicator, results);
        SqlParameterSource[] rows = results.stream()
                .map(r -> {
                    CellCounts c = r.counts();
                    SpcPoint point = spcEligible(c)
                            ? spc.getOrDefault(c.siteKey(), Map.of()).get(c.periodStart()) : null;
                    return row(businessDate, indicator, r, point, runId);
                })
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(INSERT, rows);
        return cells.size();
    }

    /** Control charts of the monthly overall cells, one per site key (incl. ALL). */
    static Map<String, Map<LocalDate, SpcPoint>> spc(IndicatorScoring indicator, List<ResultCell> results) {
        if (indicator.isContinuous() || "cohort".equals(indicator.scoring())) {
            return Map.of(); // p and u charts are for rates; an aggregate of observations needs an X̄/XmR chart (not built yet)
        }
        Map<String, List<ResultCell>> bySite = results.stream().filter(r -> spcEligible(r.counts()))
                .collect(Collectors.groupingBy(r -> r.counts().siteKey()));
        Map<String, Map<LocalDate, SpcPoint>> out = new HashMap<>();
        bySite.forEach((site, cells) -> out.put(site, SpcAssembler.chart(indicator, cells)));
        return out;
    }

    private static boolean spcEligible(CellCounts c) {
        return "month".equals(c.periodKind()) && OVERALL.equals(c.stratifier());
    }

    /** One pass over the members: each member is counted once overall and once per stratifier. */
    static String countsSql() {
        String strata = strataValues();
        return """
                WITH m AS (
                    SELECT m.*, coalesce(s.source_id, 'unattributed') AS site_key,
                           coalesce(s.name, 'Unattributed') AS site_name,
                           (m.denominator AND NOT m.denominator_exclusion AND NOT m.denominator_exception) AS eligible
                    FROM qi.member m LEFT JOIN ehr.site s ON s.id = m.site_id
                    WHERE m.business_date = :businessDate AND m.indicator_id = :indicatorId
                ), strata AS (
                    SELECT m.*, x.stratifier, x.stratum
                    FROM m CROSS JOIN LATERAL (VALUES ('overall', 'all'),
                       %s) AS x (stratifier, stratum)
                )
                SELECT period_kind, period_start, period_end,
                       CASE WHEN grouping(site_key) = 1 THEN :allSites ELSE site_key END AS site_key,
                       CASE WHEN grouping(site_key) = 1 THEN :organisation ELSE min(site_name) END AS site_name,
                       stratifier, stratum,
                       count(*) FILTER (WHERE initial_population) AS ip,
                       count(*) FILTER (WHERE initial_population AND denominator) AS den,
                       count(*) FILTER (WHERE denominator AND denominator_exclusion) AS denex,
                       count(*) FILTER (WHERE denominator AND NOT denominator_exclusion AND denominator_exception) AS denexcep,
                       count(*) FILTER (WHERE (eligible OR numerator_initial_population) AND numerator) AS num,
                       count(*) FILTER (WHERE (eligible OR numerator_initial_population) AND numerator AND numerator_exclusion) AS numex,
                       -- a ratio of two populations counts its numerator in initial population 2, inside or outside the denominator
                       coalesce(sum(numerator_count) FILTER (WHERE denominator AND NOT denominator_exclusion
                                                             OR numerator_initial_population), 0) AS events,
                       coalesce(sum(exposure) FILTER (WHERE denominator AND NOT denominator_exclusion), 0) AS exposure,
                       count(observation_value) FILTER (WHERE denominator AND NOT denominator_exclusion) AS observations
                FROM strata
                GROUP BY GROUPING SETS ((period_kind, period_start, period_end, stratifier, stratum, site_key),
                                        (period_kind, period_start, period_end, stratifier, stratum))
                ORDER BY period_kind, period_start, site_key, stratifier, stratum
                """.formatted(strata);
    }

    /** The VALUES rows (stratifier, stratum) of member {@code m} after ('overall', 'all'); columns from the whitelist. */
    static String strataValues() {
        return Stratifier.all().stream()
                .map(s -> "('" + s.column + "', coalesce(m." + s.column + ", 'unknown'))")
                .collect(Collectors.joining(",\n                       "));
    }

    private static CellCounts cellCounts(ResultSet rs, int row) throws SQLException {
        return new CellCounts(rs.getString("period_kind"), rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getString("site_key"), rs.getString("site_name"), rs.getString("stratifier"), rs.getString("stratum"),
                rs.getLong("ip"), rs.getLong("den"), rs.getLong("denex"), rs.getLong("denexcep"), rs.getLong("num"),
                rs.getLong("numex"), rs.getLong("events"), rs.getDouble("exposure"), rs.getLong("observations"));
    }

    private static final String INSERT = """
            INSERT INTO qi.result (business_date, indicator_id, period_kind, period_start, period_end, site_key, site_name,
                stratifier, stratum, initial_population, denominator, denominator_exclusion, denominator_exception,
                numerator, numerator_exclusion, exposure, rate, ci_low, ci_high, ci_method, suppressed,
                suppression_reason, target, meets_target, indicator_version, content_hash, run_id,
                spc_chart, spc_centre, spc_lower, spc_upper, spc_signals, spc_side, suppression, rse, unstable)
            VALUES (:bd, :ind, :kind, :ps, :pe, :sk, :sn, :st, :sm, :ip, :den, :denex, :denexcep, :num, :numex, :exp,
                :rate, :lo, :hi, :method, :sup, :reason, :target, :meets, :ver, :hash, :run,
                :chart, :centre, :lower, :upper, :signals, :side, :suppression, :rse, :unstable)""";

    private static SqlParameterSource row(LocalDate businessDate, IndicatorScoring indicator, ResultCell r, SpcPoint spc,
            long runId) {
        CellCounts c = r.counts();
        return new MapSqlParameterSource()
                .addValue("bd", businessDate).addValue("ind", indicator.indicatorId())
                .addValue("kind", c.periodKind()).addValue("ps", c.periodStart()).addValue("pe", c.periodEnd())
                .addValue("sk", c.siteKey()).addValue("sn", c.siteName())
                .addValue("st", c.stratifier()).addValue("sm", c.stratum())
                .addValue("ip", c.initialPopulation()).addValue("den", r.denominator())
                .addValue("denex", c.denominatorExclusion()).addValue("denexcep", c.denominatorException())
                .addValue("num", r.numerator()).addValue("numex", c.numeratorExclusion())
                .addValue("exp", r.exposure(), Types.NUMERIC).addValue("rate", r.rate(), Types.NUMERIC)
                .addValue("lo", r.ciLow(), Types.NUMERIC).addValue("hi", r.ciHigh(), Types.NUMERIC)
                .addValue("method", r.ciMethod(), Types.VARCHAR).addValue("sup", r.suppressed())
                .addValue("reason", r.suppressionReason(), Types.VARCHAR)
                .addValue("target", indicator.target(), Types.NUMERIC)
                .addValue("meets", r.meetsTarget(), Types.BOOLEAN)
                .addValue("ver", indicator.version()).addValue("hash", indicator.contentHash()).addValue("run", runId)
                .addValue("chart", spc == null ? null : spc.chart(), Types.VARCHAR)
                .addValue("centre", spc == null ? null : spc.centre(), Types.NUMERIC)
                .addValue("lower", spc == null ? null : spc.lower(), Types.NUMERIC)
                .addValue("upper", spc == null ? null : spc.upper(), Types.NUMERIC)
                .addValue("signals", spc == null ? null : spc.signals(), Types.VARCHAR)
                .addValue("side", spc == null ? null : spc.side(), Types.VARCHAR)
                .addValue("suppression", r.suppressionKind(), Types.VARCHAR)
                .addValue("rse", r.rse(), Types.NUMERIC).addValue("unstable", r.unstable());
    }
}
