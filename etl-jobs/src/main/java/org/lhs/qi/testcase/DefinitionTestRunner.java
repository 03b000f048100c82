package org.lhs.qi.testcase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.lhs.qi.compile.CompiledIndicator;
import org.lhs.qi.compile.IndicatorCompiler;
import org.lhs.qi.definition.Basis;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.TestCase;
import org.lhs.qi.definition.ValueSetLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a definition's test cases on PostgreSQL: per case, in one transaction that is always rolled back,
 * insert the records, load the value sets, run the compiled SQL for the case's period and compare the
 * qi.member flags of each named subject with the expectation.
 */
public final class DefinitionTestRunner {

    private static final long TEST_RUN_ID = -1L;
    private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    private final IndicatorCompiler compiler = new IndicatorCompiler();

    /** Runs every test case of the definition; a case that cannot run is a failed result with the reason. */
    public List<TestCaseResult> run(DataSource ds, IndicatorDefinition d) {
        CompiledIndicator compiled = compiler.compile(d);
        List<TestCaseResult> results = new ArrayList<>();
        for (TestCase tc : d.tests()) {
            results.add(runCase(ds, d, compiled, tc));
        }
        return results;
    }

    private TestCaseResult runCase(DataSource ds, IndicatorDefinition d, CompiledIndicator compiled, TestCase tc) {
        try (Connection con = ds.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                return execute(new SingleConnectionDataSource(con, true), d, compiled, tc);
            } finally {
                con.rollback();
                con.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            return new TestCaseResult(d.id(), tc.name(), false, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private TestCaseResult execute(DataSource single, IndicatorDefinition d, CompiledIndicator compiled, TestCase tc) {
        JdbcClient jdbc = JdbcClient.create(single);
        jdbc.sql("SET LOCAL TIME ZONE 'UTC'").update();
        ValueSetLoader.load(single, d.valueSets().values());
        TestRecordWriter writer = new TestRecordWriter(jdbc);
        writer.insertAll(tc.records());
        jdbc.sql(compiled.sql()).params(compiled.bindings(tc.effectiveBusinessDate(), TEST_RUN_ID,
                List.of(new CompiledIndicator.Period("test-case", tc.periodStart(), tc.periodEnd())))).update();

        String subjectTable = d.basis() == Basis.PATIENT ? "patient" : "encounter";
        List<TestCaseResult.SubjectOutcome> outcomes = new ArrayList<>();
        boolean allPassed = true;
        for (TestCase.Expectation x : tc.expectations()) {
            Long id = writer.id(subjectTable, x.subject());
            if (id == null) {
                throw new IllegalArgumentException("expected subject '" + x.subject() + "' is not a " + subjectTable
                        + "_id of the case's records");
            }
            Map<String, Object> row = jdbc.sql("""
                    SELECT initial_population, denominator, denominator_exclusion, denominator_exception,
                           numerator, numerator_exclusion, numerator_count, exposure, observation_value,
                           numerator_initial_population
                    FROM qi.member
                    WHERE business_date = :bd AND indicator_id = :indicator AND period_start = :ps AND subject_id = :id""")
                    .param("bd", tc.effectiveBusinessDate()).param("indicator", d.id()).param("ps", tc.periodStart())
                    .param("id", id).query().listOfRows().stream().findFirst().orElse(null);
            Set<String> expected = new LinkedHashSet<>();
            Set<String> actual = new LinkedHashSet<>();
            for (TestCase.Population p : TestCase.Population.values()) {
                if (x.flags().get(p)) {
                    expected.add(p.key());
                }
                boolean g = row != null && Boolean.TRUE.equals(row.get(p.column()));
                if (g) {
                    actual.add(p.key());
                }
            }
            BigDecimal count = row == null ? null : (BigDecimal) row.get("numerator_count");
            BigDecimal exposure = row == null ? null : (BigDecimal) row.get("exposure");
            BigDecimal observation = row == null ? null : (BigDecimal) row.get("observation_value");
            boolean ok = expected.equals(actual) && close(x.numeratorCount(), count) && close(x.exposure(), exposure)
                    && close(x.observation(), observation);
            allPassed &= ok;
            outcomes.add(new TestCaseResult.SubjectOutcome(x.subject(), expected, actual, x.numeratorCount(), count,
                    x.exposure(), exposure, x.observation(), observation, ok));
        }
        return new TestCaseResult(d.id(), tc.name(), allPassed, List.copyOf(outcomes), null);
    }

    private static boolean close(BigDecimal expected, BigDecimal actual) {
        if (expected == null) {
            return true; // not asserted by the case
        }
        return actual != null && expected.subtract(actual).abs().compareTo(TOLERANCE) <= 0;
    }
}
