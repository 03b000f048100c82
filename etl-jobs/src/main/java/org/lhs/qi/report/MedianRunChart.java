package org.lhs.qi.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lhs.qi.stats.spc.RunChartResult;
import org.lhs.qi.stats.spc.RunChartRules;
import org.lhs.qi.stats.spc.Side;
import org.lhs.qi.stats.spc.Signal;
import org.lhs.qi.stats.spc.SignalEvent;

/**
 * The run chart of an audience's monthly medians with the Anhøj rules ({@link RunChartRules}): the centre line is
 * the median of the monthly values; a run on one side of it longer than chance allows marks its months better or
 * worse by the direction of improvement, too few crossings marks every charted month without direction. A p or u
 * control chart does not apply: a median is neither a proportion nor a count per exposure.
 *
 * @param control centre line (upper and lower limits all null) and the marks per month; null without a chart
 * @param status  the reading for the summary and the page
 */
public record MedianRunChart(ChartData.Control control, SpcStatus status) {

    /** Fewest reportable months the rules are applied to (run charts need about 10 points to say anything). */
    public static final int MIN_MONTHS = 10;

    /** The run chart of the monthly values (one per month, null where suppressed or missing). */
    public static MedianRunChart of(List<Double> monthly, Improvement improvement) {
        List<Integer> charted = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < monthly.size(); i++) {
            if (monthly.get(i) != null) {
                charted.add(i);
                values.add(monthly.get(i));
            }
        }
        if (values.size() < MIN_MONTHS) {
            return new MedianRunChart(null, new SpcStatus(SpcStatus.Code.NONE, "too few months"));
        }
        RunChartResult result = RunChartRules.anhoej(values);
        List<Double> centre = new ArrayList<>(Collections.nCopies(monthly.size(), null));
        List<ChartData.Mark> marks = new ArrayList<>(Collections.nCopies(monthly.size(), null));
        for (int i : charted) {
            centre.set(i, result.median());
        }
        boolean up = false;
        boolean down = false;
        boolean undirected = false;
        // few crossings first, so that a long run's direction overrides it on the run's months
        for (SignalEvent e : result.events()) {
            if (e.signal() == Signal.RUN_FEW_CROSSINGS) {
                undirected = true;
                charted.forEach(i -> marks.set(i, ChartData.Mark.UNDIRECTED));
            }
        }
        for (SignalEvent e : result.events()) {
            if (e.signal() == Signal.RUN_LONG && e.side() != Side.NONE) {
                boolean isUp = e.side() == Side.UP;
                up |= isUp;
                down |= !isUp;
                ChartData.Mark mark = improvement.better(isUp ? 0 : 1, isUp ? 1 : 0)
                        ? ChartData.Mark.BETTER : ChartData.Mark.WORSE;
                for (int k = e.first(); k <= e.last(); k++) {
                    marks.set(charted.get(k), mark);
                }
            }
        }
        List<Double> none = Collections.nCopies(monthly.size(), null);
        ChartData.Control control = new ChartData.Control(centre, none, none, marks);
        return new MedianRunChart(control, status(up, down, undirected, improvement));
    }

    private static SpcStatus status(boolean up, boolean down, boolean undirected, Improvement improvement) {
        if (up && down) {
            return new SpcStatus(SpcStatus.Code.MIXED, "▲▼ special cause (mixed)");
        }
        if (up || down) {
            boolean better = improvement.better(up ? 0 : 1, up ? 1 : 0);
            return new SpcStatus(better ? SpcStatus.Code.BETTER : SpcStatus.Code.WORSE,
                    (up ? "▲" : "▼") + " special cause (" + (better ? "better" : "worse") + ")");
        }
        if (undirected) {
            return new SpcStatus(SpcStatus.Code.MIXED, "● special cause (non-random)");
        }
        return new SpcStatus(SpcStatus.Code.COMMON_CAUSE, "common cause");
    }
}
