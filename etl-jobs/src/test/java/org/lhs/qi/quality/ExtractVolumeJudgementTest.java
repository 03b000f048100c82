package org.lhs.qi.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.quality.ExtractVolumes.Delivered;
import org.lhs.qi.quality.ExtractVolumes.ExtractRun;
import org.lhs.qi.quality.ExtractVolumes.Snapshot;

/**
 * The plain-Java verdicts of the extract volume checks. The previous full extract (run 7, 2026-11-22) delivered
 * encounter.csv with 60 rows: 40 at site A, 20 at site B; and observation.csv with 100 rows (no site column).
 */
class ExtractVolumeJudgementTest {

    static final ExtractRun PREVIOUS = new ExtractRun(7, LocalDate.of(2026, 11, 22), ExtractMode.FULL, "no deletion rows");

    static Snapshot snapshot(Object... tableSiteRows) {
        Map<String, Map<String, Delivered>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < tableSiteRows.length; i += 3) {
            String table = (String) tableSiteRows[i];
            byTable.computeIfAbsent(table, t -> new LinkedHashMap<>())
                    .put((String) tableSiteRows[i + 1], new Delivered(table + ".csv", ((Number) tableSiteRows[i + 2]).longValue()));
        }
        return new Snapshot(byTable);
    }

    static final Snapshot BEFORE = snapshot("encounter", "ALL", 60, "encounter", "A", 40, "encounter", "B", 20,
            "observation", "ALL", 100);

    @Test
    void aHeaderOnlyFileFailsForTheTableAndEverySiteAndNamesTheFile() {
        ExtractNotEmptyCheck c = (ExtractNotEmptyCheck) DataQualityCheck.of(CheckJudgementTest.check(
                "{id: delivered, description: d, kind: extract-not-empty, severity: critical, per-site: true}"));
        assertEquals(1.0, c.definition().threshold(), "default: at least one row");
        // tonight encounter.csv holds only its header; observation.csv 100 rows again
        List<CheckOutcome> out = c.judge(snapshot("encounter", "ALL", 0, "observation", "ALL", 100), BEFORE, PREVIOUS);
        assertEquals(List.of("encounter/ALL/failed", "encounter/A/failed", "encounter/B/failed", "observation/ALL/passed"),
                out.stream().map(o -> o.tableName() + "/" + o.siteKey() + "/" + o.outcome()).toList());
        CheckOutcome all = out.getFirst();
        assertTrue(all.blocksRun());
        assertEquals(0.0, all.observed());
        assertEquals("encounter.csv delivered 0 rows (empty or header only); the previous full extract (run 7,"
                + " 2026-11-22) delivered 60 row(s) in encounter.csv", all.message());
        assertThat(out.get(2).message()).endsWith("delivered 20 row(s) for site B in encounter.csv");
    }

    @Test
    void aMissingFileFailsNamingTheExpectedFile() {
        ExtractNotEmptyCheck c = (ExtractNotEmptyCheck) DataQualityCheck.of(CheckJudgementTest.check(
                "{id: delivered, description: d, kind: extract-not-empty, table: encounter, severity: critical}"));
        List<CheckOutcome> out = c.judge(snapshot("observation", "ALL", 100), BEFORE, PREVIOUS);
        assertEquals(1, out.size(), "one table named, not per site");
        assertFalse(out.getFirst().passed());
        assertEquals("no encounter file in tonight's extract (expected encounter.csv); the previous full extract"
                + " (run 7, 2026-11-22) delivered 60 row(s) in encounter.csv", out.getFirst().message());
    }

    @Test
    void aSiteThatStoppedSendingFailsOnlyThere() {
        ExtractNotEmptyCheck c = (ExtractNotEmptyCheck) DataQualityCheck.of(CheckJudgementTest.check(
                "{id: delivered, description: d, kind: extract-not-empty, table: encounter, severity: critical,"
                        + " per-site: true}"));
        // 41 rows tonight, all at A: B delivered nothing
        List<CheckOutcome> out = c.judge(snapshot("encounter", "ALL", 41, "encounter", "A", 41), BEFORE, PREVIOUS);
        assertEquals(List.of("ALL/passed", "A/passed", "B/failed"),
                out.stream().map(o -> o.siteKey() + "/" + o.outcome()).toList());
        assertEquals("encounter.csv delivered 0 row(s) for site B (at least 1 required); the previous full extract"
                + " (run 7, 2026-11-22) delivered 20 row(s) for site B in encounter.csv", out.get(2).message());
    }

    @Test
    void volumeChangeIsJudgedPerTableAndSiteAgainstThePreviousExtractOfTheSameMode() {
        ExtractVolumeChangeCheck c = (ExtractVolumeChangeCheck) DataQualityCheck.of(CheckJudgementTest.check(
                "{id: extract-volume, description: d, kind: extract-volume-change, threshold: 0.3, severity: critical,"
                        + " per-site: true}"));
        assertEquals(ExtractMode.FULL, c.definition().extractMode(), "full extracts by default");
        // tonight: encounter 50 = A 40 + B 10; observation 150
        List<CheckOutcome> out = c.judge(snapshot("encounter", "ALL", 50, "encounter", "A", 40, "encounter", "B", 10,
                "observation", "ALL", 150), BEFORE, PREVIOUS);
        assertEquals(List.of("encounter/ALL/passed", "encounter/A/passed", "encounter/B/failed", "observation/ALL/failed"),
                out.stream().map(o -> o.tableName() + "/" + o.siteKey() + "/" + o.outcome()).toList());
        // ALL |50 − 60| / 60 = 16.67 % ≤ 30 %; A 0 %; B |10 − 20| / 20 = 50 %; observation |150 − 100| / 100 = 50 %
        assertEquals(10.0 / 60, out.get(0).observed(), 1e-12);
        assertEquals(0.0, out.get(1).observed(), 1e-12);
        assertEquals(0.5, out.get(2).observed(), 1e-12);
        assertEquals("encounter.csv delivered 10 row(s) for site B against 20 in the previous full extract (run 7,"
                + " 2026-11-22): down 50.00% (at most 30.00% change allowed)", out.get(2).message());
        assertThat(out.get(3).message()).contains("up 50.00%");
    }

    @Test
    void aSiteOrTableWithoutPreviousRowsIsNotApplicable() {
        ExtractVolumeChangeCheck c = (ExtractVolumeChangeCheck) DataQualityCheck.of(CheckJudgementTest.check(
                "{id: v, description: d, kind: extract-volume-change, table: encounter, threshold: 0.3,"
                        + " severity: critical, per-site: true}"));
        List<CheckOutcome> out = c.judge(snapshot("encounter", "ALL", 65, "encounter", "A", 40, "encounter", "B", 20,
                "encounter", "C", 5), BEFORE, PREVIOUS);
        CheckOutcome newSite = out.getLast();
        assertEquals("C", newSite.siteKey());
        assertTrue(newSite.notApplicable());
        assertTrue(newSite.passed());
        assertNull(newSite.observed());
        assertEquals("not-applicable", newSite.outcome());
    }

    @Test
    void extractModeIsParsedAndABadOneIsPositioned() {
        assertEquals(ExtractMode.INCREMENTAL, CheckJudgementTest.check("{id: v, description: d, kind:"
                + " extract-volume-change, extract-mode: incremental, threshold: 0.9, severity: warning}").extractMode());
        CheckParser.Result bad = CheckParser.parse(Path.of("t.yaml"), """
                checks:
                  - id: v
                    description: d
                    kind: extract-volume-change
                    extract-mode: daily
                    threshold: 0.9
                    severity: warning
                """);
        assertEquals("t.yaml:5:19: error: unknown extract-mode 'daily', expected one of full, incremental",
                bad.diagnostics().getFirst().toString());
        CheckParser.Result notForNotEmpty = CheckParser.parse(Path.of("t.yaml"),
                "checks:\n  - {id: e, description: d, kind: extract-not-empty, extract-mode: full, severity: critical}\n");
        assertThat(notForNotEmpty.diagnostics().getFirst().message()).startsWith("unknown key 'extract-mode'");
    }

    @Test
    void theExtractFolderMayDeclareItsMode(@TempDir Path dir) throws Exception {
        assertEquals(java.util.Optional.empty(), ExtractVolumes.declared(dir));
        Files.writeString(dir.resolve("extract.properties"), "# nightly changes\nmode = Incremental\n");
        assertEquals(java.util.Optional.of(ExtractMode.INCREMENTAL), ExtractVolumes.declared(dir));
        Files.writeString(dir.resolve("extract.properties"), "mode=weekly\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExtractVolumes.declared(dir));
        assertThat(e.getMessage()).endsWith("extract.properties: mode 'weekly' must be one of full, incremental");
    }
}
