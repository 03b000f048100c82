package org.lhs.qi.summarise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lhs.qi.stats.spc.ChartPoint;
import org.lhs.qi.stats.spc.ControlChart;
import org.lhs.qi.stats.spc.RunChartResult;
import org.lhs.qi.stats.spc.RunChartRules;
import org.lhs.qi.stats.spc.Side;
import org.lhs.qi.stats.spc.Signal;
import org.lhs.qi.stats.spc.SignalEvent;
import org.lhs.qi.stats.spc.SpcCharts;

/**
 * Builds the control chart of one site's monthly overall cells: a p chart for proportions, a u chart for
 * ratios, both with per-period 3σ limits, plus the Anhøj run-chart rules on the same values.
 * <p>
 * Laney's p′/u′ replaces the plain chart when the periods are large (mean denominator above
 * {@value #LANEY_MIN_MEAN_DENOMINATOR} subjects) AND over-dispersed (σ_z &gt; 1): with thousands of subjects
 * the binomial/Poisson limits become so narrow that ordinary month-to-month variation would be flagged; with
 * small denominators or no over-dispersion the plain limits are right and Laney would only narrow them.
 * <p>
 * Suppressed months are left out of the chart (their points and limits would give away small counts),
 * so the chart is over the reportable months only, and needs at least {@value #MIN_POINTS} of them.
 */
public final class SpcAssembler {

    /** Mean subjects per period above which Laney's adjustment is considered. */
    public static final int LANEY_MIN_MEAN_DENOMINATOR = 1000;
    /** Fewest reportable months for a chart. */
    public static final int MIN_POINTS = 2;

    private SpcAssembler() {}

    /** The SPC values by period start of one site's monthly overall cells (any order); empty when too few. */
    public static Map<LocalDate, SpcPoint> chart(IndicatorScoring indicator, List<ResultCell> cells) {
        List<ResultCell> usable = cells.stream()
                .filter(c -> !c.suppressed() && c.denominator() > 0
                        && (!indicator.isRatio() || c.exposure() != null && c.exposure() > 0))
                .sorted(Comparator.comparing(c -> c.counts().periodStart()))
                .toList();
        if (usable.size() < MIN_POINTS) {
            return Map.of();
        }
        ControlChart chart = controlChart(indicator, usable);
        RunChartResult run = RunChartRules.anhoej(chart.points().stream().map(ChartPoint::value).toList());
        List<SignalEvent> events = new ArrayList<>(chart.events());
        events.addAll(run.events());
        String type = switch (chart.type()) {
            case P -> "p";
            case U -> "u";
            case P_PRIME -> "p-prime";
            case U_PRIME -> "u-prime";
        };
        Map<LocalDate, SpcPoint> out = new LinkedHashMap<>();
        for (int i = 0; i < usable.size(); i++) {
            ChartPoint p = chart.points().get(i);
            Set<Signal> signals = EnumSet.noneOf(Signal.class);
            signals.addAll(p.signals());
            signals.addAll(run.signals().get(i));
            String codes = signals.isEmpty() ? null
                    : signals.stream().map(Enum::name).collect(Collectors.joining(","));
            out.put(usable.get(i).counts().periodStart(),
                    new SpcPoint(type, chart.centre(), p.lower(), p.upper(), codes, side(events, i)));
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
