package org.lhs.qi.summarise;

import org.lhs.qi.stats.Interval;
import org.lhs.qi.stats.ProportionIntervals;
import org.lhs.qi.stats.RateIntervals;
import org.lhs.qi.stats.SuppressedCell;
import org.lhs.qi.stats.SuppressionRule;

/**
 * Turns the counts of a cell into what is published. Proportion: (NUM − NUMEX) / (DEN − DENEX − DENEXCEP)
 * with a Wilson interval. Ratio: events / exposure × multiplier with an exact Poisson interval; its
 * "denominator" for suppression is the number of subjects (stays) in the cell. Continuous variable: the median
 * (order-statistic interval) or mean (t interval) of the measure observations. Applies the primary small-cell
 * rule of {@link SuppressionRule} and flags shown rates whose relative standard error exceeds 30% as unstable;
 * complementary suppression needs all cells of an indicator and is {@link ComplementarySuppression}'s job.
 */
public final class ResultCalculator {

    private static final double CONFIDENCE = 0.95;
    /** Largest relative standard error of a rate that is not flagged unstable (NCHS uses 30%). */
    public static final double MAX_STABLE_RSE = 0.30;

    private final SuppressionRule suppression;

    public ResultCalculator(SuppressionRule suppression) {
        this.suppression = suppression;
    }

    public ResultCell calculate(IndicatorScoring indicator, CellCounts c) {
        return calculate(indicator, c, null);
    }

    /**
     * As {@link #calculate(IndicatorScoring, CellCounts)}; a continuous-variable cell also needs the aggregate of
     * its observations. Continuous variable: denominator = measure population − exclusions, numerator = number
     * of observations (the suppression count), rate = median or mean in the observation's unit.
     */
    public ResultCell calculate(IndicatorScoring indicator, CellCounts c, ContinuousAggregate aggregate) {
        if (indicator.isContinuous()) {
            long population = c.denominator() - c.denominatorExclusion();
            long n = c.observations();
            String reason = suppression.reason(n);
            if (reason == null && aggregate == null) {
                reason = "no observations";
            }
            if (reason != null) {
                return new ResultCell(c, population, n, null, null, null, null, null, true, reason, null);
            }
            return new ResultCell(c, population, n, null, aggregate.value(), aggregate.low(), aggregate.high(),
                    aggregate.method(), false, null, meetsTarget(indicator, aggregate.value()));
        }
        if ("cohort".equals(indicator.scoring())) {
            // a cohort is a count: its "denominator" is the initial population, there is no rate
            long count = c.initialPopulation();
            String reason = suppression.reason(count);
            return new ResultCell(c, count, 0, null, null, null, null, null, reason != null, reason, null);
        }
        if (indicator.isRatio()) {
            long subjects = c.denominator() - c.denominatorExclusion();
            String reason = suppression.ratioReason(subjects, c.events());
            if (reason == null && !(c.exposure() > 0)) {
                reason = "no exposure";
            }
            if (reason != null) {
                return new ResultCell(c, subjects, c.events(), c.exposure(), null, null, null, null, true, reason, null);
            }
            double rate = c.events() / c.exposure() * indicator.multiplier();
            Interval ci = RateIntervals.exactPoissonRate(c.events(), c.exposure(), indicator.multiplier(), CONFIDENCE);
            // Poisson count: SE(rate) / rate = 1 / sqrt(events)
            Double rse = c.events() > 0 ? 1 / Math.sqrt(c.events()) : null;
            return new ResultCell(c, subjects, c.events(), c.exposure(), rate, ci.low(), ci.high(), ci.method(),
                    false, null, meetsTarget(indicator, rate), SuppressedCell.Status.SHOWN, rse, unstable(rse));
        }
        long denominator = c.denominator() - c.denominatorExclusion() - c.denominatorException();
        long numerator = c.numerator() - c.numeratorExclusion();
        String reason = suppression.proportionReason(denominator, numerator);
        if (reason != null) {
            return new ResultCell(c, denominator, numerator, null, null, null, null, null, true, reason, null);
        }
        double rate = (double) numerator / denominator;
        Interval ci = ProportionIntervals.wilson(numerator, denominator, CONFIDENCE);
        // binomial: SE(p) / p = sqrt(p(1 − p)/n) / p = sqrt((1 − p) / numerator)
        Double rse = numerator > 0 ? Math.sqrt((1 - rate) / numerator) : null;
        return new ResultCell(c, denominator, numerator, null, rate, ci.low(), ci.high(), ci.method(), false, null,
                meetsTarget(indicator, rate), SuppressedCell.Status.SHOWN, rse, unstable(rse));
    }

    /** A rate without events has no usable relative error, so it is flagged too. */
    private static boolean unstable(Double rse) {
        return rse == null || rse > MAX_STABLE_RSE;
    }

    /** Whether the rate is on the good side of the target, given the direction of improvement. */
    static Boolean meetsTarget(IndicatorScoring indicator, double rate) {
        if (indicator.target() == null) {
            return null;
        }
        return "decrease".equals(indicator.improvement()) ? rate <= indicator.target() : rate >= indicator.target();
    }
}
