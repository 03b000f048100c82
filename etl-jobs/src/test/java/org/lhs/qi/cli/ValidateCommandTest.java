package org.lhs.qi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code qi validate} as an analyst runs it: every error as file:line:col, a non-zero exit. */
class ValidateCommandTest {

    @Test
    void aDefinitionWithThreeMistakesGetsThreePositionedErrorsAndExitCodeThree(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("definitions"));
        Files.createDirectories(dir.resolve("valuesets"));
        Path fixtures = Path.of("src/test/resources/definitions");
        Files.copy(fixtures.resolve("invalid/three-errors.yaml"), dir.resolve("definitions/three-errors.yaml"));
        try (var csvs = Files.list(Path.of("../indicator-definitions/valuesets"))) {
            for (Path csv : csvs.toList()) {
                Files.copy(csv, dir.resolve("valuesets").resolve(csv.getFileName()));
            }
        }
        Run run = run("validate", "--definitions", dir.toString());

        assertEquals(ExitCodes.INVALID_DEFINITIONS, run.exitCode());
        String file = dir.resolve("definitions/three-errors.yaml").toString();
        assertThat(run.stderr().lines().filter(l -> l.startsWith(file + ":") && l.contains(": error: ")).toList())
                .hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith(file + ":8:9: error: target must be a number"))
                .anySatisfy(l -> assertThat(l).startsWith(file + ":14:29: error: unknown value set 'diabetis'"))
                .anySatisfy(l -> assertThat(l).startsWith(file + ":17:7: error: unknown key 'value-sett'"));
        assertThat(run.stderr()).contains("3 error(s)").doesNotContain("Exception");
    }

    @Test
    void theStarterLibraryIsValid() {
        Run run = run("validate", "--definitions", "../indicator-definitions");
        assertEquals(ExitCodes.OK, run.exitCode(), run.stderr());
        assertThat(run.stdout()).contains("indicator(s) valid");
    }

    @Test
    void aBrokenCriterionNoDefinitionUsesYetIsReportedInItsLibraryFile(@TempDir Path dir) throws Exception {
        Path fixtures = Path.of("src/test/resources/definitions");
        Files.createDirectories(dir.resolve("definitions"));
        Files.createDirectories(dir.resolve("library"));
        Files.createDirectories(dir.resolve("valuesets"));
        Files.copy(fixtures.resolve("valuesets/dialysis.csv"), dir.resolve("valuesets/dialysis.csv"));
        // uses on-dialysis only; 'broken' (unknown value set) is used by nobody, 'same-stay-dialysis' is encounter-only
        Files.writeString(dir.resolve("definitions/user.yaml"), """
                id: user
                version: "1"
                title: Uses one library criterion
                domain: quality
                scoring: proportion
                basis: patient
                improvement: increase
                populations:
                  initial-population: { patient: { age: { min: 18 } } }
                  numerator: { ref: library/shared#on-dialysis }
                """);
        Files.writeString(dir.resolve("library/shared.yaml"), """
                description: one good, one wrong everywhere, one right for encounters only
                value-sets:
                  dialysis: valuesets/dialysis.csv
                criteria:
                  on-dialysis:
                    procedure: { value-set: dialysis, during: period }
                  broken:
                    condition: { value-set: nope }
                  same-stay-dialysis:
                    procedure: { value-set: dialysis, same-encounter: true }
                """);

        Run run = run("validate", "--definitions", dir.toString());

        assertEquals(ExitCodes.INVALID_DEFINITIONS, run.exitCode(), run.stderr());
        String library = dir.resolve("library/shared.yaml").toString();
        assertThat(run.stderr().lines().filter(l -> l.contains(": error: ")).toList())
                .singleElement().satisfies(l -> assertThat(l).startsWith(library + ":8:29: error: unknown value set 'nope'"));
        assertThat(run.stderr()).contains("1 error(s)");
    }

    record Run(int exitCode, String stdout, String stderr) {}

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new QiMain()).execute(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
