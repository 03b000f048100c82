package org.lhs.qi.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckParserTest {

    static final Path FILE = Path.of("checks.yaml");

    @Test
    void validFileGivesTypedChecks() {
        CheckParser.Result r = CheckParser.parse(FILE, """
                checks:
                  - id: hba1c-value-present
                    description: HbA1c results carry a value
                    kind: required-share
                    table: observation
                    column: value_num
                    codes: [4548-4, 17856-6]
                    threshold: 0.9
                    severity: critical
                    per-site: true
                  - id: obs-not-empty
                    description: rows
                    kind: table-not-empty
                    table: observation
                    severity: warning
                  - id: death
                    description: no encounters long after death
                    kind: temporal-order
                    rule: no-event-after-death
                    table: encounter
                    grace-days: 30
                    threshold: 0
                    severity: info
                """);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertEquals(3, r.checks().size());
        CheckDefinition a = r.checks().get(0);
        assertEquals(CheckKind.REQUIRED_SHARE, a.kind());
        assertEquals(DqTable.OBSERVATION, a.table());
        assertEquals("value_num", a.column());
        assertEquals(List.of("4548-4", "17856-6"), a.codes());
        assertEquals(0.9, a.threshold());
        assertEquals(CheckSeverity.CRITICAL, a.severity());
        assertTrue(a.perSite());
        assertEquals(2, a.line());
        CheckDefinition b = r.checks().get(1);
        assertEquals(1.0, b.threshold(), "table-not-empty defaults to at least one row");
        assertFalse(b.perSite());
        CheckDefinition c = r.checks().get(2);
        assertEquals(TemporalRule.NO_EVENT_AFTER_DEATH, c.rule());
        assertEquals(30, c.graceDays());
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() {
        CheckParser.Result r = CheckParser.parse(FILE, """
                checks:
                  - id: a
                    description: x
                    kind: required-shares
                    threshold: 0.9
                    severity: critical
                  - id: b
                    description: x
                    kind: required-share
                    table: patients
                    column: value_num
                    threshold: 0.9
                    severity: fatal
                  - id: c
                    description: x
                    kind: required-share
                    table: observation
                    column: "value_num; DROP TABLE ehr.patient"
                    threshold: 1.5
                    severity: warning
                  - id: d
                    description: x
                    kind: value-range
                    codes: ["4548-4'); DELETE FROM qi.result; --"]
                    min: 3
                    sql: true
                    threshold: 0.1
                    severity: warning
                """);
        assertTrue(r.hasErrors());
        assertThat(r.checks()).isEmpty();
        List<String> found = r.diagnostics().stream().map(CheckDiagnostic::toString).toList();
        assertThat(found).contains(
                "checks.yaml:4:11: error: unknown kind 'required-shares', expected one of required-share, "
                        + "patients-with-encounter-share, code-system-conformance, unit-conformance, value-range, "
                        + "temporal-order, freshness, volume-change, table-not-empty, extract-not-empty, extract-volume-change",
                "checks.yaml:13:15: error: severity 'fatal' must be one of info, warning, critical");
        assertThat(found).anyMatch(s -> s.startsWith("checks.yaml:10:12: error: unknown table 'patients'"));
        assertThat(found).anyMatch(s -> s.startsWith("checks.yaml:18:13: error: unknown column 'value_num; DROP"));
        assertThat(found).anyMatch(s -> s.startsWith("checks.yaml:19:16: error: threshold of required-share is a share"));
        assertThat(found).anyMatch(s -> s.startsWith("checks.yaml:24:13: error: 'codes' value"));
        assertThat(found).anyMatch(s -> s.startsWith("checks.yaml:26:5: error: unknown key 'sql' for kind value-range"));
    }

    @Test
    void missingKeysAreReportedAtTheCheck() {
        CheckParser.Result r = CheckParser.parse(FILE, """
                checks:
                  - id: e
                    kind: freshness
                    severity: critical
                """);
        assertThat(r.diagnostics().stream().map(CheckDiagnostic::toString)).containsExactlyInAnyOrder(
                "checks.yaml:2:5: error: missing key 'description' for kind freshness",
                "checks.yaml:2:5: error: missing key 'threshold' for kind freshness",
                "checks.yaml:2:5: error: missing key 'table' for kind freshness");
    }

    @Test
    void kindsRejectTablesTheyCannotUse() {
        CheckParser.Result r = CheckParser.parse(FILE, """
                checks:
                  - {id: f, description: x, kind: freshness, table: patient, threshold: 3, severity: info}
                  - {id: g, description: x, kind: code-system-conformance, table: encounter, threshold: 0, severity: info}
                  - {id: h, description: x, kind: temporal-order, rule: discharge-after-admission, table: observation,
                     threshold: 0, severity: info}
                  - {id: i, description: x, kind: value-range, codes: [x], min: 5, max: 1, threshold: 0, severity: info}
                  - {id: j, description: x, kind: table-not-empty, table: site, severity: info}
                  - {id: j, description: x, kind: table-not-empty, table: site, severity: info}
                """);
        assertThat(r.diagnostics().stream().map(CheckDiagnostic::toString)).containsExactly(
                "checks.yaml:2:53: error: table patient has no event time",
                "checks.yaml:3:67: error: table encounter has no code_system column",
                "checks.yaml:4:91: error: rule discharge-after-admission applies to table encounter only",
                "checks.yaml:6:65: error: min 5.0 is greater than max 1.0",
                "checks.yaml:8:5: error: duplicate check id 'j'");
    }

    @Test
    void malformedYamlIsPositioned() {
        CheckParser.Result r = CheckParser.parse(FILE, "checks:\n  - id: a\n    kind: [unclosed\n");
        assertEquals(1, r.diagnostics().size());
        assertThat(r.diagnostics().get(0).toString()).startsWith("checks.yaml:4:1: error: YAML syntax");
    }

    @Test
    void shippedChecksAreValidAndCoverEveryKind() {
        CheckParser.Result r = CheckParser.parseDirectory(Path.of("../indicator-definitions/data-quality"));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertThat(r.checks().stream().map(CheckDefinition::kind).distinct()).containsExactlyInAnyOrder(CheckKind.values());
        assertThat(r.checks()).anyMatch(c -> c.severity() == CheckSeverity.CRITICAL);
    }

    @Test
    void missingFolderIsAnError() {
        CheckParser.Result r = CheckParser.parseDirectory(Path.of("no-such-folder"));
        assertThat(r.diagnostics().get(0).message()).contains("does not exist");
    }
}
