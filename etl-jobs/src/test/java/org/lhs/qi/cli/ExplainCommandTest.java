package org.lhs.qi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @Test
    void printsPlainLanguageThenTheCompiledSqlAndItsParameters() {
        CommandRunner r = CommandRunner.run(new ExplainCommand(), "diabetes-hba1c-poor-control",
                "--definitions", "../indicator-definitions");
        assertThat(r.exitCode()).isZero();
        String out = r.out();
        assertThat(out).startsWith("Diabetes: HbA1c poor control")
                .contains("target 15%, lower is better")
                .contains("Compiled SQL (all reporting periods in one statement):")
                .contains("INSERT INTO qi.member")
                .contains("  :indicator_id = diabetes-hba1c-poor-control");
        assertThat(out.indexOf("Initial population")).isLessThan(out.indexOf("INSERT INTO qi.member"));
    }

    @Test
    void aMedianTargetIsInTheObservationsUnit() {
        CommandRunner r = CommandRunner.run(new ExplainCommand(), "ed-length-of-stay-median",
                "--definitions", "../indicator-definitions");
        assertThat(r.exitCode()).isZero();
        // target: 180 in ed-length-of-stay-median.yaml, observed in minutes; no multiplier ("per ,")
        assertThat(r.out()).contains("target 180 minutes, lower is better").doesNotContain("per ,");
    }

    @Test
    void unknownIdIsAUsageErrorListingTheValidIds() {
        CommandRunner r = CommandRunner.run(new ExplainCommand(), "no-such", "--definitions", "../indicator-definitions");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no valid indicator 'no-such'").contains("falls-with-injury");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anInvalidDefinitionIsNeverCompiledButItsErrorsAreShown(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\nversion: '1'\ntitle: t\ndomain: quality\nscoring: proportion\n"
                + "basis: patient\nimprovement: up\npopulations: { initial-population: { patient: {} }, numerator: { patient: {} } }\n");
        CommandRunner r = CommandRunner.run(new ExplainCommand(), "bad", "--definitions", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_DEFINITIONS);
        assertThat(r.err()).contains("bad.yaml:7:14: error: invalid improvement 'up'");
        assertThat(r.out()).doesNotContain("INSERT");
    }
}
