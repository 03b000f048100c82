package org.lhs.qi.stats.spc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shewhart-chart rules for special cause as recommended for health care by Provost &amp; Murray (The Health
 * Care Data Guide, 2011, ch. 5): a point outside the 3σ limits; a shift of {@code shiftLength} or more
 * successive points on one side of the centre line (a point on the line neither breaks nor extends a shift);
 * a trend of {@code trendLength} or more successive points each higher (or each lower) than the one before
 * (a repeated value neither breaks nor extends a trend).
 *
 * @param shiftLength points on one side needed for a shift (8 by default)
 * @param trendLength points steadily going one way needed for a trend (6 by default, i.e. 5 moves)
 */
public record SpecialCauseRules(int shiftLength, int trendLength) {

    /** Shift of 8, trend of 6 points. */
    public static final SpecialCauseRules DEFAULT = new SpecialCauseRules(8, 6);

    public SpecialCauseRules {
        if (shiftLength < 2 || trendLength < 3) {
            throw new IllegalArgumentException("need shiftLength >= 2 and trendLength >= 3, got "
                    + shiftLength + ", " + trendLength);
        }
    }

    /** All signal events of a series against its centre line and per-point limits. */
    public List<SignalEvent> evaluate(double[] values, double centre, double[] lower, double[] upper) {
        List<SignalEvent> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] > upper[i]) {
                events.add(new SignalEvent(Signal.OUTSIDE_LIMITS, i, i, Side.UP));
            } else if (values[i] < lower[i]) {
                events.add(new SignalEvent(Signal.OUTSIDE_LIMITS, i, i, Side.DOWN));
            }
        }
        events.addAll(shifts(values, centre));
        events.addAll(trends(values));
        events.sort(Comparator.comparingInt(SignalEvent::first).thenComparing(SignalEvent::signal));
        return events;
    }

    private List<SignalEvent> shifts(double[] values, double centre) {
        List<SignalEvent> events = new ArrayList<>();
        Side side = Side.NONE;
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            Side s = Side.of(values[i], centre);
            if (s == Side.NONE) {
                continue;
            }
            if (s != side) {
                addIfLong(events, Signal.SHIFT, side, first, last, count, shiftLength);
                side = s;
                first = i;
                count = 0;
            }
            count++;
            last = i;
        }
        addIfLong(events, Signal.SHIFT, side, first, last, count, shiftLength);
        return events;
    }

    private List<SignalEvent> trends(double[] values) {
        List<SignalEvent> events = new ArrayList<>();
        Side side = Side.NONE;
        int first = 0;
        int previous = 0; // index of the last point that changed the value
        int count = values.length == 0 ? 0 : 1;
        for (int i = 1; i < values.length; i++) {
            Side move = Side.of(values[i], values[previous]);
            if (move == Side.NONE) {
                continue;
            }
            if (move != side) {
                addIfLong(events, Signal.TREND, side, first, previous, count, trendLength);
                side = move;
                first = previous; // the turning point starts the new trend
                count = 1;
            }
            count++;
            previous = i;
        }
        addIfLong(events, Signal.TREND, side, first, previous, count, trendLength);
        return events;
    }

    private static void addIfLong(List<SignalEvent> events, Signal signal, Side side, int first, int last,
            int count, int minimum) {
        if (side != Side.NONE && count >= minimum) {
            events.add(new SignalEvent(signal, first, last, side));
        }
    }
}
