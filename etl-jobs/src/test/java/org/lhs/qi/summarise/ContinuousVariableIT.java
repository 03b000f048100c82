package org.lhs.qi.summarise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.stats.SuppressionRule;
import org.lhs.qi.testcase.DefinitionTestRunner;
import org.lhs.qi.testcase.TestCaseResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Continuous-variable scoring end to end: the starter ED length-of-stay cases, and the aggregates by hand. */
class ContinuousVariableIT {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2099, 2, 7);
    private static final String MEDIAN = "cv-it-median";
    private static final String MEAN = "cv-it-mean";

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);

    @BeforeEach
    @AfterEach
    void clean() {
        for (String i : List.of(MEDIAN, MEAN)) {
            jdbc.sql("DELETE FROM qi.result WHERE indicator_id = :i").param("i", i).update();
            jdbc.sql("DELETE FROM qi.member WHERE indicator_id = :i").param("i", i).update();
            jdbc.sql("DELETE FROM qi.indicator WHERE indicator_id = :i").param("i", i).update();
        }
    }

    @Test
    void edLengthOfStayStarterDefinitionPassesItsCases() {
        IndicatorDefinition ed = DefinitionRepository.load(Path.of("../indicator-definitions"))
                .find("ed-length-of-stay-median").orElseThrow();
        List<TestCaseResult> results = new DefinitionTestRunner().run(ds, ed);
        results.forEach(System.out::println);
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void medianWithOrderStatisticIntervalAndMeanWithTInterval() {
        insert(MEDIAN, "median");
        insert(MEAN, "mean");
        ResultSummariser summariser = new ResultSummariser(ds, new SuppressionRule(11), "Org");
        summariser.summarise(BUSINESS_DATE, MEDIAN, 1);
        summariser.summarise(BUSINESS_DATE, MEAN, 1);

        // 13 observations 10, 20, ..., 130 minutes; one more subject excluded (its 999 is never used), one in the
        // initial population only. Median x(7) = 70. Bin(13, ½): P(X ≤ 2) = 92/8192 = 0.0112 ≤ 0.025 < P(X ≤ 3)
        // = 378/8192, so r = 3 and the interval is [x(3), x(11)] = [30, 110].
        Map<String, Object> m = overall(MEDIAN);
        assertEquals(15L, m.get("initial_population"));
        assertEquals(13L, m.get("denominator"));
        assertEquals(1L, m.get("denominator_exclusion"));
        assertEquals(13L, m.get("numerator"));
        assertEquals(70.0, (double) m.get("rate"), 1e-12);
        assertEquals(30.0, (double) m.get("ci_low"), 1e-12);
        assertEquals(110.0, (double) m.get("ci_high"), 1e-12);
        assertEquals("median-order-statistic", m.get("ci_method"));
        assertEquals(Boolean.TRUE, m.get("meets_target")); // 70 ≤ 100, lower is better

        // mean 70; s = 10·√(182/12) = 38.944; se = s/√13 = 10.801; t(12, 0.975) = 2.178813 → 70 ± 23.534
        Map<String, Object> t = overall(MEAN);
        assertEquals(70.0, (double) t.get("rate"), 1e-9);
        assertEquals(46.466, (double) t.get("ci_low"), 1e-3);
        assertEquals(93.534, (double) t.get("ci_high"), 1e-3);
        assertEquals("t", t.get("ci_method"));

        // a stratum with fewer than 11 observations is suppressed: female = 7 of them
        Map<String, Object> female = jdbc.sql("""
                SELECT suppressed, rate FROM qi.result WHERE indicator_id = :i AND site_key = 'ALL'
                  AND stratifier = 'sex' AND stratum = 'female'""").param("i", MEDIAN).query().singleRow();
        assertEquals(Boolean.TRUE, female.get("suppressed"));
        assertEquals(null, female.get("rate"));
    }

    private Map<String, Object> overall(String indicator) {
        return jdbc.sql("""
                SELECT initial_population, denominator, denominator_exclusion, numerator, rate::float8 AS rate,
                       ci_low::float8 AS ci_low, ci_high::float8 AS ci_high, ci_method, meets_target
                FROM qi.result WHERE indicator_id = :i AND site_key = 'ALL' AND stratifier = 'overall'
                  AND period_kind = 'month'""").param("i", indicator).query().singleRow();
    }

    private void insert(String indicator, String aggregate) {
        jdbc.sql("""
                INSERT INTO qi.indicator (indicator_id, version, content_hash, title, domain, scoring, basis,
                    improvement, target, source_file, aggregate_method, observation_unit)
                VALUES (:i, '1', 'hash', 'CV IT', 'value', 'continuous-variable', 'encounter', 'decrease', 100,
                    'cv.yaml', :a, 'minutes')""")
                .param("i", indicator).param("a", aggregate).update();
        // subjects 1..13 observed (k·10 minutes), 14 excluded (value 999 must be ignored), 15 in the IP only
        jdbc.sql("""
                INSERT INTO qi.member (business_date, indicator_id, period_kind, period_start, period_end,
                    subject_type, subject_id, patient_id, site_id, initial_population, denominator,
                    denominator_exclusion, denominator_exception, numerator, numerator_exclusion,
                    observation_value, sex, run_id)
                SELECT :bd, :i, 'month', DATE '2099-01-01', DATE '2099-02-01', 'encounter', 910000 + k, 910000 + k,
                       NULL, true, k <= 14, k = 14, false, false, false,
                       CASE WHEN k <= 13 THEN k * 10 WHEN k = 14 THEN 999 END,
                       CASE WHEN k % 2 = 1 THEN 'female' ELSE 'male' END, 1
                FROM generate_series(1, 15) k""")
                .param("bd", BUSINESS_DATE).param("i", indicator).update();
    }
}
