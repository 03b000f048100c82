package org.lhs.qi.summarise;

/**
 * One computed cell of {@code qi.result}: published counts, rate and interval, or a suppression reason
 * (then rate and interval are null).
 */
public record ResultCell(CellCounts counts, long denominator, long numerator, Double exposure, Double rate,
        Double ciLow, Double ciHigh, String ciMethod, boolean suppressed, String suppressionReason,
        Boolean meetsTarget) {
}
