package org.lhs.qi.stats.equity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisparityTestsTest {

    @Test
    void katzWaldTestOfTheLogRatio() {
        // 60/200 v 200/1000: ln 1.5 = 0.405465, se = √(1/60 − 1/200 + 1/200 − 1/1000) = 0.125167, z = 3.23940,
        // p = 2·(1 − Φ(3.2394)) = 0.0011978
        assertEquals(0.0011978, DisparityTests.katzRatioP(60, 200, 200, 1000), 1e-6);
        assertEquals(1.0, DisparityTests.katzRatioP(0, 20, 5, 100), 0);
    }

    @Test
    void exactConditionalTestOfTwoRates() {
        // 30 events in 1,000 days v 20 in 2,000: under equal rates X ~ Bin(50, 1/3), mean 16.7; P(X ≥ 30) = 0.00010001,
        // doubled: 0.00020002
        assertEquals(0.00020002, DisparityTests.exactRateRatioP(30, 1000, 20, 2000), 1e-7);
        // 2 of 4 events with half the exposure each: the observed value is the median, p = 1
        assertEquals(1.0, DisparityTests.exactRateRatioP(2, 100, 2, 100), 0);
    }
}
