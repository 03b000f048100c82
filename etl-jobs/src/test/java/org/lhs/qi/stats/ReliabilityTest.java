package org.lhs.qi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void proportionRseByHand() {
        // p = 10/100: √(0.9 / (100·0.1)) = √0.09 = 0.30 exactly — on the threshold, not above it
        assertEquals(0.30, Reliability.rseProportion(10, 100), 1e-12);
        assertFalse(Reliability.isUnstable(Reliability.rseProportion(10, 100)));
        // p = 9/100: √(0.91 / 9) = 0.31798 → unstable
        assertEquals(0.317980, Reliability.rseProportion(9, 100), 1e-6);
        assertTrue(Reliability.isUnstable(Reliability.rseProportion(9, 100)));
        assertTrue(Reliability.isUnstable(Reliability.rseProportion(0, 100)));
        assertEquals(0.0, Reliability.rseProportion(100, 100));
    }

    @Test
    void poissonRseByHand() {
        // 1/√11 = 0.3015 (unstable), 1/√12 = 0.2887 (stable): a rate needs 12 events
        assertTrue(Reliability.isUnstable(Reliability.rseRate(11)));
        assertFalse(Reliability.isUnstable(Reliability.rseRate(12)));
        assertEquals(0.2, Reliability.rseRate(25), 1e-12);
        assertTrue(Reliability.isUnstable(Reliability.rseRate(0)));
    }
}
