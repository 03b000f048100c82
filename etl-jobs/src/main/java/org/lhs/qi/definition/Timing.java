package org.lhs.qi.definition;

/**
 * When a data criterion's event must happen. Windows relative to the period use the period bounds;
 * windows relative to the subject encounter need basis: encounter. A null timing means "any time".
 */
public sealed interface Timing {

    /** {@code during: period} — within [period start, period end); for conditions: active at some time in it. */
    record DuringPeriod() implements Timing {}

    /** {@code before: period-end} — any time before the period end. */
    record BeforePeriodEnd() implements Timing {}

    /** {@code lookback: 12 months} — within the window of that length ending at the period end. */
    record Lookback(Duration duration) implements Timing {}

    /** {@code during: encounter} — between the subject encounter's admission and discharge (or period end). */
    record DuringEncounter() implements Timing {}

    /** {@code after-discharge: 30 days} — in (discharge, discharge + duration] of the subject encounter. */
    record AfterDischarge(Duration duration) implements Timing {}

    /** {@code starts-during: period} — the row's own time (onset, start) is within [period start, period end). */
    record StartsDuringPeriod() implements Timing {}

    /** {@code after-admission: 28 days} — in [admission, admission + duration] of the subject encounter. */
    record AfterAdmission(Duration duration) implements Timing {}

    /** {@code before-admission: 180 days} — in [admission − duration, admission) of the subject encounter. */
    record BeforeAdmission(Duration duration) implements Timing {}

    /**
     * {@code after-unit-start: { unit: [ICU], days: 1 }} — from the start of the calendar day on which the subject
     * encounter's first stay on one of the units began, through the end of the {@code days}-th calendar day after.
     */
    record AfterUnitStart(java.util.List<String> units, int days) implements Timing {}

    /** An amount of calendar units; rendered as a PostgreSQL interval literal bound as a parameter. */
    record Duration(int amount, String unit) {
        /** Interval text such as {@code 12 months}, bound as a parameter and cast to interval. */
        public String interval() {
            return amount + " " + unit;
        }
    }

    /** True when the window is relative to the subject encounter. */
    default boolean needsEncounter() {
        return this instanceof DuringEncounter || this instanceof AfterDischarge || this instanceof AfterAdmission
                || this instanceof BeforeAdmission || this instanceof AfterUnitStart;
    }
}
