package org.lhs.qi.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-Java verdicts of every check kind, and that values never reach the SQL text. */
class CheckJudgementTest {

    static CheckDefinition check(String yaml) {
        CheckParser.Result r = CheckParser.parse(java.nio.file.Path.of("t.yaml"), "checks:\n  - " + yaml);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        return r.checks().get(0);
    }

    @Test
    void requiredShareMeasuresTheGoodShareAndPassesAtOrAboveTheThreshold() {
        RowShareCheck c = (RowShareCheck) DataQualityCheck.of(check("{id: a, description: d, kind: required-share,"
                + " table: observation, column: value_num, codes: [4548-4], threshold: 0.9, severity: critical}"));
        // 18 of 20 have a value = 90 % → passes exactly at the threshold
        CheckOutcome ok = c.judge(new Tally("A", 20, 2, List.of("O1", "O2")));
        assertTrue(ok.passed());
        assertEquals(0.9, ok.observed(), 1e-12);
        // 17 of 20 = 85 % → fails, with the offending ids
        CheckOutcome bad = c.judge(new Tally("A", 20, 3, List.of("O1", "O2", "O3")));
        assertFalse(bad.passed());
        assertTrue(bad.blocksRun());
        assertEquals("85.00% of 20 rows are fine (at least 90.00% required); 3 without value_num (codes 4548-4)",
                bad.message());
        assertEquals(List.of("O1", "O2", "O3"), bad.sampleSourceIds());
        // nothing to check is not a failure
        CheckOutcome none = c.judge(new Tally("B", 0, 0, List.of()));
        assertTrue(none.passed());
        assertNull(none.observed());
    }

    @Test
    void offendingShareKindsPassAtOrBelowTheThreshold() {
        RowShareCheck c = (RowShareCheck) DataQualityCheck.of(check("{id: r, description: d, kind: value-range,"
                + " codes: [4548-4], min: 3, max: 20, threshold: 0.1, severity: warning}"));
        CheckOutcome ok = c.judge(new Tally("ALL", 10, 1, List.of("O9")));
        assertTrue(ok.passed());
        assertEquals(0.1, ok.observed(), 1e-12);
        CheckOutcome bad = c.judge(new Tally("ALL", 10, 2, List.of("O8", "O9")));
        assertFalse(bad.passed());
        assertFalse(bad.blocksRun(), "a warning never stops the run");
        assertEquals("2 of 10 rows (20.00%) are outside [3, 20] (codes 4548-4) (at most 10.00% allowed)", bad.message());
    }

    @Test
    void valuesTravelAsBindParametersNeverInTheSql() {
        ValueRangeCheck c = (ValueRangeCheck) DataQualityCheck.of(check("{id: r, description: d, kind: value-range,"
                + " codes: [4548-4], min: 3.5, threshold: 0.1, severity: warning, per-site: true}"));
        assertThat(c.sql()).contains("t.value_num < :min").contains("t.code = ANY(:codes)")
                .doesNotContain("4548-4").doesNotContain("3.5").doesNotContain(":max")
                .contains("GROUPING SETS ((site_key), ())");
        assertEquals(new java.math.BigDecimal("3.5"), c.parameters().get("min"));
        UnitConformanceCheck u = (UnitConformanceCheck) DataQualityCheck.of(check("{id: u, description: d,"
                + " kind: unit-conformance, codes: [4548-4], unit: '%', threshold: 0, severity: critical}"));
        assertThat(u.sql()).contains("t.unit IS DISTINCT FROM :unit").doesNotContain("'%'").doesNotContain("GROUPING");
        assertEquals("%", u.parameters().get("unit"));
    }

    @Test
    void freshnessCountsDaysToTheBusinessDate() {
        FreshnessCheck c = (FreshnessCheck) DataQualityCheck.of(check("{id: f, description: d, kind: freshness,"
                + " table: encounter, threshold: 31, severity: critical}"));
        LocalDate business = LocalDate.of(2026, 11, 23);
        CheckOutcome ok = c.judge("ALL", 5, LocalDate.of(2026, 10, 23), business);
        assertTrue(ok.passed());
        assertEquals(31.0, ok.observed());
        CheckOutcome stale = c.judge("ALL", 5, LocalDate.of(2026, 10, 22), business);
        assertFalse(stale.passed());
        assertEquals("latest event 2026-10-22 is 32 day(s) before the business date (at most 31 allowed)",
                stale.message());
        assertFalse(c.judge("ALL", 0, null, business).passed(), "no events at all is stale");
    }

    @Test
    void volumeChangeComparesWithThePreviousRun() {
        assertEquals(0.5, VolumeChangeCheck.relativeChange(150, 100L), 1e-12);
        assertEquals(1.0, VolumeChangeCheck.relativeChange(0, 100L), 1e-12);
        assertNull(VolumeChangeCheck.relativeChange(10, null));
        assertNull(VolumeChangeCheck.relativeChange(10, 0L));
        VolumeChangeCheck c = (VolumeChangeCheck) DataQualityCheck.of(check("{id: v, description: d,"
                + " kind: volume-change, table: patient, threshold: 0.2, severity: critical, per-site: true}"));
        assertTrue(c.judge("A", 120, 100L, 7L).passed());
        CheckOutcome drop = c.judge("B", 70, 100L, 7L);
        assertFalse(drop.passed());
        assertEquals("70 row(s), 100 in run 7: down 30.00% (at most 20.00% change allowed)", drop.message());
        CheckOutcome first = c.judge("ALL", 70, null, null);
        assertTrue(first.passed());
        assertThat(first.message()).contains("no earlier completed run");
    }

    @Test
    void tableNotEmptyNeedsTheMinimumRows() {
        TableNotEmptyCheck c = (TableNotEmptyCheck) DataQualityCheck.of(check("{id: t, description: d,"
                + " kind: table-not-empty, table: observation, severity: critical}"));
        assertTrue(c.judge("ALL", 1).passed());
        CheckOutcome empty = c.judge("ALL", 0);
        assertFalse(empty.passed());
        assertEquals("0 row(s) in observation (at least 1 required)", empty.message());
    }

    @Test
    void failureMessageNamesCheckTableSiteAndOffendingRows() {
        RowShareCheck c = (RowShareCheck) DataQualityCheck.of(check("{id: hba1c-value-present, description: d,"
                + " kind: required-share, table: observation, column: value_num, threshold: 0.9, severity: critical}"));
        CheckOutcome bad = c.judge(new Tally("A", 4, 4, List.of("O1", "O2", "O3", "O4")));
        CheckOutcome fine = c.judge(new Tally("B", 4, 0, List.of()));
        GateResult result = new GateResult(42, LocalDate.of(2026, 11, 23), List.of(
                bad.withLocations(List.of("observation.csv:2", "observation.csv:3", "", "observation.csv:9")), fine));
        assertTrue(result.criticalFailed());
        assertEquals(1, result.blocking().size());
        // observed 0 % (0 of 4 fine) against the threshold ≥ 90 %; O3 was not found in tonight's files
        assertEquals("""
                data-quality gate failed for 2026-11-23: 1 critical finding(s) in check(s) hba1c-value-present; \
                nothing was computed or published (run 42, all findings in qi.dq_result)
                  - check hba1c-value-present (required-share, t.yaml:2) table observation, site A: observed 0.00%, \
                threshold ≥ 90.00%
                      0.00% of 4 rows are fine (at least 90.00% required); 4 without value_num
                      first offending rows: O1 (observation.csv:2), O2 (observation.csv:3), O3, O4 (observation.csv:9)
                How to proceed: fix the extract and run `qi run --date 2026-11-23` again (it restarts the failed run \
                with the corrected files). If the change is real (e.g. a site closed), acknowledge it in the check \
                file named above: raise the threshold or set severity to warning; the next run then compares with \
                tonight's extract.""", result.failureMessage());
        assertFalse(new GateResult(1, List.of(fine)).criticalFailed());
    }
}
