package org.lhs.qi.stats.spc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Run-chart rules of Anhøj &amp; Olesen (PLoS ONE 2014;9:e113825), the default of qicharts2: the series shows
 * non-random variation when its longest run on one side of the median is longer than round(log2(n) + 3), or
 * when it crosses the median fewer times than the lower 5% quantile of Bin(n − 1, ½); n counts only the
 * points not on the median, and points on the median neither break nor extend runs.
 */
public final class RunChartRules {

    private RunChartRules() {}

    /** Longest run expected by chance among n useful observations. */
    public static int longestRunMax(int n) {
        return (int) Math.round(Math.log(n) / Math.log(2) + 3);
    }

    /** Fewest crossings expected by chance among n useful observations. */
    public static int crossingsMin(int n) {
        return BinomialDistribution.of(Math.max(0, n - 1), 0.5).inverseCumulativeProbability(0.05);
    }

    /** Applies the Anhøj rules to a series of values (in time order). */
    public static RunChartResult anhoej(List<Double> values) {
        int k = values.size();
        if (k == 0) {
            throw new IllegalArgumentException("a run chart needs at least one value");
        }
        double median = median(values);
        List<SignalEvent> events = new ArrayList<>();
        List<int[]> runs = new ArrayList<>(); // {first, last, length, side}
        Side side = Side.NONE;
        int useful = 0;
        int crossings = 0;
        for (int i = 0; i < k; i++) {
            Side s = Side.of(values.get(i), median);
            if (s == Side.NONE) {
                continue;
            }
            useful++;
            if (s == side) {
                int[] run = runs.getLast();
                run[1] = i;
                run[2]++;
            } else {
                if (side != Side.NONE) {
                    crossings++;
                }
                runs.add(new int[] {i, i, 1, s.ordinal()});
                side = s;
            }
        }
        int longest = runs.stream().mapToInt(r -> r[2]).max().orElse(0);
        int longestMax = useful == 0 ? 0 : longestRunMax(useful);
        int crossingsMin = useful == 0 ? 0 : crossingsMin(useful);
        if (useful > 0) {
            for (int[] run : runs) {
                if (run[2] > longestMax) {
                    events.add(new SignalEvent(Signal.RUN_LONG, run[0], run[1], Side.values()[run[3]]));
                }
            }
            if (crossings < crossingsMin) {
                events.add(new SignalEvent(Signal.RUN_FEW_CROSSINGS, 0, k - 1, Side.NONE));
            }
        }
        List<Set<Signal>> signals = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            signals.add(SpcCharts.signalsAt(events, i));
        }
        return new RunChartResult(median, useful, longest, longestMax, crossings, crossingsMin, signals, events);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
