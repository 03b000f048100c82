package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.testcase.DefinitionTestRunner;
import org.lhs.qi.testcase.TestCaseResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Injection strings that a definition may legitimately carry (texts, codes, record values) run as bound values. */
class HostileDefinitionIT {

    private static final String EVIL = "x'); DROP TABLE qi.run; --";

    @Test
    void injectionStringsInTextsCodesAndRecordsAreStoredVerbatimAndDropNothing(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("valuesets"));
        Files.writeString(dir.resolve("valuesets/evil.csv"),
                "code_system,code,display\nICD-10-CM,\"" + EVIL.replace("\"", "\"\"") + "\",\"" + EVIL + "\"\n");
        Files.writeString(dir.resolve("evil.yaml"), """
                id: evil-texts
                version: "%1$s"
                title: "%1$s"
                description: "%1$s"
                steward: "%1$s"
                references: ["%1$s"]
                domain: quality
                scoring: proportion
                basis: patient
                improvement: increase
                value-sets: { evil: valuesets/evil.csv }
                populations:
                  initial-population: { patient: { age: { min: 18 } } }
                  numerator: { condition: { value-set: evil, before: period-end } }
                tests:
                  - name: "%1$s"
                    period: { start: 2025-01-01, end: 2026-01-01 }
                    records:
                      patient:
                        - { patient_id: "%1$s", birth_date: 1970-01-01, sex: female, race: white, ethnicity: unknown, zip: "%1$s" }
                      condition:
                        - { condition_id: "%1$s", patient_id: "%1$s", code_system: ICD-10-CM, code: "%1$s", onset_time: 2020-01-01T00:00:00Z }
                    expect: [{ subject: "%1$s", initial-population: 1, denominator: 1, numerator: 1 }]
                  - name: other code
                    period: { start: 2025-01-01, end: 2026-01-01 }
                    records:
                      patient:
                        - { patient_id: p2, birth_date: 1970-01-01, sex: male, race: white, ethnicity: unknown }
                      condition:
                        - { condition_id: c2, patient_id: p2, code_system: ICD-10-CM, code: E11.9, onset_time: 2020-01-01T00:00:00Z }
                    expect: [{ subject: p2, initial-population: 1, denominator: 1 }]
                """.formatted(EVIL));
        DefinitionSet set = DefinitionRepository.load(dir);
        assertThat(set.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        IndicatorDefinition d = set.find("evil-texts").orElseThrow();

        List<TestCaseResult> results = new DefinitionTestRunner().run(TestDatabase.dataSource(), d);

        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());
        assertThat(jdbc.sql("SELECT to_regclass('qi.run') IS NOT NULL").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM ehr.patient WHERE source_system = 'qi-test'").query(Long.class).single())
                .as("test cases roll back").isZero();
    }
}
