package org.lhs.qi.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.lhs.qi.stats.SuppressionRule;
import org.lhs.qi.summarise.CellCounts;
import org.lhs.qi.summarise.ComplementarySuppression;
import org.lhs.qi.summarise.IndicatorScoring;
import org.lhs.qi.summarise.ResultCalculator;
import org.lhs.qi.summarise.ResultCell;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts realistic {@code qi.indicator}, {@code qi.result} and {@code qi.run} rows for scorecard tests:
 * 4 indicators × 12 months × sites S01..S04 and ALL × overall and every stratum, with small cells (denominators
 * below 11, numerators and event counts of 1..10). Site rows are generated; ALL rows are their sums; rates,
 * intervals and suppression (primary and complementary) come from the summarise step's own classes.
 */
public final class ScorecardFixture {

    public static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);
    /** First of the 12 reporting months (Nov 2025); the latest is Oct 2026. */
    static final LocalDate FIRST_MONTH = LocalDate.of(2025, 11, 1);
    static final LocalDate LATEST_MONTH = LocalDate.of(2026, 10, 1);
    static final long RUN_ID = 930_001L;

    static final String DIABETES = "diabetes-hba1c-poor-control";
    static final String BLOOD_PRESSURE = "controlling-high-blood-pressure";
    static final String FALLS = "falls-with-injury";
    static final String READMISSION = "readmission-30-day";
    static final List<String> INDICATORS = List.of(DIABETES, BLOOD_PRESSURE, FALLS, READMISSION);

    static final Map<String, String> SITES = new LinkedHashMap<>(Map.of());
    static {
        SITES.put("S01", "Northside General Hospital");
        SITES.put("S02", "Riverside Community Hospital");
        SITES.put("S03", "Valley Medical Centre");
        SITES.put("S04", "Lakeshore Clinic");
    }

    /**
     * Hand-worked latest month (Oct 2026) of the diabetes indicator: numerators and denominators per site.
     * ALL = 235 / 1000 = 23.5%; S04 has 4 / 15 = 26.7%: numerator 4 → suppressed, with S03 (255) as its complement.
     */
    static final long[][] DIABETES_LATEST = {{92, 420}, {75, 310}, {64, 255}, {4, 15}};
    /** Hand-worked latest month of falls: events and patient-days per site; ALL = 12 / 8,000 × 1,000 = 1.50. */
    static final long[][] FALLS_LATEST = {{5, 3100}, {4, 2400}, {3, 1900}, {0, 600}};
    /** S04's diabetes denominator in Apr 2026 (month index 5): 9 → suppressed, a gap in S04's line. */
    static final int S04_SUPPRESSED_MONTH = 5;
    static final long S04_SUPPRESSED_DENOMINATOR = 9;
    static final long S04_SUPPRESSED_NUMERATOR = 3;

    private record Stratum(String stratifier, String stratum, double share, double factor) {}

    /** Strata with population shares and rate factors (disparities) — some shares small enough to suppress. */
    private static final List<Stratum> STRATA = List.of(
            new Stratum("sex", "female", 0.52, 0.95), new Stratum("sex", "male", 0.458, 1.06),
            new Stratum("sex", "other", 0.014, 1.0), new Stratum("sex", "unknown", 0.008, 1.1),
            new Stratum("race", "american-indian-or-alaska-native", 0.012, 1.3),
            new Stratum("race", "asian", 0.07, 0.85),
            new Stratum("race", "black-or-african-american", 0.19, 1.28),
            new Stratum("race", "native-hawaiian-or-other-pacific-islander", 0.006, 1.2),
            new Stratum("race", "white", 0.64, 0.93), new Stratum("race", "other", 0.05, 1.05),
            new Stratum("race", "unknown", 0.032, 1.0),
            new Stratum("ethnicity", "hispanic-or-latino", 0.18, 1.15),
            new Stratum("ethnicity", "not-hispanic-or-latino", 0.79, 0.97),
            new Stratum("ethnicity", "unknown", 0.03, 1.0),
            new Stratum("age_band", "18-34", 0.11, 1.2), new Stratum("age_band", "35-49", 0.21, 1.1),
            new Stratum("age_band", "50-64", 0.33, 1.0), new Stratum("age_band", "65-74", 0.22, 0.92),
            new Stratum("age_band", "75+", 0.13, 0.9),
            new Stratum("payer", "medicare", 0.38, 0.95), new Stratum("payer", "medicaid", 0.22, 1.22),
            new Stratum("payer", "commercial", 0.33, 0.88), new Stratum("payer", "self-pay", 0.02, 1.3),
            new Stratum("payer", "uninsured", 0.05, 1.35));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ScorecardFixture(DataSource ds) {
        this.jdbc = JdbcClient.create(ds);
        this.template = new JdbcTemplate(ds);
    }

    /** Removes what this fixture inserts (and any leftovers of an earlier, interrupted run). */
    public void clean() {
        jdbc.sql("DELETE FROM qi.result WHERE business_date = :d AND indicator_id IN (:ids)")
                .param("d", BUSINESS_DATE).param("ids", INDICATORS).update();
        jdbc.sql("DELETE FROM qi.indicator WHERE indicator_id IN (:ids)").param("ids", INDICATORS).update();
        jdbc.sql("DELETE FROM qi.run WHERE run_id = :id").param("id", RUN_ID).update();
    }

    /** Inserts indicators, the run and all result rows. */
    public void insert() {
        clean();
        // the fixture owns its business date: results another test class left for it (e.g. a nightly job test of
        // the same date, with the whole starter library) would add pages and rows
        jdbc.sql("DELETE FROM qi.result WHERE business_date = :d").param("d", BUSINESS_DATE).update();
        indicator(DIABETES, "Diabetes: HbA1c poor control (> 9%)", "quality", "proportion", "patient", "decrease", 0.15, null,
                "Adults aged 18–75 with diabetes whose most recent HbA1c in the month was above 9.0% (or missing). "
                        + "Patients in hospice or palliative care are excluded. Lower is better.");
        indicator(BLOOD_PRESSURE, "Controlling high blood pressure", "quality", "proportion", "patient", "increase", 0.70, null,
                "Adults aged 18–85 with hypertension whose most recent blood pressure was adequately controlled "
                        + "(systolic < 140 and diastolic < 90 mm Hg). Patients with end-stage renal disease are excluded.");
        indicator(FALLS, "Inpatient falls with injury", "safety", "ratio", "encounter", "decrease", 1.0, 1000.0,
                "Falls reported through incident reporting that caused harm (mild, moderate, severe or death), "
                        + "per 1,000 inpatient days. Near misses and falls without harm are not counted.");
        indicator(READMISSION, "30-day all-cause readmission", "safety", "proportion", "encounter", "decrease", 0.12, null,
                "Inpatient discharges followed by an unplanned inpatient admission to any site within 30 days. "
                        + "Discharges to hospice, transfers and deaths are excluded.");
        jdbc.sql("""
                INSERT INTO qi.run (run_id, job_instance_id, business_date, status, started_at, ended_at)
                VALUES (:id, :id, :d, 'COMPLETED', now(), now())""")
                .param("id", RUN_ID).param("d", BUSINESS_DATE).update();
        List<Object[]> rows = new ArrayList<>();
        for (String indicator : INDICATORS) {
            List<CellCounts> cells = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                long[][] siteCounts = new long[4][];
                int s = 0;
                for (String site : SITES.keySet()) {
                    siteCounts[s] = siteCounts(indicator, s, m);
                    s++;
                }
                addCells(cells, indicator, m, siteCounts);
            }
            IndicatorScoring scoring = scoring(indicator);
            ResultCalculator calculator = new ResultCalculator(new SuppressionRule(11));
            ComplementarySuppression.apply(cells.stream().map(c -> calculator.calculate(scoring, c)).toList())
                    .forEach(r -> rows.add(row(indicator, r, scoring.target())));
        }
        template.batchUpdate("""
                INSERT INTO qi.result (business_date, indicator_id, period_start, period_end, site_key, site_name,
                    stratifier, stratum, initial_population, denominator, denominator_exclusion, denominator_exception,
                    numerator, numerator_exclusion, exposure, rate, ci_low, ci_high, ci_method, suppressed,
                    suppression_reason, target, meets_target, indicator_version, content_hash, run_id, suppression,
                    rse, unstable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '1.0.0', 'fixture', ?,
                    ?, ?, ?)""",
                rows);
    }

    private void indicator(String id, String title, String domain, String scoring, String basis, String improvement,
            double target, Double multiplier, String definition) {
        jdbc.sql("""
                INSERT INTO qi.indicator (indicator_id, version, content_hash, title, description, domain, scoring, basis,
                    improvement, target, multiplier, source_file, definition_text)
                VALUES (:id, '1.0.0', 'fixture', :title, :description, :domain, :scoring, :basis, :improvement, :target,
                    :multiplier, :file, :definition)""")
                .param("id", id).param("title", title).param("description", title).param("domain", domain)
                .param("scoring", scoring).param("basis", basis).param("improvement", improvement)
                .param("target", target).param("multiplier", multiplier)
                .param("file", "indicator-definitions/" + id + ".yaml").param("definition", definition).update();
    }

    /** {numerator, denominator, exposure(ratio only, else -1)} of one site-month. */
    private static long[] siteCounts(String indicator, int site, int m) {
        boolean latest = m == 11;
        return switch (indicator) {
            case DIABETES -> {
                if (latest) {
                    yield new long[] {DIABETES_LATEST[site][0], DIABETES_LATEST[site][1], -1};
                }
                if (site == 3 && m == S04_SUPPRESSED_MONTH) {
                    yield new long[] {S04_SUPPRESSED_NUMERATOR, S04_SUPPRESSED_DENOMINATOR, -1};
                }
                long den = new long[] {400, 300, 250, 14}[site] + (m * 7L + site * 3L) % 25;
                double rate = new double[] {0.29, 0.27, 0.30, 0.32}[site] - 0.006 * m + wiggle(site, m, 0.012);
                yield new long[] {Math.round(den * rate), den, -1};
            }
            case BLOOD_PRESSURE -> {
                long den = new long[] {520, 380, 300, 40}[site] + (m * 11L + site * 5L) % 30;
                double rate = new double[] {0.66, 0.71, 0.63, 0.6}[site] + 0.002 * m + wiggle(site, m, 0.015);
                yield new long[] {Math.round(den * rate), den, -1};
            }
            case FALLS -> {
                if (latest) {
                    long[] c = FALLS_LATEST[site];
                    yield new long[] {c[0], Math.round(c[1] / 4.6), c[1]};
                }
                long exposure = new long[] {3000, 2350, 1850, 580}[site] + (m * 37L + site * 13L) % 120;
                double perThousand = new double[] {1.5, 1.3, 1.9, 1.0}[site] + wiggle(site, m, 0.5);
                yield new long[] {Math.round(exposure * perThousand / 1000), Math.round(exposure / 4.6), exposure};
            }
            case READMISSION -> {
                long den = new long[] {260, 190, 160, 12}[site] + (m * 13L + site * site * 7L + m * m) % 23;
                double rate = new double[] {0.11, 0.125, 0.10, 0.09}[site] + 0.004 * m + wiggle(site, m, 0.01);
                yield new long[] {Math.round(den * rate), den, -1};
            }
            default -> throw new IllegalArgumentException(indicator);
        };
    }

    /** Deterministic month-to-month noise in [-amplitude, amplitude]. */
    private static double wiggle(int site, int m, double amplitude) {
        return amplitude * Math.sin(1.7 * m + 2.3 * site);
    }

    private static IndicatorScoring scoring(String indicator) {
        return switch (indicator) {
            case DIABETES -> new IndicatorScoring(indicator, "1.0.0", "fixture", "proportion", 1, 0.15, "decrease");
            case BLOOD_PRESSURE -> new IndicatorScoring(indicator, "1.0.0", "fixture", "proportion", 1, 0.70, "increase");
            case FALLS -> new IndicatorScoring(indicator, "1.0.0", "fixture", "ratio", 1000, 1.0, "decrease");
            default -> new IndicatorScoring(indicator, "1.0.0", "fixture", "proportion", 1, 0.12, "decrease");
        };
    }

    private void addCells(List<CellCounts> cells, String indicator, int m, long[][] siteCounts) {
        boolean ratio = indicator.equals(FALLS);
        long allNum = 0, allDen = 0, allExposure = 0;
        int s = 0;
        for (Map.Entry<String, String> site : SITES.entrySet()) {
            long[] c = siteCounts[s++];
            cellsOfAudience(cells, m, site.getKey(), site.getValue(), c[0], c[1], ratio ? c[2] : -1);
            allNum += c[0];
            allDen += c[1];
            allExposure += c[2];
        }
        cellsOfAudience(cells, m, "ALL", "All sites", allNum, allDen, ratio ? allExposure : -1);
    }

    private void cellsOfAudience(List<CellCounts> cells, int m, String siteKey, String siteName,
            long num, long den, long exposure) {
        cells.add(counts(m, siteKey, siteName, "overall", "all", num, den, exposure));
        double overallRate = exposure >= 0 ? (double) num / exposure : (double) num / den;
        for (Stratum st : STRATA) {
            long sDen = Math.round(den * st.share());
            long sExposure = exposure >= 0 ? Math.round(exposure * st.share()) : -1;
            long base = exposure >= 0 ? sExposure : sDen;
            long sNum = Math.min(base, Math.round(base * overallRate * st.factor()));
            if (exposure < 0) {
                sNum = Math.min(sNum, sDen);
            }
            cells.add(counts(m, siteKey, siteName, st.stratifier(), st.stratum(), sNum, sDen, sExposure));
        }
    }

    /** The member counts of a cell: ratio cells carry events and exposure, proportions numerator and denominator. */
    private static CellCounts counts(int m, String siteKey, String siteName, String stratifier, String stratum,
            long num, long den, long exposure) {
        LocalDate start = FIRST_MONTH.plusMonths(m);
        boolean ratio = exposure >= 0;
        return new CellCounts("month", start, start.plusMonths(1), siteKey, siteName, stratifier, stratum, den, den, 0,
                0, ratio ? 0 : num, 0, ratio ? num : 0, ratio ? exposure : 0);
    }

    private static Object[] row(String indicator, ResultCell r, Double target) {
        CellCounts c = r.counts();
        boolean ratio = indicator.equals(FALLS);
        return new Object[] {BUSINESS_DATE, indicator, c.periodStart(), c.periodEnd(), c.siteKey(), c.siteName(),
                c.stratifier(), c.stratum(), c.initialPopulation(), r.denominator(), r.numerator(),
                ratio ? (Object) Math.round(c.exposure()) : null, r.rate(), r.ciLow(), r.ciHigh(),
                r.suppressed() ? null : ratio ? "exact-poisson" : "wilson", r.suppressed(), r.suppressionReason(),
                target, RUN_ID, r.suppressionKind(), r.rse(), r.unstable()};
    }

    /** {rate, low, high}: Wilson score interval, 95%. */
    static double[] wilson(long x, long n) {
        double z = 1.959963984540054;
        double p = (double) x / n;
        double d = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / d;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        return new double[] {p, Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** {rate, low, high} per {@code multiplier} units of exposure: exact (Garwood) Poisson interval, 95%. */
    static double[] poisson(long events, long exposure, double multiplier) {
        double low = events == 0 ? 0 : ChiSquaredDistribution.of(2.0 * events).inverseCumulativeProbability(0.025) / 2;
        double high = ChiSquaredDistribution.of(2.0 * events + 2).inverseCumulativeProbability(0.975) / 2;
        double k = multiplier / exposure;
        return new double[] {events * k, low * k, high * k};
    }
}
