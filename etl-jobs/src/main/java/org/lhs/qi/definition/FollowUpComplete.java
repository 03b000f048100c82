package org.lhs.qi.definition;

/**
 * {@code follow-up-complete: 30 days} on {@code this-encounter}: the subject encounter's discharge lies at least that
 * long before the data cut-off (the business date at 00:00 in the session time zone), so an outcome window such as
 * {@code after-discharge: 30 days} is fully observed. Stays discharged later wait for a later run instead of counting
 * as "no readmission" in the newest month. An encounter without a discharge never has a complete follow-up.
 */
public record FollowUpComplete(Timing.Duration duration) {

    /** The YAML key (only on {@code this-encounter}). */
    public static final String KEY = "follow-up-complete";

    /** Null when the duration was invalid (already reported). */
    static FollowUpComplete of(Timing.Duration duration) {
        return duration == null ? null : new FollowUpComplete(duration);
    }

    /** Plain-language text. */
    String describe() {
        return "with the " + duration.interval() + " after discharge complete before the data cut-off";
    }
}
