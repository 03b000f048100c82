package org.lhs.qi.compile;

import org.lhs.qi.definition.FollowUpComplete;

/**
 * {@code follow-up-complete:} discharge + duration ≤ the data cut-off, {@code :business_date} at 00:00 in the session
 * time zone (the same midnight convention as the period bounds).
 */
final class FollowUpCompleteSql {

    private FollowUpCompleteSql() {}

    static String sql(FollowUpComplete f, String alias, SqlContext ctx, String prefix) {
        return alias + ".discharge_time + CAST(" + ctx.bind(prefix, "follow_up", f.duration().interval())
                + " AS interval) <= CAST(CAST(:business_date AS date) AS timestamptz)";
    }
}
