package org.lhs.qi.testcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionParser;
import org.lhs.qi.definition.IndicatorDefinition;

/** earliest/latest with numeric and coded tests and value-in row filters, on PostgreSQL (hand-worked cases). */
class ObservationPicksIT {

    @Test
    void earliestLatestAndCodedValuesSelectTheRightSubjects() {
        Path base = Path.of("src/test/resources/definitions");
        DefinitionParser.Result r = DefinitionParser.parse(base.resolve("valid/observation-picks.yaml"), base);
        assertThat(r.diagnostics()).isEmpty();
        IndicatorDefinition d = r.definition();

        List<TestCaseResult> results = new DefinitionTestRunner().run(TestDatabase.dataSource(), d);

        assertThat(results).hasSize(2).allSatisfy(x -> assertThat(x.passed()).as(x.toString()).isTrue());
        assertThat(results.get(0).subjects().getFirst().actual())
                .containsExactly("initial-population", "denominator", "numerator");
        assertThat(results.get(1).subjects()).extracting(s -> s.actual().toString())
                .containsExactly("[initial-population]", "[]");
    }
}
