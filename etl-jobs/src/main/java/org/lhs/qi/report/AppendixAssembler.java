package org.lhs.qi.report;

import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lhs.qi.report.ScorecardView.Appendix;
import org.lhs.qi.report.ScorecardView.DefinitionEntry;
import org.lhs.qi.report.ScorecardView.DqRow;

/**
 * Builds the scorecard's appendix and the cover's data-quality lines: the data-quality verdicts of the run
 * (failures and warnings first) and how each reported indicator is defined.
 */
final class AppendixAssembler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Check kind → the data-quality category people know (OHDSI / Kahn framework). */
    private static final Map<String, String> CATEGORY = Map.ofEntries(
            Map.entry("required-share", "completeness"),
            Map.entry("patients-with-encounter-share", "completeness"),
            Map.entry("code-system-conformance", "conformance"),
            Map.entry("unit-conformance", "conformance"),
            Map.entry("value-range", "plausibility"),
            Map.entry("temporal-order", "plausibility"),
            Map.entry("freshness", "freshness"),
            Map.entry("table-not-empty", "volume"),
            Map.entry("volume-change", "volume"),
            Map.entry("extract-not-empty", "volume"),
            Map.entry("extract-volume-change", "volume"));

    private static final String CONTINUOUS = "continuous-variable";

    private AppendixAssembler() {}

    /** The appendix of an audience ({@code ALL} sees every site, a site sees ALL and its own rows). */
    static Appendix assemble(LocalDate businessDate, String audience, List<DataQualityFinding> findings,
            List<DefinitionDetail> definitions, List<LocalDate> months) {
        List<DataQualityFinding> shown = findings.stream()
                .filter(f -> ScorecardRequest.ALL.equals(audience) || "ALL".equals(f.siteKey())
                        || audience.equals(f.siteKey()))
                .sorted(Comparator.comparingInt(AppendixAssembler::rank).thenComparing(DataQualityFinding::checkId)
                        .thenComparing(DataQualityFinding::table).thenComparing(f -> "ALL".equals(f.siteKey()) ? "" : f.siteKey()))
                .toList();
        List<DqRow> rows = new java.util.ArrayList<>(shown.stream().filter(f -> !f.passed()).map(f -> new DqRow(
                f.checkId(), category(f.kind()), f.severity(), f.table(), site(f.siteKey()), value(f.kind(), f.observed()),
                value(f.kind(), f.threshold()), outcome(f), outcomeCode(f), f.message())).toList());
        // passed checks: one line per check and table, the sites and the range of what was observed
        Map<String, List<DataQualityFinding>> passed = shown.stream().filter(DataQualityFinding::passed)
                .collect(java.util.stream.Collectors.groupingBy(f -> f.checkId() + "\u0000" + f.table(),
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        for (List<DataQualityFinding> group : passed.values()) {
            DataQualityFinding f = group.getFirst();
            long sites = group.stream().filter(g -> !"ALL".equals(g.siteKey())).count();
            boolean all = group.stream().anyMatch(g -> "ALL".equals(g.siteKey()));
            String one = group.stream().map(DataQualityFinding::siteKey).filter(k -> !"ALL".equals(k)).findFirst()
                    .orElse("");
            String where = (all ? "all" : "") + (all && sites > 0 ? " + " : "")
                    + (sites == 0 ? "" : sites == 1 ? one : sites + " sites");
            rows.add(new DqRow(f.checkId(), category(f.kind()), f.severity(), f.table(), where,
                    range(f.kind(), group), value(f.kind(), f.threshold()), "passed", "PASSED", ""));
        }
        String periods = months.isEmpty() ? "" : "12 calendar months, " + ScorecardAssembler.MONTH.format(months.getFirst())
                + " – " + ScorecardAssembler.MONTH.format(months.getLast()) + ", each computed separately for the monthly "
                + "chart, and the 12 months together for the equity and site comparisons";
        List<DefinitionEntry> entries = definitions.stream().map(d -> definition(d, periods)).toList();
        return new Appendix(status(findings), freshness(businessDate, findings), rows, entries);
    }

    /** "passed: all 84 checks", "2 warnings · 0 failed", "no data-quality checks recorded". */
    static String status(List<DataQualityFinding> findings) {
        if (findings.isEmpty()) {
            return "no data-quality checks recorded for this run";
        }
        long critical = findings.stream().filter(f -> !f.passed() && "critical".equals(f.severity())).count();
        long warnings = findings.stream().filter(f -> !f.passed() && !"critical".equals(f.severity())).count();
        if (critical == 0 && warnings == 0) {
            return "passed: all " + findings.size() + " checks";
        }
        return (critical > 0 ? critical + " critical failure" + (critical == 1 ? "" : "s") + " · " : "")
                + warnings + " warning" + (warnings == 1 ? "" : "s") + " · " + findings.size() + " checks (see appendix)";
    }

    /** "encounter data to 22 Nov 2026 · observation data to 20 Nov 2026", from the organisation-wide freshness checks. */
    static String freshness(LocalDate businessDate, List<DataQualityFinding> findings) {
        Map<String, Long> ageByTable = new java.util.TreeMap<>();
        for (DataQualityFinding f : findings) {
            if ("freshness".equals(f.kind()) && "ALL".equals(f.siteKey()) && f.observed() != null) {
                ageByTable.merge(f.table(), Math.round(f.observed()), Math::max);
            }
        }
        if (ageByTable.isEmpty()) {
            return "not checked";
        }
        return String.join(" · ", ageByTable.entrySet().stream()
                .map(e -> e.getKey() + " data to " + DAY.format(businessDate.minusDays(e.getValue()))).toList());
    }

    private static DefinitionEntry definition(DefinitionDetail d, String periods) {
        Improvement improvement = Improvement.of(d.improvement());
        String scoring;
        String target;
        if (CONTINUOUS.equals(d.scoring())) {
            ContinuousFormat format = new ContinuousFormat(new ContinuousIndicator(d.id(), d.title(), null, null,
                    Domain.OTHER, d.basis(), improvement, d.target(), d.aggregate(), d.observationUnit()));
            // one short line: the appendix cell is narrow; the interval method is in "How to read"
            scoring = "continuous variable: " + format.heading().toLowerCase(Locale.ROOT);
            target = format.target(d.target(), improvement);
        } else {
            RateFormat format = new RateFormat(Scoring.of(d.scoring()), d.multiplier(), d.exposure());
            scoring = switch (Scoring.of(d.scoring())) {
                case PROPORTION -> "proportion (numerator ÷ denominator)";
                case RATIO -> "ratio: events " + format.unit();
            };
            target = d.target() == null ? "none" : format.target(d.target(), improvement);
        }
        String file = d.sourceFile() == null ? "–" : Path.of(d.sourceFile()).getFileName().toString();
        return new DefinitionEntry(d.id(), d.title(), d.version(), d.contentHash(), scoring, d.basis(),
                improvement.label(), target, periods,
                d.valueSets().isEmpty() ? "none (criteria use coded fields only)" : String.join("; ", d.valueSets()),
                file, d.definitionText() == null || d.definitionText().isBlank()
                        ? "No plain-language rendering was stored for this definition." : d.definitionText().strip());
    }

    private static String site(String siteKey) {
        return "ALL".equals(siteKey) ? "all" : siteKey;
    }

    /** The observed value, or "low–high" when the sites differ. */
    private static String range(String kind, List<DataQualityFinding> group) {
        List<Double> observed = group.stream().map(DataQualityFinding::observed).filter(java.util.Objects::nonNull).toList();
        if (observed.isEmpty()) {
            return "–";
        }
        String low = value(kind, java.util.Collections.min(observed));
        String high = value(kind, java.util.Collections.max(observed));
        return low.equals(high) ? low : low + "–" + high;
    }

    private static int rank(DataQualityFinding f) {
        if (f.passed()) {
            return 3;
        }
        return switch (f.severity()) {
            case "critical" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    private static String category(String kind) {
        return kind == null ? "–" : CATEGORY.getOrDefault(kind, kind);
    }

    private static String outcome(DataQualityFinding f) {
        if (f.passed()) {
            return "passed";
        }
        return switch (f.severity()) {
            case "critical" -> "FAILED";
            case "warning" -> "warning";
            default -> "note";
        };
    }

    private static String outcomeCode(DataQualityFinding f) {
        return f.passed() ? "PASSED" : "critical".equals(f.severity()) ? "FAILED" : "WARNING";
    }

    /** Shares as percentages, freshness in days, row counts with their unit. */
    static String value(String kind, Double v) {
        if (v == null) {
            return "–";
        }
        DecimalFormatSymbols uk = DecimalFormatSymbols.getInstance(Locale.UK);
        return switch (kind == null ? "" : kind) {
            case "freshness" -> new DecimalFormat("#,##0", uk).format(v) + " d";
            // with the unit: a bare small number would read like a (forbidden) small patient count
            case "table-not-empty", "extract-not-empty" -> new DecimalFormat("#,##0", uk).format(v) + (v == 1 ? " row" : " rows");
            default -> new DecimalFormat("0.##", uk).format(v * 100) + "%";
        };
    }
}
