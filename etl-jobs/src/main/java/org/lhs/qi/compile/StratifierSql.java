package org.lhs.qi.compile;

import java.util.List;

/**
 * The stratifier columns of qi.member, always all of them (cheap, and drill-down wants them); the
 * definition's {@code stratifiers} list tells the summary which to report. The category literals are the
 * shared vocabulary in code, not definition text.
 */
final class StratifierSql {

    private StratifierSql() {}

    /**
     * The payer of every member's patient on the last day of each period: the coverage active then that started
     * last (ties: the later row), computed once for all members and periods; no coverage: no row.
     */
    static String payer() {
        return """
                payer AS (
                    SELECT DISTINCT ON (m.patient_id, m.period_no) m.patient_id, m.period_no, cv.payer_type
                    FROM (SELECT DISTINCT f.patient_id, f.period_no FROM flags f) m
                    JOIN period pd ON pd.period_no = m.period_no
                    JOIN ehr.coverage cv ON cv.patient_id = m.patient_id
                    WHERE cv.start_date <= pd.last_day
                      AND (cv.end_date IS NULL OR cv.end_date >= pd.last_day)
                    ORDER BY m.patient_id, m.period_no, cv.start_date DESC, cv.id DESC
                )
                """;
    }

    /** Select-list expressions over the flags stage {@code f} and its payer {@code py}, in qi.member column order. */
    static List<String> columns() {
        return List.of(
                "coalesce(f.sex, 'unknown')",
                "coalesce(f.race, 'unknown')",
                "coalesce(f.ethnicity, 'unknown')",
                """
                CASE WHEN f.age_years < 18 THEN '0-17'
                     WHEN f.age_years < 35 THEN '18-34'
                     WHEN f.age_years < 50 THEN '35-49'
                     WHEN f.age_years < 65 THEN '50-64'
                     WHEN f.age_years < 75 THEN '65-74'
                     ELSE '75+' END""",
                "coalesce(py.payer_type, 'uninsured')",
                "coalesce(f.language, 'unknown')",
                "coalesce(CAST(f.deprivation_quintile AS text), 'unknown')");
    }
}
