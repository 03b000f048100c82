package org.lhs.qi.verify;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The outcome of a deck: one line per case, and the table of mismatches. */
public record VerificationReport(String indicatorId, Deck deck, List<CaseResult> results) {

    /** One case: expected and actual count per population code, and the known-defect reason if listed. */
    public record CaseResult(Deck.Case testCase, Map<String, Integer> actual, String knownDefect, String error) {
        /** True when every expected population matches. */
        public boolean matches() {
            return error == null && testCase.expected().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(actual.getOrDefault(e.getKey(), 0)));
        }
    }

    /** Cases that do not match and are not listed as known deck defects. */
    public List<CaseResult> mismatches() {
        return results.stream().filter(r -> !r.matches() && r.knownDefect() == null).toList();
    }

    public long passed() {
        return results.stream().filter(CaseResult::matches).count();
    }

    /** Prints the summary and the mismatch table. */
    public void print(PrintStream out) {
        out.printf("%s on %s: %d/%d cases match%n", indicatorId, deck.measure(), passed(), results.size());
        for (CaseResult r : results) {
            if (r.knownDefect() != null) {
                out.printf("  KNOWN DECK DEFECT %-8s %s (%s): %s%s%n", r.testCase().series(), r.testCase().title(),
                        r.testCase().patientId(), r.knownDefect(), r.matches() ? " [now matches: remove the entry]" : "");
            }
        }
        List<CaseResult> bad = mismatches();
        if (bad.isEmpty()) {
            return;
        }
        out.printf("%-12s %-45s %-22s %-8s %-6s%n", "series", "title", "population", "expected", "got");
        for (CaseResult r : bad) {
            if (r.error() != null) {
                out.printf("%-12s %-45s ERROR %s%n", r.testCase().series(), r.testCase().title(), r.error());
                continue;
            }
            for (var e : r.testCase().expected().entrySet()) {
                int got = r.actual().getOrDefault(e.getKey(), 0);
                if (got != e.getValue()) {
                    out.printf("%-12s %-45s %-22s %-8d %-6d %s%n", r.testCase().series(), r.testCase().title(), e.getKey(),
                            e.getValue(), got, r.testCase().patientId());
                }
            }
        }
    }
}
