package org.lhs.qi.definition;

import java.util.List;

/** The shared vocabulary that definition values are checked against (see the helper brief). */
public final class Vocabulary {

    private Vocabulary() {}

    /** Patient sex values. */
    public static final List<String> SEX = List.of("female", "male", "other", "unknown");
    /** Encounter classes. */
    public static final List<String> ENCOUNTER_CLASS = List.of("inpatient", "emergency", "ambulatory", "observation", "virtual");
    /** Discharge dispositions. */
    public static final List<String> DISCHARGE_DISPOSITION = List.of("home", "transfer", "snf", "hospice", "expired", "ama", "other");
    /** Medication record kinds. */
    public static final List<String> MEDICATION_KIND = List.of("order", "administration", "dispense");
    /** Safety event types. */
    public static final List<String> SAFETY_EVENT_TYPE = List.of("fall", "pressure-injury", "medication-error", "other");
    /** Safety event harm levels. */
    public static final List<String> HARM_LEVEL = List.of("near-miss", "none", "mild", "moderate", "severe", "death");
    /** Device episode types. */
    public static final List<String> DEVICE_TYPE = List.of("central-line", "urinary-catheter", "ventilator");
    /** Present-on-admission flags. */
    public static final List<String> PRESENT_ON_ADMISSION = List.of("Y", "N", "U", "W");
    /** Code systems as stored short names. */
    public static final List<String> CODE_SYSTEMS =
            List.of("ICD-10-CM", "ICD-10-PCS", "SNOMED-CT", "LOINC", "RxNorm", "CPT", "HCPCS", "CVX", "LOCAL");
}
