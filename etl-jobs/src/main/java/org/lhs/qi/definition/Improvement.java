package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Whether a higher or a lower rate is better. */
public enum Improvement {
    INCREASE("increase"),
    DECREASE("decrease");

    private final String code;

    Improvement(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and result tables. */
    public String code() {
        return code;
    }

    /** Looks a value up by its spelling. */
    public static Optional<Improvement> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** All spellings, for hints. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Improvement::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
