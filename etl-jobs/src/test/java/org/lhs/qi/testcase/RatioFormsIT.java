package org.lhs.qi.testcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionParser;

/** Both ratio forms compile and run on PostgreSQL: two populations (HL7 IGRatio shape) and events per device-days. */
class RatioFormsIT {

    @ParameterizedTest
    @ValueSource(strings = {"valid/ratio-two-populations.yaml", "valid/ratio-device-days.yaml"})
    void handWorkedCasesPass(String file) {
        Path base = Path.of("src/test/resources/definitions");
        DefinitionParser.Result r = DefinitionParser.parse(base.resolve(file), base);
        assertThat(r.diagnostics()).isEmpty();
        List<TestCaseResult> results = new DefinitionTestRunner().run(TestDatabase.dataSource(), r.definition());
        results.forEach(System.out::println);
        assertThat(results).hasSize(2).allSatisfy(x -> assertThat(x.passed()).as(x.toString()).isTrue());
    }
}
