package org.lhs.qi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;

class TestCommandIT {

    private static TestCommand command() {
        TestCommand c = new TestCommand();
        c.dataSource = TestDatabase.dataSource();
        return c;
    }

    @Test
    void runsTheCasesOfTheGivenIndicatorAndPrintsExpectedAndGotPerSubject() {
        CommandRunner r = CommandRunner.run(command(), "diabetes-hba1c-poor-control", "--definitions", "../indicator-definitions");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS diabetes-hba1c-poor-control / ")
                .containsPattern("ok +\\S+: expected \\[initial-population, denominator, numerator\\] got \\[initial-population, denominator, numerator\\]")
                .doesNotContain("falls-with-injury")
                .containsPattern("\\d+ test case\\(s\\) of 1 indicator\\(s\\): \\d+ passed, 0 failed");
    }

    @Test
    void aWrongExpectationFailsWithExpectedVersusGotAndANonZeroExit(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("valuesets"));
        Files.writeString(dir.resolve("valuesets/dm.csv"), "code_system,code,display\nICD-10-CM,E11.9,dm\n");
        Files.writeString(dir.resolve("adults.yaml"), """
                id: adults-with-diabetes
                version: "1"
                title: Adults with diabetes
                domain: quality
                scoring: proportion
                basis: patient
                improvement: increase
                value-sets: { dm: valuesets/dm.csv }
                populations:
                  initial-population: { patient: { age: { min: 18 } } }
                  numerator: { condition: { value-set: dm, before: period-end } }
                tests:
                  - name: right
                    period: { start: 2025-01-01, end: 2026-01-01 }
                    records:
                      patient: [{ patient_id: a, birth_date: 1970-01-01, sex: male, race: white, ethnicity: unknown }]
                    expect: [{ subject: a, initial-population: 1, denominator: 1 }]
                  - name: wrong
                    period: { start: 2025-01-01, end: 2026-01-01 }
                    records:
                      patient: [{ patient_id: b, birth_date: 1970-01-01, sex: male, race: white, ethnicity: unknown }]
                    expect: [{ subject: b, initial-population: 1, denominator: 1, numerator: 1 }]
                """);
        CommandRunner r = CommandRunner.run(command(), "--definitions", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(r.out()).contains("PASS adults-with-diabetes / right")
                .contains("FAIL adults-with-diabetes / wrong")
                .contains("FAIL b: expected [initial-population, denominator, numerator] got [initial-population, denominator]")
                .contains("2 test case(s) of 1 indicator(s): 1 passed, 1 failed");
    }

    @Test
    void unknownIdRunsNothing() {
        CommandRunner r = CommandRunner.run(command(), "nope", "--definitions", "../indicator-definitions");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
    }
}
