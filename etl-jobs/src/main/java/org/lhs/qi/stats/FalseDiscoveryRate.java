package org.lhs.qi.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison control for a family of hypothesis tests. Benjamini–Hochberg's step-up procedure
 * (J R Stat Soc B 1995;57:289-300) controls the false discovery rate, the expected share of flagged comparisons
 * that are chance, at level q; Holm's step-down procedure (Scand J Stat 1979;6:65-70) controls the family-wise
 * error rate. Both take the p-values of one family (e.g. all stratum-versus-reference comparisons of one
 * indicator for one audience) and return which hypotheses are rejected.
 */
public final class FalseDiscoveryRate {

    private FalseDiscoveryRate() {}

    /**
     * Benjamini–Hochberg: with p(1) ≤ … ≤ p(m), rejects the k smallest where k is the largest i with
     * p(i) ≤ i·q/m (none when there is no such i).
     */
    public static boolean[] benjaminiHochberg(double[] p, double q) {
        double[] adjusted = benjaminiHochbergAdjusted(p);
        boolean[] rejected = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            rejected[i] = adjusted[i] <= q;
        }
        return rejected;
    }

    /**
     * BH-adjusted p-values (as R's {@code p.adjust(p, "BH")}): p̃(i) = min over j ≥ i of m/j · p(j), at most 1;
     * hypothesis i is rejected at level q exactly when p̃(i) ≤ q.
     */
    public static double[] benjaminiHochbergAdjusted(double[] p) {
        check(p);
        int m = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Holm: rejects p(1), p(2), … while p(i) ≤ α/(m − i + 1), stopping at the first that is not. */
    public static boolean[] holm(double[] p, double alpha) {
        check(p);
        int m = p.length;
        Integer[] order = ascending(p);
        boolean[] rejected = new boolean[m];
        for (int rank = 1; rank <= m; rank++) {
            int i = order[rank - 1];
            if (p[i] > alpha / (m - rank + 1)) {
                break;
            }
            rejected[i] = true;
        }
        return rejected;
    }

    private static Integer[] ascending(double[] p) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i])); // stable: ties keep their input order
        return order;
    }

    private static void check(double[] p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + v);
            }
        }
    }
}
