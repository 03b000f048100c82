package org.lhs.qi.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Primary and complementary small-cell suppression of one table whose cells add up to a published total
 * (e.g. the strata of one stratifier beside the overall figure). With one hidden cell the reader could
 * subtract the others from the total, so a second cell, the smallest one shown, is hidden as well.
 */
public final class Suppression {

    private Suppression() {}

    /**
     * Applies the rule to cells that sum to a published total; the result keeps the order of {@code cells}.
     * Ties for the complementary cell go to the earlier cell.
     */
    public static List<SuppressedCell> apply(List<Cell> cells, SuppressionRule rule) {
        List<SuppressedCell.Status> status = new ArrayList<>(cells.stream()
                .map(c -> rule.suppresses(c.count()) ? SuppressedCell.Status.PRIMARY : SuppressedCell.Status.SHOWN)
                .toList());
        long primary = status.stream().filter(s -> s == SuppressedCell.Status.PRIMARY).count();
        if (primary == 1) {
            IntStream.range(0, cells.size())
                    .filter(i -> status.get(i) == SuppressedCell.Status.SHOWN)
                    .boxed()
                    .min(Comparator.comparingLong((Integer i) -> cells.get(i).count()).thenComparing(i -> i))
                    .ifPresent(i -> status.set(i, SuppressedCell.Status.COMPLEMENTARY));
        }
        return IntStream.range(0, cells.size())
                .mapToObj(i -> new SuppressedCell(cells.get(i), status.get(i)))
                .toList();
    }
}
