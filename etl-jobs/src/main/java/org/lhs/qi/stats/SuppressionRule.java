package org.lhs.qi.stats;

/**
 * Primary small-cell suppression: a cell whose denominator is below the minimum is never shown, because
 * small counts can identify patients and their rates are too unstable to act on.
 *
 * @param minCellSize smallest denominator that may be published (11 by default: counts 1–10 are hidden)
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

    /** Why the cell is suppressed, or {@code null} when it may be shown. */
    public String reason(long denominator) {
        return denominator < minCellSize ? "denominator below " + minCellSize : null;
    }
}
