package org.lhs.qi.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lhs.qi.stats.Interval;
import org.lhs.qi.stats.ProportionIntervals;
import org.lhs.qi.stats.equity.Comparison;
import org.lhs.qi.stats.equity.Disparities;
import org.lhs.qi.stats.equity.Disparity;
import org.lhs.qi.stats.equity.GroupRate;

/**
 * Compares the strata of one stratifier with a reference group, the largest one (by denominator, or by
 * exposure for ratios). Proportions: rate ratio with Katz's interval, flagged by {@link Disparities}
 * (significant rate difference and at least 10% relative) when the printed ratio interval also excludes 1. Ratios: rate ratio with the exact conditional
 * (binomial) interval, flagged when it excludes 1 and is at least 10% away from 1. Suppressed and
 * {@code unknown} strata are never compared: suppressed ones must not be derivable, unknown is not a group.
 */
public final class EquityComparison {

    private static final double CONFIDENCE = 0.95;

    /** One stratum against the reference; {@code ratio} and its interval may be null (no events). */
    public record Result(String stratum, boolean reference, Double ratio, Double low, Double high, Comparison comparison) {

        /** "1.37 (1.06–1.77)", "ref." or "–". */
        public String ratioText() {
            if (reference) {
                return "ref.";
            }
            if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
                return "–";
            }
            String text = String.format(java.util.Locale.UK, "%.2f", ratio);
            return low == null || high == null ? text
                    : text + String.format(java.util.Locale.UK, " (%.2f–%.2f)", low, high);
        }

        /** "disparity" (flagged, worse than the reference), "better", or "" when not flagged. */
        public String flag() {
            return switch (comparison) {
                case WORSE -> "disparity";
                case BETTER -> "better";
                case SIMILAR -> "";
            };
        }
    }

    private EquityComparison() {}

    /** The comparisons of the comparable strata of one stratifier by stratum; empty when fewer than 2. */
    public static Map<String, Result> compare(List<ResultRow> strata, Scoring scoring, Improvement improvement) {
        List<ResultRow> groups = strata.stream()
                .filter(r -> !r.suppressed() && !"unknown".equals(r.stratum()) && r.rateBase(scoring) > 0)
                .toList();
        Map<String, Result> out = new LinkedHashMap<>();
        if (groups.size() < 2) {
            return out;
        }
        ResultRow reference = groups.stream().max(Comparator.comparingDouble((ResultRow r) -> r.rateBase(scoring)))
                .orElseThrow();
        org.lhs.qi.stats.Improvement direction = improvement == Improvement.INCREASE
                ? org.lhs.qi.stats.Improvement.INCREASE : org.lhs.qi.stats.Improvement.DECREASE;
        for (ResultRow g : groups) {
            if (g == reference) {
                out.put(g.stratum(), new Result(g.stratum(), true, 1.0, null, null, Comparison.SIMILAR));
            } else if (scoring == Scoring.PROPORTION) {
                Disparity d = Disparities.compare(new GroupRate(g.stratum(), g.numerator(), g.denominator()),
                        new GroupRate(reference.stratum(), reference.numerator(), reference.denominator()), direction);
                // the printed ratio interval must agree with the flag: no flag when it includes 1
                boolean ratioIncludesOne = d.ratioInterval() == null
                        || d.ratioInterval().low() <= 1 && d.ratioInterval().high() >= 1;
                out.put(g.stratum(), new Result(g.stratum(), false, d.ratio(),
                        d.ratioInterval() == null ? null : d.ratioInterval().low(),
                        d.ratioInterval() == null ? null : d.ratioInterval().high(),
                        ratioIncludesOne ? Comparison.SIMILAR : d.comparison()));
            } else {
                out.put(g.stratum(), rateRatio(g, reference, direction));
            }
        }
        return out;
    }

    /**
     * Rate ratio of two Poisson counts with the exact conditional interval: given the total x1 + x2, x1 is
     * binomial with p = e1·RR / (e1·RR + e2), so the Clopper–Pearson limits of p map to RR = p/(1−p) · e2/e1.
     */
    static Result rateRatio(ResultRow group, ResultRow reference, org.lhs.qi.stats.Improvement direction) {
        long x1 = group.numerator();
        long x2 = reference.numerator();
        double e1 = group.exposure();
        double e2 = reference.exposure();
        if (x1 + x2 == 0 || x2 == 0) {
            return new Result(group.stratum(), false, null, null, null, Comparison.SIMILAR);
        }
        double ratio = (x1 / e1) / (x2 / e2);
        Interval p = ProportionIntervals.clopperPearson(x1, x1 + x2, CONFIDENCE);
        double low = p.low() / (1 - p.low()) * e2 / e1;
        double high = p.high() >= 1 ? Double.POSITIVE_INFINITY : p.high() / (1 - p.high()) * e2 / e1;
        boolean significant = low > 1 || high < 1;
        boolean flagged = significant && Math.abs(ratio - 1) >= Disparities.MIN_RELATIVE_DIFFERENCE;
        Comparison c = !flagged ? Comparison.SIMILAR
                : direction.better(ratio > 1 ? 1 : -1) ? Comparison.BETTER : Comparison.WORSE;
        return new Result(group.stratum(), false, ratio, low, Double.isInfinite(high) ? null : high, c);
    }
}
