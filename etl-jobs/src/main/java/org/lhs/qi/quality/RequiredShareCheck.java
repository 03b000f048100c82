package org.lhs.qi.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code required-share}: share of rows (of some codes, optionally) whose column is not null. */
final class RequiredShareCheck extends RowShareCheck {

    RequiredShareCheck(CheckDefinition d) {
        super(d);
        if (d.table() == null || d.column() == null || !d.table().hasColumn(d.column())) {
            throw new IllegalArgumentException("required-share needs a whitelisted table and column");
        }
    }

    @Override
    DqTable table() {
        return definition().table();
    }

    @Override
    String population() {
        return definition().codes().isEmpty() ? "TRUE" : "t.code = ANY(:codes)";
    }

    @Override
    String offending() {
        // the column name was checked against the whitelist of its table
        return "t." + definition().column() + " IS NULL";
    }

    @Override
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (!definition().codes().isEmpty()) {
            p.put("codes", array(definition().codes()));
        }
        return p;
    }

    @Override
    String offendingWhat() {
        return "without " + definition().column()
                + (definition().codes().isEmpty() ? "" : " (codes " + String.join(", ", definition().codes()) + ")");
    }
}
