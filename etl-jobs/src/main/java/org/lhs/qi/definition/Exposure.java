package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Exposure measure of a ratio indicator's denominator. */
public enum Exposure {
    PATIENT_DAYS("patient-days"),
    /** Days a central line was in place on the encounter, within the period. */
    CENTRAL_LINE_DAYS("central-line-days"),
    /** Days a urinary catheter was in place on the encounter, within the period. */
    URINARY_CATHETER_DAYS("urinary-catheter-days");

    private final String code;

    Exposure(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and result tables. */
    public String code() {
        return code;
    }

    /** Looks a value up by its spelling. */
    public static Optional<Exposure> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** All spellings, for hints. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Exposure::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
