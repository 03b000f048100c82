package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Fixed stratifiers a definition may report by. */
public enum Stratifier {
    SEX("sex"),
    RACE("race"),
    ETHNICITY("ethnicity"),
    AGE_BAND("age-band"),
    PAYER("payer"),
    LANGUAGE("language"),
    DEPRIVATION("deprivation");

    private final String code;

    Stratifier(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and result tables. */
    public String code() {
        return code;
    }

    /** The qi.member column holding this stratifier's value. */
    public String column() {
        return code.replace('-', '_');
    }

    /** Looks a value up by its spelling. */
    public static Optional<Stratifier> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** All spellings, for hints. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Stratifier::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
