package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractDirectoryAndPolicyTest {

    @Test
    void canonicalFilesComeInDependencyOrderAndOthersAreLeftOut(@TempDir Path dir) throws Exception {
        for (String name : List.of("observation.csv", "notes.csv", "Patient.csv", "site.csv", "encounter.csv",
                "readme.txt", "survey_response.csv", "coverage.csv")) {
            Files.writeString(dir.resolve(name), "x\n");
        }
        assertThat(ExtractDirectory.canonicalFiles(dir)).map(p -> p.getFileName().toString())
                .containsExactly("site.csv", "Patient.csv", "coverage.csv", "encounter.csv", "observation.csv",
                        "survey_response.csv");
    }

    @Test
    void policyPassesAtOrBelowTheThresholdAndIgnoresSkippedFiles() {
        ErrorRatePolicy policy = new ErrorRatePolicy(0.05);
        assertThatCode(() -> policy.check(List.of(
                result("patient.csv", 100, 5, false),          // exactly 5%: allowed
                result("encounter.csv", 0, 0, false),
                result("observation.csv", 10, 9, true))))      // skipped: was judged when it was loaded
                .doesNotThrowAnyException();
    }

    @Test
    void policyNamesEveryFileAboveTheThresholdWithRatesReasonsAndWhereToLook() {
        ErrorRatePolicy policy = new ErrorRatePolicy(0.05);
        assertThatThrownBy(() -> policy.check(List.of(
                result("patient.csv", 100, 6, false),
                result("site.csv", 2, 0, false),
                result("condition.csv", 3, 1, false)), 42L))
                .isInstanceOf(ExtractRejectedException.class)
                .hasMessage("""
                        extract rejected, too many malformed rows:
                          patient.csv: 6 of 100 rows malformed (6.00% > 5.00% allowed); first reasons: line 2: sex: required value is missing
                          condition.csv: 1 of 3 rows malformed (33.33% > 5.00% allowed); first reasons: line 2: sex: required value is missing
                        see qi.quarantine run_id=42 for every rejected row with its line number and reason""");
        assertThatThrownBy(() -> policy.check(List.of(result("patient.csv", 10, 1, false))))
                .hasMessageEndingWith("see qi.quarantine extract_file_id in (7) for every rejected row with its line number and reason");
    }

    private static FileIngestResult result(String file, long read, long bad, boolean skipped) {
        return new FileIngestResult(file.replace(".csv", ""), file, 7, read, read - bad, bad, skipped,
                bad > 0 ? List.of("line 2: sex: required value is missing") : List.of());
    }
}
