package org.lhs.qi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.SuppressedCell.Status;

class SuppressionTest {

    private static final SuppressionRule RULE = new SuppressionRule(11);

    @Test
    void singlePrimaryCellForcesTheNextSmallestToBeHidden() {
        // total 240 is published: with only "other" (7) hidden, 240 − 120 − 80 − 33 would give it away
        List<SuppressedCell> out = Suppression.apply(List.of(
                Cell.forProportion("female", 120), Cell.forProportion("male", 80),
                Cell.forProportion("other", 7), Cell.forProportion("unknown", 33)), RULE);
        assertEquals(List.of(Status.SHOWN, Status.SHOWN, Status.PRIMARY, Status.COMPLEMENTARY),
                out.stream().map(SuppressedCell::status).toList());
        assertTrue(out.get(3).suppressed());
        assertFalse(out.get(0).suppressed());
    }

    @Test
    void twoPrimaryCellsNeedNoComplement() {
        List<SuppressedCell> out = Suppression.apply(List.of(
                Cell.forProportion("a", 120), Cell.forProportion("b", 3), Cell.forProportion("c", 10),
                Cell.forProportion("d", 40)), RULE);
        assertEquals(List.of(Status.SHOWN, Status.PRIMARY, Status.PRIMARY, Status.SHOWN),
                out.stream().map(SuppressedCell::status).toList());
    }

    @Test
    void nothingSmallNothingHidden() {
        List<SuppressedCell> out = Suppression.apply(List.of(Cell.forProportion("a", 11),
                Cell.forProportion("b", 12)), RULE);
        assertTrue(out.stream().noneMatch(SuppressedCell::suppressed));
    }

    @Test
    void tiesForTheComplementGoToTheEarlierCell() {
        List<SuppressedCell> out = Suppression.apply(List.of(Cell.forRate("x", 50), Cell.forRate("y", 20),
                Cell.forRate("z", 20), Cell.forRate("w", 2)), RULE);
        assertEquals(List.of(Status.SHOWN, Status.COMPLEMENTARY, Status.SHOWN, Status.PRIMARY),
                out.stream().map(SuppressedCell::status).toList());
    }

    @Test
    void ruleComparesWithTheMinimum() {
        assertTrue(RULE.suppresses(10));
        assertFalse(RULE.suppresses(11));
    }
}
