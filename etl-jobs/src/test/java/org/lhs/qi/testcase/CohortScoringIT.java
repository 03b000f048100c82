package org.lhs.qi.testcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionParser;

/** Cohort scoring compiles and counts only the initial population, on PostgreSQL (hand-worked cases). */
class CohortScoringIT {

    @Test
    void cohortMembersAreTheInitialPopulation() {
        Path base = Path.of("src/test/resources/definitions");
        DefinitionParser.Result r = DefinitionParser.parse(base.resolve("valid/cohort.yaml"), base);
        assertThat(r.diagnostics()).isEmpty();

        List<TestCaseResult> results = new DefinitionTestRunner().run(TestDatabase.dataSource(), r.definition());

        assertThat(results).hasSize(2).allSatisfy(x -> assertThat(x.passed()).as(x.toString()).isTrue());
        assertThat(results.get(0).subjects().getFirst().actual()).containsExactly("initial-population", "denominator");
    }
}
