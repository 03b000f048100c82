package org.lhs.qi.stats;

/** A cell with the outcome of suppression. */
public record SuppressedCell(Cell cell, Status status) {

    /** Why a cell is hidden, if it is. */
    public enum Status {
        /** May be published. */
        SHOWN,
        /** Its own count is below the minimum. */
        PRIMARY,
        /** Hidden only so that a primary cell cannot be recovered by subtraction from the total. */
        COMPLEMENTARY
    }

    /** Whether the cell must be hidden. */
    public boolean suppressed() {
        return status != Status.SHOWN;
    }
}
