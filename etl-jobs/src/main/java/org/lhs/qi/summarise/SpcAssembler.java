package org.lhs.qi.summarise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lhs.qi.stats.spc.ChartType;
import org.lhs.qi.stats.spc.ControlChart;
import org.lhs.qi.stats.spc.ProbabilityLimits;
import org.lhs.qi.stats.spc.RunChartRules;
import org.lhs.qi.stats.spc.Side;
import org.lhs.qi.stats.spc.Signal;
import org.lhs.qi.stats.spc.SignalEvent;
import org.lhs.qi.stats.spc.SpcCharts;
import org.lhs.qi.stats.spc.SpecialCauseRules;

/**
 * Builds the control chart of one site's monthly overall cells: a p chart for proportions, a u chart for
 * ratios, both with per-period exact probability limits at the false-alarm rate of 3σ limits
 * ({@link ProbabilityLimits}), plus the Anhøj run-chart rules on the same values. Signals are a point outside
 * the limits or an Anhøj run signal (too long a run, too few crossings of the median) and nothing else.
 * <p>
 * Laney's p′/u′ replaces the plain chart when the periods are large (mean denominator above
 * {@value #LANEY_MIN_MEAN_DENOMINATOR} subjects) AND over-dispersed (σ_z &gt; 1): with thousands of subjects
 * the binomial/Poisson limits become so narrow that ordinary month-to-month variation would be flagged; with
 * small denominators or no over-dispersion the plain limits are right and Laney would only narrow them.
 * <p>
 * The centre line and σ_z come from the first {@value #BASELINE_MONTHS} reportable months (the baseline) and the
 * limits are extended over the later months, as in Provost &amp; Murray's "extended limits": a sustained change in
 * the recent months then stands out instead of being absorbed into a centre line it helped to move.
 * <p>
 * Suppressed months take part in the computation (a rare-event indicator such as falls at one site has few
 * months with 11 or more events, and a chart over the reportable months alone could never flag a spike against
 * its usual level) but get no point: their rate, limits and signals are never stored, so no small count can be
 * read back from them. Shown months' limits rest on the pooled baseline of several months, never on one hidden
 * month. A chart needs at least {@value #MIN_POINTS} months.
 */
public final class SpcAssembler {

    /** Mean subjects per period above which Laney's adjustment is considered. */
    public static final int LANEY_MIN_MEAN_DENOMINATOR = 1000;
    /** Months whose pooled rate (and variation) set the centre line and limits. */
    public static final int BASELINE_MONTHS = 6;
    /** Fewest reportable months for a chart. */
    public static final int MIN_POINTS = 2;

    private SpcAssembler() {}

    /** The SPC values by period start of one site's monthly overall cells (any order); empty when too few. */
    public static Map<LocalDate, SpcPoint> chart(IndicatorScoring indicator, List<ResultCell> cells) {
        return chart(indicator, cells, c -> "");
    }

    /**
     * As {@link #chart(IndicatorScoring, List)}, with a new phase wherever {@code definition} (e.g. the indicator
     * version and content hash a cell was computed with) differs from the month before: each phase gets its own
     * baseline, limits and run rules, so that no limit and no run spans a change of definition.
     */
    public static Map<LocalDate, SpcPoint> chart(IndicatorScoring indicator, List<ResultCell> cells,
            Function<ResultCell, String> definition) {
        List<ResultCell> usable = cells.stream()
                .filter(c -> c.denominator() > 0
                        && (!indicator.isRatio() || c.exposure() != null && c.exposure() > 0))
                .sorted(Comparator.comparing(c -> c.counts().periodStart()))
                .toList();
        Map<LocalDate, SpcPoint> out = new LinkedHashMap<>();
        int from = 0;
        for (int i = 1; i <= usable.size(); i++) {
            if (i == usable.size() || !Objects.equals(definition.apply(usable.get(i)), definition.apply(usable.get(from)))) {
                out.putAll(phase(indicator, usable.subList(from, i)));
                from = i;
            }
        }
        // hidden months get no point (see the class comment)
        usable.stream().filter(ResultCell::suppressed).forEach(c -> out.remove(c.counts().periodStart()));
        return out;
    }

    /** The chart of one phase (months under one definition), empty when it has too few months. */
    private static Map<LocalDate, SpcPoint> phase(IndicatorScoring indicator, List<ResultCell> usable) {
        if (usable.size() < MIN_POINTS) {
            return Map.of();
        }
        // centre and σ_z from the baseline months only, limits extended over the later months
        ControlChart base = controlChart(indicator, usable.subList(0, Math.min(BASELINE_MONTHS, usable.size())));
        boolean laney = base.type() == ChartType.P_PRIME || base.type() == ChartType.U_PRIME;
        double multiplier = indicator.isRatio() ? indicator.multiplier() : 1;
        double centre = base.centre() / multiplier;
        int k = usable.size();
        double[] value = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int i = 0; i < k; i++) {
            ResultCell c = usable.get(i);
            double size = indicator.isRatio() ? c.exposure() : c.denominator();
            value[i] = c.numerator() / size * multiplier;
            if (laney) {
                // large periods: the normal approximation holds and σ_z widens it for over-dispersion
                double sigma = indicator.isRatio() ? Math.sqrt(centre / size) : Math.sqrt(centre * (1 - centre) / size);
                double half = 3 * sigma * base.sigmaZ();
                lower[i] = Math.max(0, centre - half) * multiplier;
                upper[i] = (indicator.isRatio() ? centre + half : Math.min(1, centre + half)) * multiplier;
            } else {
                // small counts are skewed: exact limits with the false-alarm rate of a normal 3σ limit
                int[] counts = indicator.isRatio() ? ProbabilityLimits.poisson(centre * size)
                        : ProbabilityLimits.binomial(c.denominator(), centre);
                lower[i] = counts[0] / size * multiplier;
                upper[i] = counts[1] / size * multiplier;
            }
        }
        // points: outside the limits; runs: Anhøj's rules only (the Shewhart shift and trend rules would add
        // false alarms on 12 points without finding anything the run-chart rules miss)
        List<SignalEvent> events = new ArrayList<>(
                SpecialCauseRules.DEFAULT.evaluate(value, base.centre(), lower, upper).stream()
                        .filter(e -> e.signal() == Signal.OUTSIDE_LIMITS).toList());
        events.addAll(RunChartRules.anhoej(Arrays.stream(value).boxed().toList()).events());
        String type = switch (base.type()) {
            case P -> "p";
            case U -> "u";
            case P_PRIME -> "p-prime";
            case U_PRIME -> "u-prime";
        };
        Map<LocalDate, SpcPoint> out = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            Set<Signal> signals = EnumSet.noneOf(Signal.class);
            for (SignalEvent e : events) {
                if (e.first() <= i && i <= e.last()) {
                    signals.add(e.signal());
                }
            }
            String codes = signals.isEmpty() ? null
                    : signals.stream().map(Enum::name).collect(Collectors.joining(","));
            out.put(usable.get(i).counts().periodStart(),
                    new SpcPoint(type, base.centre(), lower[i], upper[i], codes, side(events, i)));
        }
        return out;
    }

    private static ControlChart controlChart(IndicatorScoring indicator, List<ResultCell> usable) {
        List<Long> numerators = usable.stream().map(ResultCell::numerator).toList();
        double meanDenominator = usable.stream().mapToLong(ResultCell::denominator).average().orElse(0);
        boolean large = meanDenominator > LANEY_MIN_MEAN_DENOMINATOR;
        if (indicator.isRatio()) {
            List<Double> exposures = usable.stream().map(ResultCell::exposure).toList();
            ControlChart laney = SpcCharts.laneyUChart(numerators, exposures, indicator.multiplier());
            return large && laney.sigmaZ() > 1 ? laney
                    : SpcCharts.uChart(numerators, exposures, indicator.multiplier());
        }
        List<Long> denominators = usable.stream().map(ResultCell::denominator).toList();
        ControlChart laney = SpcCharts.laneyPChart(numerators, denominators);
        return large && laney.sigmaZ() > 1 ? laney : SpcCharts.pChart(numerators, denominators);
    }

    /**
     * The direction of the signals covering period {@code i}: a point outside the limits is judged by its
     * own side; otherwise the first directional event (shift, trend, long run) covering it.
     */
    static String side(List<SignalEvent> events, int i) {
        Side side = events.stream()
                .filter(e -> e.signal() == Signal.OUTSIDE_LIMITS && e.first() == i).map(SignalEvent::side)
                .findFirst()
                .orElseGet(() -> events.stream()
                        .filter(e -> e.first() <= i && i <= e.last() && e.side() != Side.NONE)
                        .map(SignalEvent::side).findFirst().orElse(Side.NONE));
        return switch (side) {
            case UP -> "up";
            case DOWN -> "down";
            case NONE -> null;
        };
    }
}
