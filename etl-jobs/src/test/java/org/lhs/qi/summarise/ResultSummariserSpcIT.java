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
        // 20 eligible patients a month, 2 in the numerator for 11 months and 15 in December 2098
        jdbc.sql("""
                INSERT INTO qi.member (business_date, indicator_id, period_kind, period_start, period_end,
                    subject_type, subject_id, patient_id, site_id, initial_population, denominator,
                    denominator_exclusion, denominator_exception, numerator, numerator_exclusion, run_id)
                SELECT :bd, :i, 'month', make_date(2098, m, 1), make_date(2098, m, 1) + interval '1 month',
                       'patient', 900000 + p, 900000 + p, NULL, true, true, false, false,
                       p <= CASE WHEN m = 12 THEN 15 ELSE 2 END, false, 1
                FROM generate_series(1, 12) m, generate_series(1, 20) p""")
                .param("bd", BUSINESS_DATE).param("i", INDICATOR).update();

        new ResultSummariser(ds, new SuppressionRule(11), "Org").summarise(BUSINESS_DATE, INDICATOR, 1);

        // baseline = first 6 months, 12/120: centre 0.10; exact binomial limits for n = 20 (P(X ≤ 6) = 0.99761 <
        // 0.99865 ≤ P(X ≤ 7) = 0.99958): upper 7/20 = 0.35, lower 0; December's 15/20 is far above
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT period_start, spc_chart, spc_centre::float8 AS centre, spc_lower::float8 AS lower,
                       spc_upper::float8 AS upper, spc_signals, spc_side
                FROM qi.result WHERE indicator_id = :i AND site_key = 'ALL' AND stratifier = 'overall'
                ORDER BY period_start""").param("i", INDICATOR).query().listOfRows();
        assertThat(rows).hasSize(12);
        Map<String, Object> jan = rows.getFirst();
        assertEquals("p", jan.get("spc_chart"));
        assertEquals(0.10, (double) jan.get("centre"), 1e-12);
        assertEquals(0.0, (double) jan.get("lower"), 1e-12);
        assertEquals(0.35, (double) jan.get("upper"), 1e-12);
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
