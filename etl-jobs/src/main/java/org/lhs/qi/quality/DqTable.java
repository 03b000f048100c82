package org.lhs.qi.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The whitelist of warehouse tables and columns a check may name. Every identifier that reaches SQL comes from
 * here, never from a check file: the file only selects an entry by name.
 */
public enum DqTable {
    SITE(null, Site.SELF, Set.of("name")),
    PATIENT(null, Site.DIRECT, Set.of("birth_date", "death_date", "sex", "race", "ethnicity", "language", "zip",
            "deprivation_quintile", "site_id")),
    COVERAGE("start_date", Site.PATIENT, Set.of("patient_id", "payer_type", "start_date", "end_date")),
    ENCOUNTER("admit_time", Site.DIRECT, Set.of("patient_id", "site_id", "class", "unit", "admit_time",
            "discharge_time", "discharge_disposition")),
    UNIT_STAY("start_time", Site.DIRECT, Set.of("encounter_id", "unit", "start_time", "end_time")),
    DEVICE_EPISODE("start_time", Site.PATIENT, Set.of("patient_id", "encounter_id", "device_type", "start_time",
            "end_time")),
    CONDITION("onset_time", Site.PATIENT, Set.of("patient_id", "encounter_id", "code_system", "code", "onset_time",
            "abatement_time", "present_on_admission", "diagnosis_rank", "status")),
    PROCEDURE("performed_time", Site.PATIENT, Set.of("patient_id", "encounter_id", "code_system", "code",
            "performed_time", "status")),
    OBSERVATION("effective_time", Site.PATIENT, Set.of("patient_id", "encounter_id", "code_system", "code",
            "effective_time", "value_num", "value_code_system", "value_code", "unit", "status")),
    MEDICATION("start_time", Site.PATIENT, Set.of("patient_id", "encounter_id", "kind", "code_system", "code",
            "start_time", "end_time", "status")),
    SAFETY_EVENT("event_time", Site.DIRECT, Set.of("patient_id", "encounter_id", "site_id", "unit", "event_type",
            "harm_level", "event_time")),
    SURVEY_RESPONSE("response_time", Site.DIRECT, Set.of("patient_id", "encounter_id", "site_id", "survey", "item",
            "answer_num", "answer_code", "response_time"));

    /** Where a row's site comes from: its own column, its patient's attributed site, or the row is a site. */
    enum Site { SELF, DIRECT, PATIENT }

    private final String eventTime;
    private final Site site;
    private final Set<String> columns;

    DqTable(String eventTime, Site site, Set<String> columns) {
        this.eventTime = eventTime;
        this.site = site;
        this.columns = columns;
    }

    /** The table's name in check files and in {@code qi.dq_result}, e.g. {@code unit_stay}. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The qualified warehouse table. */
    String qualified() {
        return "ehr." + tableName();
    }

    /** The column that dates an event of this table, if any. */
    Optional<String> eventTime() {
        return Optional.ofNullable(eventTime);
    }

    boolean hasColumn(String column) {
        return columns.contains(column);
    }

    List<String> columns() {
        return columns.stream().sorted().toList();
    }

    boolean hasCode() {
        return columns.contains("code");
    }

    boolean hasPatient() {
        return columns.contains("patient_id") || this == PATIENT;
    }

    /**
     * {@code FROM} clause with alias {@code t} for the row and {@code s} for its site ({@code s} may be null when
     * the row has no site).
     */
    String fromWithSite() {
        return switch (site) {
            case SELF -> "ehr.site t JOIN ehr.site s ON s.id = t.id";
            case DIRECT -> qualified() + " t LEFT JOIN ehr.site s ON s.id = t.site_id";
            case PATIENT -> qualified() + " t LEFT JOIN ehr.patient sp ON sp.id = t.patient_id"
                    + " LEFT JOIN ehr.site s ON s.id = sp.site_id";
        };
    }

    static Optional<DqTable> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.tableName().equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(DqTable::tableName).toList();
    }
}
