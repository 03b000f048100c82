package org.lhs.qi.definition;

import java.util.List;

/** A boolean condition on the subject: combinators over data criteria. */
public sealed interface Criterion {

    /** {@code all: [...]} — every criterion holds. */
    record All(List<Criterion> criteria) implements Criterion {}

    /** {@code any: [...]} — at least one criterion holds. */
    record Any(List<Criterion> criteria) implements Criterion {}

    /** {@code not: criterion} — the criterion does not hold. */
    record Not(Criterion criterion) implements Criterion {}

    /** {@code ref: name} — a named criterion from the top-level {@code criteria:} block. */
    record Ref(String name, Criterion criterion) implements Criterion {}

    /**
     * eCQM (QI-Core) data criteria: status-aware, interval-based criteria that mirror the QDM datatypes of the CQL
     * logic of official measures (see LANGUAGE.md §4 "eCQM criteria"). One record per kind, outside this file.
     */
    sealed interface Ecqm extends Criterion permits EncounterPerformed, Diagnosis, ObservationPerformed,
            ProcedurePerformed, RequestOrdered, MedicationActive, LowestOnLatestDay {
        /** The local value set names the criterion uses (for plain-language rendering). */
        List<String> valueSets();
    }

    /** {@code patient:} — attributes of the patient; age in whole years on the last day of the period. */
    record Patient(Integer minAge, Integer maxAge, List<String> sexes) implements Criterion {}

    /** Data criteria that look for rows of a clinical table (optionally counted). */
    sealed interface Event extends Criterion {
        /** The window the row's time must fall in, or null for any time. */
        Timing timing();

        /** Minimum number of matching rows (1 = exists). */
        int atLeast();

        /** Only rows recorded on the subject encounter (encounter_id); encounter basis only. */
        boolean sameEncounter();
    }

    /** Which encounter time a timing window applies to. */
    enum Anchor { ADMISSION, DISCHARGE }

    /**
     * {@code encounter:} another encounter of the patient; {@code this-encounter:} the subject encounter
     * itself (encounter basis). For encounter basis, {@code encounter} never matches the subject encounter.
     */
    record Encounter(boolean subject, List<String> classes, List<String> dispositionIn, List<String> dispositionNotIn,
                     Anchor anchor, Timing timing, boolean stayOverlapsPeriod, int atLeast,
                     FollowUpComplete followUpComplete) implements Event {
        @Override
        public boolean sameEncounter() {
            return false;
        }
    }

    /** {@code condition:} a diagnosis from a value set. */
    record Condition(String valueSet, Timing timing, boolean notAbated, List<String> presentOnAdmission,
                     boolean sameEncounter, int atLeast) implements Event {}

    /** Which single result of an observation window is tested (lowest/highest: by numeric value). */
    enum Pick { LATEST, EARLIEST, LOWEST, HIGHEST }

    /**
     * {@code observation:} a lab/vital from a value set. {@code valueIn} (observation level) keeps only results
     * whose coded value is in that value set; with a {@code pick}, only the latest/earliest result in the window
     * counts and must satisfy {@code comparison} (numeric, may be null) and {@code pickValueIn} (coded, may be null).
     */
    record Observation(String valueSet, Timing timing, Pick pick, Comparison comparison, String pickValueIn,
                       String valueIn, boolean sameEncounter, int atLeast) implements Event {
        /** A plain or latest-comparison observation (the wave-1 shape). */
        public Observation(String valueSet, Timing timing, Comparison latest, boolean sameEncounter, int atLeast) {
            this(valueSet, timing, latest == null ? null : Pick.LATEST, latest, null, null, sameEncounter, atLeast);
        }
    }

    /** {@code procedure:} a procedure from a value set. */
    record Procedure(String valueSet, Timing timing, boolean sameEncounter, int atLeast) implements Event {}

    /** {@code medication:} an order/administration/dispense from a value set. */
    record Medication(String valueSet, List<String> kinds, Timing timing, boolean sameEncounter, int atLeast)
            implements Event {}

    /** {@code device-episode:} a central line, urinary catheter or ventilator episode. */
    record DeviceEpisode(List<String> types, Timing timing, boolean sameEncounter, int atLeast) implements Event {}

    /** {@code safety-event:} an incident report by type and harm level. */
    record SafetyEvent(List<String> types, List<String> harmLevels, Timing timing, boolean sameEncounter, int atLeast)
            implements Event {}

    /**
     * {@code unit-stay:} a stay on one of the named units (e.g. ICU); {@code during: period} means overlapping it;
     * {@code shorterThan} (may be null) keeps only stays that ended less than that long after they began.
     */
    record UnitStay(List<String> units, Timing.Duration shorterThan, Timing timing, boolean sameEncounter, int atLeast)
            implements Event {}

    /**
     * {@code survey-response:} patient-experience answers by survey and item; the answer must satisfy the numeric
     * comparison or be one of the answer codes (either, when both are given; any answer when neither is).
     */
    record SurveyResponse(List<String> surveys, List<String> items, Comparison answer, List<String> answerCodes,
                          Timing timing, boolean sameEncounter, int atLeast) implements Event {}
}
