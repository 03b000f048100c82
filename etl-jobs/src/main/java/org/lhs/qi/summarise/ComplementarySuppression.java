package org.lhs.qi.summarise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Complementary suppression over all cells of one indicator and business date. Published cells add up in
 * three ways, and each sum is an equation a reader can solve for one unknown:
 * <ol>
 * <li>the strata of a stratifier add up to the overall cell (same period and site);</li>
 * <li>the sites (including {@code unattributed}) add up to {@code ALL} (same period, stratifier and stratum);</li>
 * <li>the monthly cells add up to the 12-month cell (same site, stratifier and stratum) — only where they really
 * do (encounter- and event-based indicators); a patient counted in several months breaks the sum.</li>
 * </ol>
 * Whenever exactly one cell of an equation (a part or its total) is hidden, the smallest shown part (by
 * denominator; ties by key) is hidden too, or the total when no part is left. Hiding one cell can open another
 * equation, so this repeats until nothing changes; it terminates because cells are only ever hidden. Absent
 * cells (no subjects) count as shown zeros, as a reader would take them. This is the usual iterative heuristic
 * (as in NHS/CMS tabulation tools); it guarantees no hidden count is exactly recoverable from one published sum.
 */
public final class ComplementarySuppression {

    /** Reason stored on a cell hidden only to protect another. */
    public static final String REASON = "complementary";

    private ComplementarySuppression() {}

    /** Identity of a cell within one indicator and business date. */
    record Key(String periodKind, LocalDate periodStart, String siteKey, String stratifier, String stratum)
            implements Comparable<Key> {
        static Key of(ResultCell c) {
            CellCounts k = c.counts();
            return new Key(k.periodKind(), k.periodStart(), k.siteKey(), k.stratifier(), k.stratum());
        }

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::periodKind)
                .thenComparing(Key::periodStart).thenComparing(Key::siteKey).thenComparing(Key::stratifier)
                .thenComparing(Key::stratum);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** A published sum: the parts add up to the total. */
    record Equation(Key total, List<Key> parts) {}

    /** The cells (any order) with complementary suppression applied, in the same order. */
    public static List<ResultCell> apply(List<ResultCell> cells) {
        Map<Key, ResultCell> byKey = new LinkedHashMap<>();
        for (ResultCell c : cells) {
            byKey.put(Key.of(c), c);
        }
        List<Equation> equations = equations(byKey);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                long hidden = e.parts().stream().filter(k -> byKey.get(k).suppressed()).count()
                        + (byKey.get(e.total()).suppressed() ? 1 : 0);
                if (hidden != 1) {
                    continue;
                }
                Key victim = e.parts().stream().filter(k -> !byKey.get(k).suppressed())
                        .min(Comparator.comparingLong((Key k) -> byKey.get(k).denominator())
                                .thenComparing(Comparator.naturalOrder()))
                        .orElse(e.total());
                byKey.put(victim, byKey.get(victim).complementary(REASON));
                changed = true;
            }
        }
        return cells.stream().map(c -> byKey.get(Key.of(c))).toList();
    }

    /** Every sum the published cells obey; parts are sorted so the outcome does not depend on input order. */
    static List<Equation> equations(Map<Key, ResultCell> cells) {
        List<Equation> out = new ArrayList<>();
        // 1. strata → overall of the same period and site
        Map<List<Object>, List<Key>> strata = cells.keySet().stream()
                .filter(k -> !ResultSummariser.OVERALL.equals(k.stratifier()))
                .collect(Collectors.groupingBy(k -> List.of(k.periodKind(), k.periodStart(), k.siteKey(), k.stratifier())));
        strata.forEach((g, parts) -> {
            Key total = new Key(parts.getFirst().periodKind(), parts.getFirst().periodStart(),
                    parts.getFirst().siteKey(), ResultSummariser.OVERALL, ResultSummariser.OVERALL_STRATUM);
            add(out, cells, total, parts);
        });
        // 2. sites → ALL of the same period, stratifier and stratum
        Map<List<Object>, List<Key>> sites = cells.keySet().stream()
                .filter(k -> !ResultSummariser.ALL_SITES.equals(k.siteKey()))
                .collect(Collectors.groupingBy(k -> List.of(k.periodKind(), k.periodStart(), k.stratifier(), k.stratum())));
        sites.forEach((g, parts) -> add(out, cells, new Key(parts.getFirst().periodKind(),
                parts.getFirst().periodStart(), ResultSummariser.ALL_SITES, parts.getFirst().stratifier(),
                parts.getFirst().stratum()), parts));
        // 3. months → the 12-month period they span, where the counts really add up
        Map<List<Object>, List<Key>> months = cells.keySet().stream()
                .filter(k -> "month".equals(k.periodKind()))
                .collect(Collectors.groupingBy(k -> List.of(k.siteKey(), k.stratifier(), k.stratum())));
        for (Key year : cells.keySet().stream().filter(k -> "12-months".equals(k.periodKind())).sorted().toList()) {
            ResultCell y = cells.get(year);
            List<Key> parts = months.getOrDefault(List.of(year.siteKey(), year.stratifier(), year.stratum()), List.of())
                    .stream().filter(k -> !k.periodStart().isBefore(y.counts().periodStart())
                            && k.periodStart().isBefore(y.counts().periodEnd()))
                    .toList();
            long den = parts.stream().mapToLong(k -> cells.get(k).denominator()).sum();
            long num = parts.stream().mapToLong(k -> cells.get(k).numerator()).sum();
            if (den == y.denominator() && num == y.numerator()) {
                add(out, cells, year, parts);
            }
        }
        out.sort(Comparator.comparing(Equation::total));
        return out;
    }

    private static void add(List<Equation> out, Map<Key, ResultCell> cells, Key total, List<Key> parts) {
        if (!cells.containsKey(total) || parts.isEmpty()) {
            return; // nothing published to subtract from
        }
        out.add(new Equation(total, parts.stream().filter(Objects::nonNull).sorted().toList()));
    }
}
