package org.lhs.qi.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules of Provost & Murray, The Health Care Data Guide (2011): shift of 8, trend of 6, point outside. */
class SpecialCauseRulesTest {

    private static List<SignalEvent> evaluate(SpecialCauseRules rules, double centre, double... values) {
        double[] low = new double[values.length];
        double[] high = new double[values.length];
        Arrays.fill(low, -100);
        Arrays.fill(high, 100);
        return rules.evaluate(values, centre, low, high);
    }

    @Test
    void eightOnOneSideIsAShiftAndPointsOnTheLineAreSkipped() {
        assertEquals(List.of(new SignalEvent(Signal.SHIFT, 1, 9, Side.UP)),
                evaluate(SpecialCauseRules.DEFAULT, 0, -1, 1, 2, 1, 0, 3, 1, 1, 2, 1, -1));
    }

    @Test
    void sevenOnOneSideIsNoShift() {
        assertEquals(List.of(), evaluate(SpecialCauseRules.DEFAULT, 0, -1, 1, 2, 1, 0, 3, 1, 1, 1, -2));
    }

    @Test
    void shiftLengthIsConfigurable() {
        assertEquals(List.of(new SignalEvent(Signal.SHIFT, 0, 6, Side.DOWN)),
                evaluate(new SpecialCauseRules(7, 6), 10, 5, 6, 4, 5, 6, 4, 5, 11));
    }

    @Test
    void sixPointsSteadilyGoingOneWayIsATrendTiesAreSkipped() {
        // 1 2 2 3 4 5 6: six distinct rising points (the repeat neither breaks nor counts) then a drop
        assertEquals(List.of(new SignalEvent(Signal.TREND, 0, 6, Side.UP)),
                evaluate(SpecialCauseRules.DEFAULT, 3.5, 1, 2, 2, 3, 4, 5, 6, 5));
        // the turning point starts the next trend: 9 8 7 6 5 4 after a rise to 9
        assertEquals(List.of(new SignalEvent(Signal.TREND, 2, 7, Side.DOWN)),
                evaluate(SpecialCauseRules.DEFAULT, 6.5, 7, 8, 9, 8, 7, 6, 5, 4));
    }

    @Test
    void fivePointsAreNoTrend() {
        assertEquals(List.of(), evaluate(SpecialCauseRules.DEFAULT, 3, 1, 2, 3, 4, 5, 1, 5));
    }

    @Test
    void pointsBeyondTheLimitsCarryTheirSide() {
        double[] values = {1, 5, -5, 0};
        double[] low = {-2, -2, -2, -2};
        double[] high = {2, 2, 2, 2};
        assertEquals(List.of(new SignalEvent(Signal.OUTSIDE_LIMITS, 1, 1, Side.UP),
                new SignalEvent(Signal.OUTSIDE_LIMITS, 2, 2, Side.DOWN)),
                SpecialCauseRules.DEFAULT.evaluate(values, 0, low, high));
    }
}
