package org.lhs.qi.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code value-range}: share of numeric observations of the codes outside the plausible [min, max]. */
final class ValueRangeCheck extends RowShareCheck {

    ValueRangeCheck(CheckDefinition d) {
        super(d);
        if (d.codes().isEmpty() || (d.min() == null && d.max() == null)) {
            throw new IllegalArgumentException("value-range needs codes and min or max");
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
        List<String> out = new ArrayList<>();
        if (definition().min() != null) {
            out.add("t.value_num < :min");
        }
        if (definition().max() != null) {
            out.add("t.value_num > :max");
        }
        return String.join(" OR ", out);
    }

    @Override
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("codes", array(definition().codes()));
        if (definition().min() != null) {
            p.put("min", BigDecimal.valueOf(definition().min()));
        }
        if (definition().max() != null) {
            p.put("max", BigDecimal.valueOf(definition().max()));
        }
        return p;
    }

    @Override
    String offendingWhat() {
        String lo = definition().min() == null ? "-∞" : Formats.number(definition().min());
        String hi = definition().max() == null ? "∞" : Formats.number(definition().max());
        return "outside [" + lo + ", " + hi + "] (codes " + String.join(", ", definition().codes()) + ")";
    }
}
