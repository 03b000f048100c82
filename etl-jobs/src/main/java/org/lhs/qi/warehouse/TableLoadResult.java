package org.lhs.qi.warehouse;

/**
 * What normalising one table did.
 *
 * @param files           extract files whose staged rows were loaded (and are now {@code loaded})
 * @param rowsInserted    new warehouse rows
 * @param rowsUpdated     existing rows whose values changed
 * @param rowsUnchanged   rows already in the warehouse with identical values (left untouched)
 * @param rowsQuarantined rows whose references could not be resolved
 */
public record TableLoadResult(String table, int files, long rowsInserted, long rowsUpdated, long rowsUnchanged,
                              long rowsQuarantined) {

    /** Rows the warehouse now holds from these files (inserted, updated or confirmed unchanged). */
    public long rowsLoaded() {
        return rowsInserted + rowsUpdated + rowsUnchanged;
    }
}
