package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The unit counted by the indicator. */
public enum Basis {
    PATIENT("patient"),
    ENCOUNTER("encounter");

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and result tables. */
    public String code() {
        return code;
    }

    /** Looks a value up by its spelling. */
    public static Optional<Basis> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** All spellings, for hints. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Basis::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
