package org.lhs.qi.stats.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact limits with Spiegelhalter's interpolation (Stat Med 2005;24:1185-1202, Appendix A.1.1): r_p is the
 * smallest count with F(r_p) ≥ p, α = (F(r_p) − p)/(F(r_p) − F(r_p − 1)), limit = (r_p − α)/n. Expected values
 * are worked by hand from the cumulative binomial and Poisson probabilities of standard tables.
 */
class FunnelLimitsTest {

    /**
     * Bin(20, ½): F(5) = 0.020695, F(6) = 0.057659 → lower 95% = (6 − 0.88343)/20 = 0.25583;
     * F(13) = 0.942341, F(14) = 0.979305 → upper 95% = (14 − 0.11647)/20 = 0.69418;
     * F(2) = 0.000201, F(3) = 0.001288 → lower 99.8% = (3 − 0.26527)/20 = 0.13674;
     * F(16) = 0.998712, F(17) = 0.999799 → upper 99.8% = (17 − 0.74)/20 = 0.81326.
     */
    @Test
    void proportionLimitsByHandForBinomialTwentyHalf() {
        FunnelLimits l = FunnelLimits.forProportion(0.5, 20);
        assertEquals(0.25582, l.lower95(), 2e-5);
        assertEquals(0.69418, l.upper95(), 2e-5);
        assertEquals(0.13674, l.lower998(), 2e-5);
        assertEquals(0.81326, l.upper998(), 2e-5);
    }

    /**
     * For large n the exact limits approach the normal ones, θ ± z·√(θ(1−θ)/n) = 0.1 ± z·0.0094868; the
     * binomial's right skew at θ = 0.1 still moves the 99.8% limits up by about 0.0007.
     */
    @Test
    void largeDenominatorApproachesNormalLimits() {
        FunnelLimits l = FunnelLimits.forProportion(0.1, 1000);
        assertEquals(0.1 - 1.959964 * 0.0094868, l.lower95(), 3e-4);
        assertEquals(0.1 + 1.959964 * 0.0094868, l.upper95(), 3e-4);
        assertEquals(0.1 - 3.090232 * 0.0094868, l.lower998(), 1e-3);
        assertEquals(0.1 + 3.090232 * 0.0094868, l.upper998(), 1e-3);
    }

    /**
     * Poisson(10): F(3) = 0.010336, F(4) = 0.029253 → 95% lower count 3.77519; F(16) = 0.972958,
     * F(17) = 0.985722 → upper 16.15995; 99.8%: 1.22053 and 20.66200. A site with 4,000 patient-days at an
     * organisation rate of 2.5 per 1,000 expects 10: limits per 1,000 are the counts / 4.
     */
    @Test
    void rateLimitsByHandForPoissonTen() {
        FunnelLimits l = FunnelLimits.forRate(2.5, 4000, 1000);
        assertEquals(3.77519 / 4, l.lower95(), 1e-5);
        assertEquals(16.15995 / 4, l.upper95(), 1e-5);
        assertEquals(1.22053 / 4, l.lower998(), 1e-5);
        assertEquals(20.66200 / 4, l.upper998(), 1e-5);
        assertEquals(Position.ABOVE, l.at95(4.5));
        assertEquals(Position.INSIDE, l.at998(4.5));
        assertEquals(Position.BELOW, l.at95(0.5));
    }

    @Test
    void limitsStayInsideZeroAndOne() {
        FunnelLimits l = FunnelLimits.forProportion(0.02, 10);
        assertEquals(0.0, l.lower95());
        assertEquals(0.0, l.lower998());
    }

    @Test
    void plotPlacesEverySiteAroundThePooledRate() {
        // pooled 50/100 = 0.5; site B (11 of 20 = 0.55) is inside; A 18/20 = 0.9 is above both limits
        // (0.69418, 0.81326); C 21/60 = 0.35 against n = 60
        FunnelPlot plot = FunnelPlot.forProportions(List.of(new SiteCount("A", 18, 20), new SiteCount("B", 11, 20),
                new SiteCount("C", 21, 60)));
        assertEquals(0.5, plot.target(), 1e-12);
        SitePosition a = plot.sites().get(0);
        assertEquals(0.9, a.value(), 1e-12);
        assertEquals(Position.ABOVE, a.at95());
        assertEquals(Position.ABOVE, a.at998());
        assertEquals(Position.INSIDE, plot.sites().get(1).at95());
        // Bin(60, ½): F(21) = 0.013670, F(22) = 0.025947 → lower 95% = (22 − 0.07713)/60 = 0.36538;
        // F(17) = 0.000533, F(18) = 0.001335 → lower 99.8% = (18 − 0.41780)/60 = 0.29304: 0.35 lies between
        SitePosition c = plot.sites().get(2);
        assertEquals(Position.BELOW, c.at95());
        assertEquals(Position.INSIDE, c.at998());
    }
}
