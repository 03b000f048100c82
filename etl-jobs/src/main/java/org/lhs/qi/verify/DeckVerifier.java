package org.lhs.qi.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.lhs.qi.compile.CompiledIndicator;
import org.lhs.qi.compile.IndicatorCompiler;
import org.lhs.qi.definition.Basis;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.ValueSetLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs a patient-basis definition against a test deck: each case in its own transaction that is always rolled back
 * (the case's resources loaded through the nightly FHIR path by {@link FhirCaseLoader}, the compiled SQL for the report's measurement period; value sets are loaded once before), then compares the
 * subject's {@code qi.member} flags with the expected individual MeasureReport.
 */
public final class DeckVerifier {

    private static final long RUN_ID = -2L;
    /** MeasureReport population code → qi.member column (fixed whitelist). */
    private static final Map<String, String> COLUMNS = Map.of("initial-population", "initial_population",
            "denominator", "denominator", "denominator-exclusion", "denominator_exclusion",
            "denominator-exception", "denominator_exception", "numerator", "numerator",
            "numerator-exclusion", "numerator_exclusion");

    private final IndicatorCompiler compiler = new IndicatorCompiler();

    public VerificationReport verify(DataSource ds, IndicatorDefinition d, Deck deck, KnownDeckDefects defects) {
        if (d.basis() != Basis.PATIENT) {
            throw new IllegalArgumentException(d.id() + " has basis " + d.basis() + "; the decks verify patient-basis measures");
        }
        CompiledIndicator compiled = compiler.compile(d);
        // once, committed (idempotent by content hash): loading thousands of codes per case was most of the run time
        ValueSetLoader.load(ds, d.valueSets().values());
        List<VerificationReport.CaseResult> results = new ArrayList<>();
        for (Deck.Case c : deck.cases()) {
            String known = defects.reason(deck.measure(), c.patientId());
            try {
                results.add(new VerificationReport.CaseResult(c, run(ds, d, compiled, c), known, null));
            } catch (SQLException | RuntimeException e) {
                results.add(new VerificationReport.CaseResult(c, Map.of(), known,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new VerificationReport(d.id(), deck, List.copyOf(results));
    }

    private Map<String, Integer> run(DataSource ds, IndicatorDefinition d, CompiledIndicator compiled, Deck.Case c)
            throws SQLException {
        try (Connection con = ds.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                SingleConnectionDataSource single = new SingleConnectionDataSource(con, true);
                JdbcClient jdbc = JdbcClient.create(single);
                jdbc.sql("SET LOCAL TIME ZONE 'UTC'").update();
                // the nightly path (FHIR mappers → staging → normalise), this case's files only
                FhirCaseLoader loader = new FhirCaseLoader(single, RUN_ID);
                loader.load(c.dir());
                Long subject = loader.patientId(c.patientId());
                if (subject == null) {
                    throw new IllegalStateException("the case has no Patient/" + c.patientId());
                }
                // the report's end is inclusive, ours exclusive
                jdbc.sql(compiled.sql()).params(compiled.bindings(c.periodEnd().plusDays(1), RUN_ID, List.of(
                        new CompiledIndicator.Period("test-case", c.periodStart(), c.periodEnd().plusDays(1))))).update();
                Map<String, Object> row = jdbc.sql("""
                        SELECT initial_population, denominator, denominator_exclusion, denominator_exception, numerator,
                               numerator_exclusion
                        FROM qi.member WHERE run_id = :run AND indicator_id = :indicator AND subject_id = :subject""")
                        .param("run", RUN_ID).param("indicator", d.id()).param("subject", subject)
                        .query().listOfRows().stream().findFirst().orElse(Map.of());
                Map<String, Integer> actual = new LinkedHashMap<>();
                COLUMNS.forEach((code, column) -> actual.put(code, Boolean.TRUE.equals(row.get(column)) ? 1 : 0));
                return actual;
            } finally {
                con.rollback();
                con.setAutoCommit(autoCommit);
            }
        }
    }
}
