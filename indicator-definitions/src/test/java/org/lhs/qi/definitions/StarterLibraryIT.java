package org.lhs.qi.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.DefinitionSet;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.testcase.DefinitionTestRunner;
import org.lhs.qi.testcase.TestCaseResult;

/** Every definition of this library validates cleanly and passes its own test cases on PostgreSQL. */
class StarterLibraryIT {

    @Test
    void everyDefinitionValidatesAndPassesItsTestCases() {
        // Maven runs the tests with the module directory (indicator-definitions/) as working directory
        DefinitionSet library = DefinitionRepository.load(Path.of("").toAbsolutePath());
        assertThat(library.diagnostics()).isEmpty();
        assertThat(library.indicators()).isNotEmpty();
        DefinitionTestRunner runner = new DefinitionTestRunner();
        for (IndicatorDefinition d : library.indicators()) {
            assertThat(d.tests()).as(d.id() + " test cases").hasSizeGreaterThanOrEqualTo(2);
            List<TestCaseResult> results = runner.run(TestDatabase.dataSource(), d);
            results.forEach(System.out::println);
            assertThat(results).as(d.id()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        }
    }
}
