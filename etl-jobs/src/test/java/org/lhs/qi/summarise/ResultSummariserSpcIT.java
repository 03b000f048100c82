package org.lhs.qi.summarise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.stats.SuppressionRule;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The summarise step stores a p chart per site on the monthly overall cells, checked by hand. */
class ResultSummariserSpcIT {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2099, 1, 5);
    private static final String INDICATOR = "spc-it-proportion";

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);

    @BeforeEach
    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM qi.result WHERE indicator_id = :i").param("i", INDICATOR).update();
        jdbc.sql("DELETE FROM qi.member WHERE indicator_id = :i").param("i", INDICATOR).update();
        jdbc.sql("DELETE FROM qi.indicator WHERE indicator_id = :i").param("i", INDICATOR).update();
    }

    @Test
    void monthlyOverallCellsCarryControlLimitsAndSignals() {
        jdbc.sql("""
                INSERT INTO qi.indicator (indicator_id, version, content_hash, title, domain, scoring, basis,
                    improvement, source_file)
                VALUES (:i, '1', 'hash', 'SPC IT', 'quality', 'proportion', 'patient', 'increase', 'spc.yaml')""")
                .param("i", INDICATOR).update();
        // 120 eligible patients a month, 12 in the numerator for 11 months and 40 in December 2098 (numerators of
        // 1..10 would be suppressed, and a suppressed month is left out of the chart)
        jdbc.sql("""
                INSERT INTO qi.member (business_date, indicator_id, period_kind, period_start, period_end,
                    subject_type, subject_id, patient_id, site_id, initial_population, denominator,
                    denominator_exclusion, denominator_exception, numerator, numerator_exclusion, run_id)
                SELECT :bd, :i, 'month', make_date(2098, m, 1), make_date(2098, m, 1) + interval '1 month',
                       'patient', 900000 + p, 900000 + p, NULL, true, true, false, false,
                       p <= CASE WHEN m = 12 THEN 40 ELSE 12 END, false, 1
                FROM generate_series(1, 12) m, generate_series(1, 120) p""")
                .param("bd", BUSINESS_DATE).param("i", INDICATOR).update();

        new ResultSummariser(ds, new SuppressionRule(11), "Org").summarise(BUSINESS_DATE, INDICATOR, 1);

        // baseline = first 6 months, 72/720: centre 0.10; exact binomial limits for n = 120 with the 3σ false-alarm
        // rate Φ(−3) = 0.00135: P(X ≤ 2) = 0.00033 < 0.00135 ≤ P(X ≤ 3) = 0.00157 → lower 3/120 = 0.025;
        // P(X ≤ 22) = 0.99827 < 0.99865 ≤ P(X ≤ 23) = 0.99925 → upper 23/120 = 0.1916667; December's 40/120 is above
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT period_start, spc_chart, spc_centre::float8 AS centre, spc_lower::float8 AS lower,
                       spc_upper::float8 AS upper, spc_signals, spc_side
                FROM qi.result WHERE indicator_id = :i AND site_key = 'ALL' AND stratifier = 'overall'
                ORDER BY period_start""").param("i", INDICATOR).query().listOfRows();
        assertThat(rows).hasSize(12);
        Map<String, Object> jan = rows.getFirst();
        assertEquals("p", jan.get("spc_chart"));
        assertEquals(0.10, (double) jan.get("centre"), 1e-12);
        assertEquals(0.025, (double) jan.get("lower"), 1e-9);
        assertEquals(23.0 / 120, (double) jan.get("upper"), 1e-9);
        assertNull(jan.get("spc_signals"));
        Map<String, Object> dec = rows.getLast();
        assertEquals("OUTSIDE_LIMITS", dec.get("spc_signals"));
        assertEquals("up", dec.get("spc_side"));

        // the site's own chart is stored too; stratified cells carry none
        assertEquals(12, jdbc.sql("""
                SELECT count(*) FROM qi.result WHERE indicator_id = :i AND site_key = 'unattributed'
                  AND stratifier = 'overall' AND spc_chart = 'p'""").param("i", INDICATOR).query(Long.class).single());
        assertEquals(0, jdbc.sql("""
                SELECT count(*) FROM qi.result WHERE indicator_id = :i AND stratifier <> 'overall'
                  AND spc_chart IS NOT NULL""").param("i", INDICATOR).query(Long.class).single());
    }
}
