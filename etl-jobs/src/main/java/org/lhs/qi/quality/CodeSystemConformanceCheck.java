package org.lhs.qi.quality;

import java.util.List;
import java.util.Map;
import org.lhs.qi.definition.Vocabulary;

/** {@code code-system-conformance}: share of coded rows whose code system is not an allowed one. */
final class CodeSystemConformanceCheck extends RowShareCheck {

    CodeSystemConformanceCheck(CheckDefinition d) {
        super(d);
        if (d.table() == null || !d.table().hasCode()) {
            throw new IllegalArgumentException("code-system-conformance needs a coded table");
        }
    }

    private List<String> systems() {
        return definition().codeSystems().isEmpty() ? Vocabulary.CODE_SYSTEMS : definition().codeSystems();
    }

    @Override
    DqTable table() {
        return definition().table();
    }

    @Override
    String population() {
        return "TRUE";
    }

    @Override
    String offending() {
        return "t.code_system <> ALL(:systems)";
    }

    @Override
    Map<String, Object> parameters() {
        return Map.of("systems", array(systems()));
    }

    @Override
    String offendingWhat() {
        return "in a code system other than " + String.join(", ", systems());
    }
}
