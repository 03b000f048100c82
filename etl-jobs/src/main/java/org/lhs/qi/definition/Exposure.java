package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Exposure measure of a ratio indicator's denominator. */
public enum Exposure {
    /** Days of the encounter's unit stays inside the period (encounter basis). */
    PATIENT_DAYS("patient-days", null),
    /** Days a central line was in place inside the period (NHSN CLABSI denominator). */
    CENTRAL_LINE_DAYS("central-line-days", "central-line"),
    /** Days a urinary catheter was in place inside the period (NHSN CAUTI denominator). */
    URINARY_CATHETER_DAYS("urinary-catheter-days", "urinary-catheter"),
    /** Days on a ventilator inside the period. */
    VENTILATOR_DAYS("ventilator-days", "ventilator"),
    /** 1 per subject of the denominator: "events per 1,000 patients (or encounters)". */
    SUBJECTS("subjects", null);

    private final String code;
    private final String deviceType;

    Exposure(String code, String deviceType) {
        this.code = code;
        this.deviceType = deviceType;
    }

    /** The device_episode.device_type counted by a device-days exposure, else null. */
    public String deviceType() {
        return deviceType;
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
