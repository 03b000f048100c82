package org.lhs.qi.quality;

import java.util.Map;

/** {@code unit-conformance}: share of numeric observations of the codes not recorded in the expected unit. */
final class UnitConformanceCheck extends RowShareCheck {

    UnitConformanceCheck(CheckDefinition d) {
        super(d);
        if (d.codes().isEmpty() || d.unit() == null) {
            throw new IllegalArgumentException("unit-conformance needs codes and a unit");
        }
    }

    @Override
    DqTable table() {
        return DqTable.OBSERVATION;
    }

    @Override
    String population() {
        return "t.code = ANY(:codes) AND t.value_num IS NOT NULL";
    }

    @Override
    String offending() {
        return "t.unit IS DISTINCT FROM :unit";
    }

    @Override
    Map<String, Object> parameters() {
        return Map.of("codes", array(definition().codes()), "unit", definition().unit());
    }

    @Override
    String offendingWhat() {
        return "not in unit " + definition().unit() + " (codes " + String.join(", ", definition().codes()) + ")";
    }
}
