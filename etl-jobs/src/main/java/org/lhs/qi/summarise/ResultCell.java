package org.lhs.qi.summarise;

import org.lhs.qi.stats.SuppressedCell;

/**
 * One computed cell of {@code qi.result}: published counts, rate and interval, or a suppression reason
 * (then rate and interval are null).
 *
 * @param suppression {@code SHOWN}, {@code PRIMARY} (its own counts are small) or {@code COMPLEMENTARY} (hidden so
 *                    that a primary cell cannot be worked out from a total)
 * @param rse         relative standard error of the rate (SE / rate); null when suppressed or the numerator is 0
 * @param unstable    the rate is shown but imprecise: RSE above {@value ResultCalculator#MAX_STABLE_RSE} or no events
 */
public record ResultCell(CellCounts counts, long denominator, long numerator, Double exposure, Double rate,
        Double ciLow, Double ciHigh, String ciMethod, boolean suppressed, String suppressionReason,
        Boolean meetsTarget, SuppressedCell.Status suppression, Double rse, boolean unstable) {

    /** A cell before the stability and suppression details are known (primary suppression from the flag). */
    public ResultCell(CellCounts counts, long denominator, long numerator, Double exposure, Double rate,
            Double ciLow, Double ciHigh, String ciMethod, boolean suppressed, String suppressionReason,
            Boolean meetsTarget) {
        this(counts, denominator, numerator, exposure, rate, ciLow, ciHigh, ciMethod, suppressed, suppressionReason,
                meetsTarget, suppressed ? SuppressedCell.Status.PRIMARY : SuppressedCell.Status.SHOWN, null, false);
    }

    /** This cell hidden to protect another one: no rate, interval, target verdict or stability. */
    public ResultCell complementary(String reason) {
        return new ResultCell(counts, denominator, numerator, exposure, null, null, null, null, true, reason, null,
                SuppressedCell.Status.COMPLEMENTARY, null, false);
    }

    /** {@code primary}, {@code complementary}, or null when shown (the stored {@code qi.result.suppression}). */
    public String suppressionKind() {
        return switch (suppression) {
            case SHOWN -> null;
            case PRIMARY -> "primary";
            case COMPLEMENTARY -> "complementary";
        };
    }
}
