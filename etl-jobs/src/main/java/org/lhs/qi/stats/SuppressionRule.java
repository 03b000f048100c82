package org.lhs.qi.stats;

/**
 * Primary small-cell suppression (see {@code org.lhs.qi.summarise} for the full rule): a cell is hidden when a
 * person count that could be read or worked out from it lies between 1 and {@code minCellSize − 1}.
 * <ul>
 * <li>proportion: the denominator is below the minimum, or the numerator, or its complement (denominator −
 * numerator), is between 1 and the minimum − 1: rate × denominator gives the numerator back and the
 * denominator − numerator gives the complement, so hiding only the small count would not hide it;</li>
 * <li>ratio: fewer subjects than the minimum, or 1 to minimum − 1 events (rate × exposure gives the events);</li>
 * <li>count (cohort): the count is below the minimum.</li>
 * </ul>
 * Zero is not a small cell: it identifies nobody.
 *
 * @param minCellSize smallest count that may be published (11 by default: counts 1–10 are hidden)
 */
public record SuppressionRule(int minCellSize) {

    public SuppressionRule {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("minCellSize must be >= 1: " + minCellSize);
        }
    }

    /** Whether a cell with this count (denominator, or events for a rate) must be hidden. */
    public boolean suppresses(long count) {
        return count < minCellSize;
    }

    /** Whether a count is a small cell: 1 to minimum − 1 (zero is not). */
    public boolean small(long count) {
        return count >= 1 && count < minCellSize;
    }

    /** Why the cell is suppressed, or {@code null} when it may be shown. */
    public String reason(long denominator) {
        return denominator < minCellSize ? "denominator below " + minCellSize : null;
    }

    /** Why a proportion's cell is suppressed, or {@code null} when it may be shown. */
    public String proportionReason(long denominator, long numerator) {
        if (denominator < minCellSize) {
            return "denominator below " + minCellSize;
        }
        if (small(numerator)) {
            return "numerator below " + minCellSize;
        }
        if (small(denominator - numerator)) {
            return "denominator minus numerator below " + minCellSize;
        }
        return null;
    }

    /** Why a ratio's cell (subjects, events) is suppressed, or {@code null} when it may be shown. */
    public String ratioReason(long subjects, long events) {
        if (subjects < minCellSize) {
            return "denominator below " + minCellSize;
        }
        if (small(events)) {
            return "events below " + minCellSize;
        }
        return null;
    }
}
