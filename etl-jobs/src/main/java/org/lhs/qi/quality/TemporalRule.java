package org.lhs.qi.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The temporal plausibility rules a {@code temporal-order} check can test. */
public enum TemporalRule {
    /** No event of the table before the patient's birth date. */
    BIRTH_BEFORE_EVENT("birth-before-event"),
    /** No encounter discharged before it was admitted. */
    DISCHARGE_AFTER_ADMISSION("discharge-after-admission"),
    /** No event of the table later than the patient's death date plus {@code grace-days}. */
    NO_EVENT_AFTER_DEATH("no-event-after-death");

    private final String label;

    TemporalRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<TemporalRule> byLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(TemporalRule::label).toList();
    }
}
