package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.definition.Criterion;

/**
 * {@code survey-response:} patient-experience answers by survey and item, timed by the response time. The answer
 * test is the numeric comparison, the answer codes, or either of them when both are given (items of one survey may
 * be scored on a 0–10 scale or with words such as {@code always}).
 */
final class SurveyResponseCriterionSql {

    private SurveyResponseCriterionSql() {}

    static CriterionSql.EventRows rows(Criterion.SurveyResponse x, SqlContext ctx, String prefix) {
        List<String> c = new ArrayList<>();
        // responses on the subject encounter belong to it even when they carry no patient (anonymous surveys)
        c.add(x.sameEncounter() ? "sr.encounter_id = s.encounter_id" : "sr.patient_id = s.patient_id");
        if (!x.surveys().isEmpty()) {
            c.add("sr.survey IN (" + ctx.bind(prefix, "survey", x.surveys()) + ")");
        }
        if (!x.items().isEmpty()) {
            c.add("sr.item IN (" + ctx.bind(prefix, "item", x.items()) + ")");
        }
        List<String> answer = new ArrayList<>();
        if (x.answer() != null) {
            answer.add("sr.answer_num " + x.answer().operator().sql() + " " + ctx.bind(prefix, "answer", x.answer().value()));
        }
        if (!x.answerCodes().isEmpty()) {
            answer.add("sr.answer_code IN (" + ctx.bind(prefix, "answer_code", x.answerCodes()) + ")");
        }
        if (!answer.isEmpty()) {
            c.add(Sql.group(answer, "OR"));
        }
        c.addAll(TimingSql.window(x.timing(), "sr.response_time", ctx, prefix));
        return new CriterionSql.EventRows(new RowQuery("ehr.survey_response", "sr", c), prefix, x.atLeast());
    }
}
