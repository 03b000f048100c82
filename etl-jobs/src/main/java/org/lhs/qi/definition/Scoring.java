package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the indicator is scored (FHIR Measure scoring). */
public enum Scoring {
    PROPORTION("proportion"),
    RATIO("ratio"),
    /** A measure observation per subject of the measure population, aggregated (median or mean), e.g. length of stay. */
    CONTINUOUS_VARIABLE("continuous-variable"),
    /** Count of the initial population only (FHIR cohort): no rate, no target. */
    COHORT("cohort");

    private final String code;

    Scoring(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and result tables. */
    public String code() {
        return code;
    }

    /** Looks a value up by its spelling. */
    public static Optional<Scoring> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** All spellings, for hints. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Scoring::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
