package org.lhs.qi.stats;

/**
 * One cell of a published table, reduced to what suppression needs.
 *
 * @param key the cell's label, e.g. the stratum
 * @param count the count the suppression rule applies to: the denominator of a proportion, the event
 *        count of a rate
 */
public record Cell(String key, long count) {

    public Cell {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
    }

    /** A proportion cell: suppressed on its denominator. */
    public static Cell forProportion(String key, long denominator) {
        return new Cell(key, denominator);
    }

    /** A rate cell: suppressed on its event count. */
    public static Cell forRate(String key, long events) {
        return new Cell(key, events);
    }
}
