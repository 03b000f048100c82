package org.lhs.qi.stats.spc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Attribute control charts with per-period 3σ limits around the pooled centre line: p charts for
 * proportions, u charts for rates (Montgomery, Introduction to Statistical Quality Control, ch. 7), and
 * Laney's p′ and u′ charts (Laney, Quality Engineering 2002;14:531-537), which widen the limits by σ_z, the
 * average moving range of the periods' z-scores divided by 1.128, so that large denominators do not turn
 * ordinary between-period variation into false alarms.
 */
public final class SpcCharts {

    /** d2 for moving ranges of two points: the mean range of two standard normal draws. */
    private static final double D2 = 1.128;

    private SpcCharts() {}

    /** p chart with the default special-cause rules. */
    public static ControlChart pChart(List<Long> numerators, List<Long> denominators) {
        return proportion(numerators, denominators, false, SpecialCauseRules.DEFAULT);
    }

    /** p chart with the given special-cause rules. */
    public static ControlChart pChart(List<Long> numerators, List<Long> denominators, SpecialCauseRules rules) {
        return proportion(numerators, denominators, false, rules);
    }

    /** Laney p′ chart with the default special-cause rules. */
    public static ControlChart laneyPChart(List<Long> numerators, List<Long> denominators) {
        return proportion(numerators, denominators, true, SpecialCauseRules.DEFAULT);
    }

    /** Laney p′ chart with the given special-cause rules. */
    public static ControlChart laneyPChart(List<Long> numerators, List<Long> denominators,
            SpecialCauseRules rules) {
        return proportion(numerators, denominators, true, rules);
    }

    /** u chart of events per unit exposure, values and limits scaled by {@code multiplier} (e.g. 1000). */
    public static ControlChart uChart(List<Long> events, List<Double> exposures, double multiplier) {
        return rate(events, exposures, multiplier, false, SpecialCauseRules.DEFAULT);
    }

    /** u chart with the given special-cause rules. */
    public static ControlChart uChart(List<Long> events, List<Double> exposures, double multiplier,
            SpecialCauseRules rules) {
        return rate(events, exposures, multiplier, false, rules);
    }

    /** Laney u′ chart with the default special-cause rules. */
    public static ControlChart laneyUChart(List<Long> events, List<Double> exposures, double multiplier) {
        return rate(events, exposures, multiplier, true, SpecialCauseRules.DEFAULT);
    }

    /** Laney u′ chart with the given special-cause rules. */
    public static ControlChart laneyUChart(List<Long> events, List<Double> exposures, double multiplier,
            SpecialCauseRules rules) {
        return rate(events, exposures, multiplier, true, rules);
    }

    private static ControlChart proportion(List<Long> numerators, List<Long> denominators, boolean laney,
            SpecialCauseRules rules) {
        int k = checkSizes(numerators.size(), denominators.size());
        double[] x = new double[k];
        double[] n = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = numerators.get(i);
            n[i] = denominators.get(i);
            if (!(n[i] > 0) || x[i] < 0 || x[i] > n[i]) {
                throw new IllegalArgumentException("period " + i + ": need 0 <= numerator <= denominator, "
                        + "denominator > 0, got " + numerators.get(i) + "/" + denominators.get(i));
            }
        }
        double centre = sum(x) / sum(n);
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            sigma[i] = Math.sqrt(centre * (1 - centre) / n[i]);
        }
        return build(laney ? ChartType.P_PRIME : ChartType.P, x, n, 1, centre, sigma, laney, true, rules);
    }

    private static ControlChart rate(List<Long> events, List<Double> exposures, double multiplier,
            boolean laney, SpecialCauseRules rules) {
        int k = checkSizes(events.size(), exposures.size());
        if (!(multiplier > 0)) {
            throw new IllegalArgumentException("multiplier must be > 0: " + multiplier);
        }
        double[] x = new double[k];
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = events.get(i);
            e[i] = exposures.get(i);
            if (!(e[i] > 0) || x[i] < 0) {
                throw new IllegalArgumentException("period " + i + ": need events >= 0 and exposure > 0, got "
                        + events.get(i) + "/" + exposures.get(i));
            }
        }
        double centre = sum(x) / sum(e);
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            sigma[i] = Math.sqrt(centre / e[i]);
        }
        return build(laney ? ChartType.U_PRIME : ChartType.U, x, e, multiplier, centre, sigma, laney, false,
                rules);
    }

    private static ControlChart build(ChartType type, double[] x, double[] d, double multiplier, double centre,
            double[] sigma, boolean laney, boolean proportion, SpecialCauseRules rules) {
        int k = x.length;
        double[] value = new double[k];
        for (int i = 0; i < k; i++) {
            value[i] = x[i] / d[i];
        }
        double sigmaZ = laney ? sigmaZ(value, centre, sigma) : 1;
        double[] lower = new double[k];
        double[] upper = new double[k];
        double[] scaled = new double[k];
        for (int i = 0; i < k; i++) {
            double half = 3 * sigma[i] * sigmaZ;
            lower[i] = Math.max(0, centre - half) * multiplier;
            upper[i] = (proportion ? Math.min(1, centre + half) : centre + half) * multiplier;
            scaled[i] = value[i] * multiplier;
        }
        List<SignalEvent> events = rules.evaluate(scaled, centre * multiplier, lower, upper);
        List<ChartPoint> points = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            points.add(new ChartPoint(i, x[i], d[i], scaled[i], lower[i], upper[i], signalsAt(events, i)));
        }
        return new ControlChart(type, points, centre * multiplier, sigmaZ, events);
    }

    /** Laney's σ_z: mean moving range of the z-scores divided by d2 = 1.128. */
    static double sigmaZ(double[] value, double centre, double[] sigma) {
        int k = value.length;
        if (k < 2) {
            return 1; // no moving range: fall back to the plain chart
        }
        double ranges = 0;
        double previous = z(value[0], centre, sigma[0]);
        for (int i = 1; i < k; i++) {
            double current = z(value[i], centre, sigma[i]);
            ranges += Math.abs(current - previous);
            previous = current;
        }
        return ranges / (k - 1) / D2;
    }

    private static double z(double value, double centre, double sigma) {
        return sigma == 0 ? 0 : (value - centre) / sigma;
    }

    static Set<Signal> signalsAt(List<SignalEvent> events, int index) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        for (SignalEvent e : events) {
            if (e.first() <= index && index <= e.last()) {
                signals.add(e.signal());
            }
        }
        return signals;
    }

    private static int checkSizes(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("numerators and denominators differ in length: " + a + " vs " + b);
        }
        if (a == 0) {
            throw new IllegalArgumentException("a chart needs at least one period");
        }
        return a;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
