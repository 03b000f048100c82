package org.lhs.qi.stats.equity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.lhs.qi.stats.Improvement;
import org.lhs.qi.stats.Interval;
import org.lhs.qi.stats.ProportionIntervals;

/**
 * Disparities of a proportion indicator between the groups of one stratifier. Each group is compared with a
 * reference group by the rate difference, with Newcombe's hybrid score interval built from the two Wilson
 * intervals (method 10 of Newcombe, Stat Med 1998;17:873-890), and by the rate ratio with Katz's log
 * interval (Katz et al., Biometrics 1978;34:469-474). A disparity is flagged when it is both statistically
 * significant (difference interval excludes 0) and material (ratio at least 10% away from 1).
 */
public final class Disparities {

    /** Smallest relative difference |RR − 1| that is flagged. */
    public static final double MIN_RELATIVE_DIFFERENCE = 0.10;

    private static final double CONFIDENCE = 0.95;

    private Disparities() {}

    /** Compares every group with the chosen reference group, at 95% confidence. */
    public static DisparityResult compare(List<GroupRate> groups, ReferenceChoice choice, Improvement improvement) {
        if (groups.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least 2 groups, got " + groups.size());
        }
        GroupRate reference = reference(groups, choice, improvement);
        List<Disparity> disparities = new ArrayList<>();
        for (GroupRate g : groups) {
            if (g != reference) {
                disparities.add(compare(g, reference, improvement));
            }
        }
        return new DisparityResult(reference, disparities, summary(groups, reference));
    }

    /** One group versus a reference. */
    public static Disparity compare(GroupRate group, GroupRate reference, Improvement improvement) {
        double difference = group.rate() - reference.rate();
        Interval rd = newcombeDifference(group, reference, CONFIDENCE);
        double ratio = group.rate() / reference.rate();
        Interval rr = katzRatio(group, reference, CONFIDENCE);
        boolean significant = rd.low() > 0 || rd.high() < 0;
        boolean material = !Double.isNaN(ratio) && Math.abs(ratio - 1) >= MIN_RELATIVE_DIFFERENCE;
        boolean flagged = significant && material;
        Comparison comparison = !flagged ? Comparison.SIMILAR
                : improvement.better(difference > 0 ? 1 : -1) ? Comparison.BETTER : Comparison.WORSE;
        return new Disparity(group, reference, difference, rd, ratio, rr, significant, flagged, comparison);
    }

    /**
     * Newcombe's hybrid score interval for p1 − p2 (method 10): with Wilson limits (l_i, u_i),
     * low = d − √((p1 − l1)² + (u2 − p2)²), high = d + √((u1 − p1)² + (p2 − l2)²).
     */
    public static Interval newcombeDifference(GroupRate first, GroupRate second, double confidence) {
        Interval w1 = ProportionIntervals.wilson(first.events(), first.denominator(), confidence);
        Interval w2 = ProportionIntervals.wilson(second.events(), second.denominator(), confidence);
        double p1 = first.rate();
        double p2 = second.rate();
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - w1.low()) + sq(w2.high() - p2));
        double high = d + Math.sqrt(sq(w1.high() - p1) + sq(p2 - w2.low()));
        return new Interval(low, high, "newcombe-hybrid-score");
    }

    /**
     * Katz log interval for the ratio p1 / p2: exp(ln RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)); {@code null}
     * when either group has no events (the log ratio is then unbounded).
     */
    public static Interval katzRatio(GroupRate first, GroupRate second, double confidence) {
        if (first.events() == 0 || second.events() == 0) {
            return null;
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double logRatio = Math.log(first.rate() / second.rate());
        double se = Math.sqrt(1.0 / first.events() - 1.0 / first.denominator()
                + 1.0 / second.events() - 1.0 / second.denominator());
        return new Interval(Math.exp(logRatio - z * se), Math.exp(logRatio + z * se), "katz-log");
    }

    /** Index of disparity against the reference and between-group variance around the total rate. */
    public static DisparitySummary summary(List<GroupRate> groups, GroupRate reference) {
        double deviations = 0;
        int others = 0;
        long events = 0;
        long total = 0;
        for (GroupRate g : groups) {
            if (g != reference) {
                deviations += Math.abs(g.rate() - reference.rate());
                others++;
            }
            events += g.events();
            total += g.denominator();
        }
        double id = reference.rate() == 0 || others == 0 ? Double.NaN
                : deviations / others / reference.rate() * 100;
        double mu = (double) events / total;
        double bgv = 0;
        for (GroupRate g : groups) {
            bgv += (double) g.denominator() / total * sq(g.rate() - mu);
        }
        return new DisparitySummary(id, bgv);
    }

    private static GroupRate reference(List<GroupRate> groups, ReferenceChoice choice, Improvement improvement) {
        Comparator<GroupRate> bySize = Comparator.comparingLong(GroupRate::denominator);
        return switch (choice) {
            case ReferenceChoice.Largest l -> first(groups, bySize);
            case ReferenceChoice.MostFavourable m -> first(groups, (improvement == Improvement.INCREASE
                    ? Comparator.comparingDouble(GroupRate::rate)
                    : Comparator.comparingDouble(GroupRate::rate).reversed()).thenComparing(bySize));
            case ReferenceChoice.Named n -> groups.stream().filter(g -> g.group().equals(n.group())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no reference group " + n.group()));
        };
    }

    /** The maximum by the comparator, the earliest among equals. */
    private static GroupRate first(List<GroupRate> groups, Comparator<GroupRate> order) {
        GroupRate best = groups.getFirst();
        for (GroupRate g : groups) {
            if (order.compare(g, best) > 0) {
                best = g;
            }
        }
        return best;
    }

    private static double sq(double v) {
        return v * v;
    }
}
