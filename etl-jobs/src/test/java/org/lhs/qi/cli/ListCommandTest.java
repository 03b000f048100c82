package org.lhs.qi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @Test
    void listsEveryStarterDefinitionWithItsMetadata() {
        CommandRunner r = CommandRunner.run(new ListCommand(), "--definitions", "../indicator-definitions");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("VERSION", "DOMAIN", "SCORING", "BASIS", "TITLE");
        assertThat(r.out()).containsPattern("falls-with-injury +1\\.0\\.0 +safety +ratio +encounter +Inpatient falls with injury per 1,000 patient-days")
                .containsPattern("diabetes-hba1c-poor-control +\\S+ +quality +proportion +patient +Diabetes");
    }

    @Test
    void invalidDefinitionsAreNotListedAndTheExitCodeSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nversion: [\n");
        CommandRunner r = CommandRunner.run(new ListCommand(), "--definitions", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_DEFINITIONS);
        assertThat(r.out()).doesNotContain("broken");
        assertThat(r.err()).contains("qi validate");
    }
}
