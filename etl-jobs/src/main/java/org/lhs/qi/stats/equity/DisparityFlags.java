package org.lhs.qi.stats.equity;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.stats.FalseDiscoveryRate;
import org.lhs.qi.stats.Improvement;

/**
 * Decides which group-versus-reference comparisons of one family are flagged: a comparison is flagged only when
 * its Benjamini–Hochberg adjusted p-value across the WHOLE family is at most the false discovery rate q and its
 * ratio is at least {@link Disparities#MIN_RELATIVE_DIFFERENCE} away from 1. The family is everything one reader
 * sees at once (a scorecard: every indicator × stratifier × stratum), so the expected share of chance flags among
 * the flags on it stays at or below q however many indicators it carries.
 * <p>
 * Favourable differences are in the same family as unfavourable ones, with two-sided p-values: a group doing
 * better than the reference is also a difference the committee reads (it means the reference group fares worse),
 * and leaving those tests out of the count would understate the multiplicity of the marks actually printed.
 */
public final class DisparityFlags {

    /** One comparison: its rate ratio (null when undefined), two-sided p-value and the indicator's direction. */
    public record Test(Double ratio, double p, Improvement improvement) {}

    /** The verdict on one comparison and its adjusted p-value (as R's {@code p.adjust(p, "BH")} over the family). */
    public record Flag(Comparison comparison, double adjustedP) {}

    private DisparityFlags() {}

    /** The verdicts, in the order of the tests. */
    public static List<Flag> flag(List<Test> family, double q) {
        double[] p = family.stream().mapToDouble(Test::p).toArray();
        double[] adjusted = FalseDiscoveryRate.benjaminiHochbergAdjusted(p);
        List<Flag> out = new ArrayList<>(family.size());
        for (int i = 0; i < family.size(); i++) {
            Test t = family.get(i);
            boolean material = t.ratio() != null && Double.isFinite(t.ratio())
                    && Math.abs(t.ratio() - 1) >= Disparities.MIN_RELATIVE_DIFFERENCE;
            Comparison c = !(adjusted[i] <= q && material) ? Comparison.SIMILAR
                    : t.improvement().better(t.ratio() > 1 ? 1 : -1) ? Comparison.BETTER : Comparison.WORSE;
            out.add(new Flag(c, adjusted[i]));
        }
        return out;
    }
}
