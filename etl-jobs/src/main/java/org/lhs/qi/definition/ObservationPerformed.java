package org.lhs.qi.definition;

import java.util.List;

/**
 * {@code observation-performed:} an assessment, lab result or symptom with one of the statuses (default final,
 * amended, corrected; CQL {@code isAssessmentPerformed()} / {@code isLaboratoryTestPerformed()}); timing applies to
 * the effective interval. {@code valueIn}: its coded value must be in the value set. {@code latestValueIn}: only the
 * latest matching result counts, and its coded value must be in the value set (CQL {@code Last(...) ~ code}).
 */
public record ObservationPerformed(List<String> codes, List<String> statuses, String valueIn, String latestValueIn,
                                   EcqmTiming when) implements Criterion.Ecqm {
    @Override
    public List<String> valueSets() {
        List<String> out = new java.util.ArrayList<>(codes);
        if (valueIn != null) {
            out.add(valueIn);
        }
        if (latestValueIn != null) {
            out.add(latestValueIn);
        }
        return out;
    }
}
