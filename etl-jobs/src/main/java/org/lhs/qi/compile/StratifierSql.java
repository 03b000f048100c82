package org.lhs.qi.compile;

import java.util.List;

/**
 * The stratifier columns of qi.member, always all of them (cheap, and drill-down wants them); the
 * definition's {@code stratifiers} list tells the summary which to report. The category literals are the
 * shared vocabulary in code, not definition text.
 */
final class StratifierSql {

    private StratifierSql() {}

    /** Select-list expressions over the flags stage {@code f} and period {@code pd}, in qi.member column order. */
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
                """
                coalesce((
                    SELECT cv.payer_type FROM ehr.coverage cv
                    WHERE cv.patient_id = f.patient_id
                      AND cv.start_date <= pd.last_day
                      AND (cv.end_date IS NULL OR cv.end_date >= pd.last_day)
                    ORDER BY cv.start_date DESC, cv.id DESC
                    LIMIT 1), 'uninsured')""",
                "coalesce(f.language, 'unknown')",
                "coalesce(CAST(f.deprivation_quintile AS text), 'unknown')");
    }
}
