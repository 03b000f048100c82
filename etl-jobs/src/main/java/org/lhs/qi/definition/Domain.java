package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Indicator domain (what the indicator is about). */
public enum Domain {
    QUALITY("quality"),
    SAFETY("safety"),
    EQUITY("equity"),
    EXPERIENCE("experience"),
    VALUE("value");

    private final String code;

    Domain(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and result tables. */
    public String code() {
        return code;
    }

    /** Looks a value up by its spelling. */
    public static Optional<Domain> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** All spellings, for hints. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Domain::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
