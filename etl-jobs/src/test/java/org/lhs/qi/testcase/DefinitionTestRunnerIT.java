package org.lhs.qi.testcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.TestCase;
import org.springframework.jdbc.core.simple.JdbcClient;

class DefinitionTestRunnerIT {

    private final DataSource ds = TestDatabase.dataSource();
    private final DefinitionSet library = DefinitionRepository.load(Path.of("../indicator-definitions"));
    private final DefinitionTestRunner runner = new DefinitionTestRunner();

    @Test
    void everyStarterTestCasePassesAndLeavesNothingBehind() {
        assertThat(library.diagnostics()).isEmpty();
        int cases = 0;
        for (IndicatorDefinition d : library.indicators()) {
            List<TestCaseResult> results = runner.run(ds, d);
            results.forEach(System.out::println);
            assertThat(results).as(d.id()).hasSize(d.tests().size());
            assertThat(results).as(d.id()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
            cases += results.size();
        }
        assertThat(cases).isEqualTo(37); // every case of the starter library
        JdbcClient jdbc = JdbcClient.create(ds);
        assertThat(jdbc.sql("SELECT count(*) FROM ehr.patient WHERE source_system = 'qi-test'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM qi.member WHERE run_id = -1").query(Long.class).single()).isZero();
    }

    @Test
    void everyCriterionKindRunsAndMeetsItsFixtureExpectations() {
        Path base = Path.of("src/test/resources/definitions");
        var parsed = org.lhs.qi.definition.DefinitionParser.parse(base.resolve("valid/all-kinds.yaml"), base);
        assertThat(parsed.diagnostics()).isEmpty();
        List<TestCaseResult> results = runner.run(ds, parsed.definition());
        results.forEach(System.out::println);
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void aWrongExpectationFailsAndSaysWhatWasGot() {
        IndicatorDefinition dm = library.find("diabetes-hba1c-poor-control").orElseThrow();
        TestCase original = dm.tests().get(0);
        // claim that the 8.0 % patient is in the numerator
        List<TestCase.Expectation> wrong = new ArrayList<>();
        for (TestCase.Expectation x : original.expectations()) {
            Map<TestCase.Population, Boolean> flags = new EnumMap<>(x.flags());
            if (x.subject().equals("good")) {
                flags.put(TestCase.Population.NUMERATOR, true);
            }
            wrong.add(new TestCase.Expectation(x.subject(), flags, null, null));
        }
        TestCase mutated = new TestCase(original.name(), original.periodStart(), original.periodEnd(),
                original.records(), wrong);
        IndicatorDefinition d = withTests(dm, List.of(mutated));

        TestCaseResult r = runner.run(ds, d).get(0);
        assertThat(r.passed()).isFalse();
        TestCaseResult.SubjectOutcome good = r.subjects().stream().filter(s -> s.subject().equals("good")).findFirst()
                .orElseThrow();
        assertThat(good.passed()).isFalse();
        assertThat(good.expected()).containsExactly("initial-population", "denominator", "numerator");
        assertThat(good.actual()).containsExactly("initial-population", "denominator");
        assertThat(r.subjects()).filteredOn(s -> !s.subject().equals("good")).allMatch(TestCaseResult.SubjectOutcome::passed);
    }

    @Test
    void aBrokenReferenceIsAFailedCaseNotAnException() {
        IndicatorDefinition dm = library.find("diabetes-hba1c-poor-control").orElseThrow();
        TestCase tc = new TestCase("dangling", java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2026, 1, 1),
                Map.of("encounter", List.of(Map.of("encounter_id", "e1", "patient_id", "ghost", "class", "ambulatory",
                        "admit_time", "2025-03-01T00:00:00Z"))), List.of());
        TestCaseResult r = runner.run(ds, withTests(dm, List.of(tc))).get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.error()).contains("unknown patient_id 'ghost'");
    }

    private static IndicatorDefinition withTests(IndicatorDefinition d, List<TestCase> tests) {
        return new IndicatorDefinition(d.id(), d.version(), d.title(), d.description(), d.domain(), d.steward(),
                d.references(), d.target(), d.improvement(), d.scoring(), d.basis(), d.multiplier(), d.valueSets(),
                d.populations(), d.stratifiers(), tests, d.sourceFile(), d.contentHash());
    }
}
