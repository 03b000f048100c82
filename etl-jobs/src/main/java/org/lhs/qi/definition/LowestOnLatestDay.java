package org.lhs.qi.definition;

import java.util.List;

/**
 * {@code lowest-on-latest-day:} the eCQM "lowest reading on the most recent day" pattern (CMS122 glycemic status,
 * CMS165 blood pressure). Readings: results of {@code valueSets} with a final/amended/corrected status that satisfy
 * at least one of the {@code readings} alternatives. The most recent day is the latest UTC date of a reading; the
 * tested value is the lowest value on that day — of the reading itself, or of its {@code component} (a value set of
 * component codes). A missing value sorts first: with {@code missingValue} the criterion then holds, otherwise not.
 */
public record LowestOnLatestDay(List<String> valueSets, String component, List<Reading> readings, Comparison test,
                                boolean missingValue) implements Criterion.Ecqm {

    /**
     * One alternative of which readings qualify: all given parts must hold. {@code notOnDayOfEncounter}: not on the
     * day of a finished encounter of one of these types; {@code encounterClassNotIn}: recorded on an encounter whose
     * class is not one of these (a reading without an encounter does not qualify this way).
     */
    public record Reading(EcqmTiming when, List<String> notOnDayOfEncounter, List<String> encounterClassNotIn) {}

    @Override
    public List<String> valueSets() {
        List<String> out = new java.util.ArrayList<>(valueSets);
        if (component != null) {
            out.add(component);
        }
        readings.forEach(r -> out.addAll(r.notOnDayOfEncounter()));
        return out;
    }
}
