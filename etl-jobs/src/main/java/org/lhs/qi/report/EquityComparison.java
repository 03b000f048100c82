package org.lhs.qi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lhs.qi.stats.Interval;
import org.lhs.qi.stats.ProportionIntervals;
import org.lhs.qi.stats.equity.Comparison;
import org.lhs.qi.stats.equity.Disparities;
import org.lhs.qi.stats.equity.DisparityFlags;
import org.lhs.qi.stats.equity.DisparityTests;
import org.lhs.qi.stats.equity.GroupRate;

/**
 * Compares the strata of each stratifier with a reference group, the largest one (by denominator, or by
 * exposure for ratios). Proportions: rate ratio with Katz's interval and the matching Wald test of ln RR.
 * Ratios: rate ratio with the exact conditional (binomial) interval and test. Suppressed and {@code unknown}
 * strata are never compared: suppressed ones must not be derivable, unknown is not a group.
 * <p>
 * One audience's scorecard makes hundreds of comparisons (every stratum of every stratifier of every indicator),
 * so at 5% each many would be flagged by chance alone, and even a per-page correction leaves about one chance flag
 * per scorecard. A group is flagged only when its comparison survives the Benjamini–Hochberg procedure across ALL
 * comparisons of the scorecard (false discovery rate 5%, {@link DisparityFlags}) AND its ratio is at least 10% away
 * from 1; favourable differences count in the same family. The printed intervals stay the ordinary (unadjusted)
 * 95% intervals.
 */
public final class EquityComparison {

    private static final double CONFIDENCE = 0.95;
    /** False discovery rate of the disparity flags of one scorecard. */
    public static final double FALSE_DISCOVERY_RATE = 0.05;

    /**
     * One stratum against the reference; {@code ratio} and its interval may be null (no events); {@code p} is
     * the unadjusted two-sided p-value and {@code adjustedP} the Benjamini–Hochberg adjusted one across the
     * family (both NaN for the reference).
     */
    public record Result(String stratum, boolean reference, Double ratio, Double low, Double high, double p,
            double adjustedP, Comparison comparison) {

        /** "1.37 (1.06–1.77)", "ref." or "–". */
        public String ratioText() {
            if (reference) {
                return "ref.";
            }
            if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
                return "–";
            }
            String text = String.format(Locale.UK, "%.2f", ratio);
            return low == null ? text
                    : text + String.format(Locale.UK, " (%.2f–%s)", low, high == null ? "∞" : String.format(Locale.UK, "%.2f", high));
        }

        /** "disparity" (flagged, worse than the reference), "better", or "" when not flagged. */
        public String flag() {
            return switch (comparison) {
                case WORSE -> "disparity";
                case BETTER -> "better";
                case SIMILAR -> "";
            };
        }

        Result withFlag(DisparityFlags.Flag f) {
            return new Result(stratum, reference, ratio, low, high, p, f.adjustedP(), f.comparison());
        }
    }

    /**
     * The comparisons of one page by stratifier and stratum; {@code comparisons} of them are on this page and
     * {@code familySize} entered the correction (the whole scorecard).
     */
    public record Family(Map<String, Map<String, Result>> byStratifier, int comparisons, int familySize) {

        /** The comparisons of one stratifier (empty when it had fewer than 2 comparable strata). */
        public Map<String, Result> of(String stratifier) {
            return byStratifier.getOrDefault(stratifier, Map.of());
        }

        /** Every flagged (non-SIMILAR) comparison of the page. */
        public List<Result> flagged() {
            return byStratifier.values().stream().flatMap(m -> m.values().stream())
                    .filter(r -> r.comparison() != Comparison.SIMILAR).toList();
        }
    }

    private EquityComparison() {}

    /** The strata of one indicator's page by stratifier, with how the indicator is scored. */
    public record Page(Map<String, List<ResultRow>> strataByStratifier, Scoring scoring, Improvement improvement) {}

    /** The comparisons of the comparable strata of one stratifier, corrected as a family of their own. */
    public static Map<String, Result> compare(List<ResultRow> strata, Scoring scoring, Improvement improvement) {
        return compareAll(Map.of("one", strata), scoring, improvement).of("one");
    }

    /** Every stratifier's comparisons of one page, corrected as a family of their own. */
    public static Family compareAll(Map<String, List<ResultRow>> strataByStratifier, Scoring scoring,
            Improvement improvement) {
        return compareScorecard(Map.of("page", new Page(strataByStratifier, scoring, improvement))).get("page");
    }

    /**
     * Every page's comparisons (by a key such as the indicator id), the flags corrected across all of them
     * together: the family is the whole scorecard, so every returned {@link Family} has the same size.
     */
    public static Map<String, Family> compareScorecard(Map<String, Page> pages) {
        Map<String, Map<String, Map<String, Result>>> raw = new LinkedHashMap<>();
        List<String[]> tested = new ArrayList<>(); // {page, stratifier, stratum}
        List<DisparityFlags.Test> tests = new ArrayList<>();
        pages.forEach((key, page) -> {
            org.lhs.qi.stats.Improvement direction = page.improvement() == Improvement.INCREASE
                    ? org.lhs.qi.stats.Improvement.INCREASE : org.lhs.qi.stats.Improvement.DECREASE;
            Map<String, Map<String, Result>> byStratifier = new LinkedHashMap<>();
            raw.put(key, byStratifier);
            page.strataByStratifier().forEach((stratifier, strata) -> {
                Map<String, Result> results = uncorrected(strata, page.scoring());
                byStratifier.put(stratifier, results);
                results.values().stream().filter(r -> !r.reference() && !Double.isNaN(r.p())).forEach(r -> {
                    tested.add(new String[] {key, stratifier, r.stratum()});
                    tests.add(new DisparityFlags.Test(r.ratio(), r.p(), direction));
                });
            });
        });
        List<DisparityFlags.Flag> flags = DisparityFlags.flag(tests, FALSE_DISCOVERY_RATE);
        for (int i = 0; i < tested.size(); i++) {
            Map<String, Result> results = raw.get(tested.get(i)[0]).get(tested.get(i)[1]);
            DisparityFlags.Flag flag = flags.get(i);
            results.computeIfPresent(tested.get(i)[2], (k, r) -> r.withFlag(flag));
        }
        Map<String, Family> out = new LinkedHashMap<>();
        raw.forEach((key, byStratifier) -> out.put(key, new Family(byStratifier, (int) byStratifier.values().stream()
                .flatMap(m -> m.values().stream()).filter(r -> !r.reference()).count(), tests.size())));
        return out;
    }

    /** Ratio, interval and p-value of each comparable stratum of one stratifier; all SIMILAR until corrected. */
    private static Map<String, Result> uncorrected(List<ResultRow> strata, Scoring scoring) {
        List<ResultRow> groups = strata.stream()
                .filter(r -> !r.suppressed() && !"unknown".equals(r.stratum()) && r.rateBase(scoring) > 0)
                .toList();
        Map<String, Result> out = new LinkedHashMap<>();
        if (groups.size() < 2) {
            return out;
        }
        ResultRow reference = groups.stream().max(Comparator.comparingDouble((ResultRow r) -> r.rateBase(scoring)))
                .orElseThrow();
        for (ResultRow g : groups) {
            if (g == reference) {
                out.put(g.stratum(), new Result(g.stratum(), true, 1.0, null, null, Double.NaN, Double.NaN, Comparison.SIMILAR));
            } else if (scoring == Scoring.PROPORTION) {
                out.put(g.stratum(), proportionRatio(g, reference));
            } else {
                out.put(g.stratum(), rateRatio(g, reference));
            }
        }
        return out;
    }

    private static Result proportionRatio(ResultRow g, ResultRow reference) {
        GroupRate group = new GroupRate(g.stratum(), g.numerator(), g.denominator());
        GroupRate ref = new GroupRate(reference.stratum(), reference.numerator(), reference.denominator());
        Interval ci = Disparities.katzRatio(group, ref, CONFIDENCE);
        double ratio = group.rate() / ref.rate();
        double p = DisparityTests.katzRatioP(g.numerator(), g.denominator(), reference.numerator(),
                reference.denominator());
        return new Result(g.stratum(), false, Double.isFinite(ratio) ? ratio : null, ci == null ? null : ci.low(),
                ci == null ? null : ci.high(), p, Double.NaN, Comparison.SIMILAR);
    }

    /**
     * Rate ratio of two Poisson counts with the exact conditional interval: given the total x1 + x2, x1 is
     * binomial with p = e1·RR / (e1·RR + e2), so the Clopper–Pearson limits of p map to RR = p/(1−p) · e2/e1.
     */
    static Result rateRatio(ResultRow group, ResultRow reference) {
        long x1 = group.numerator();
        long x2 = reference.numerator();
        double e1 = group.exposure();
        double e2 = reference.exposure();
        if (x1 + x2 == 0 || x2 == 0) {
            return new Result(group.stratum(), false, null, null, null, 1, Double.NaN, Comparison.SIMILAR);
        }
        double ratio = (x1 / e1) / (x2 / e2);
        Interval p = ProportionIntervals.clopperPearson(x1, x1 + x2, CONFIDENCE);
        double low = p.low() / (1 - p.low()) * e2 / e1;
        double high = p.high() >= 1 ? Double.POSITIVE_INFINITY : p.high() / (1 - p.high()) * e2 / e1;
        return new Result(group.stratum(), false, ratio, low, Double.isInfinite(high) ? null : high,
                DisparityTests.exactRateRatioP(x1, e1, x2, e2), Double.NaN, Comparison.SIMILAR);
    }
}
