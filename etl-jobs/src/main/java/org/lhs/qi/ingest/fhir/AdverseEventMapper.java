package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.referenceId;
import static org.lhs.qi.ingest.fhir.Fhir.text;
import static org.lhs.qi.ingest.fhir.Fhir.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AdverseEvent → {@code ehr.safety_event}.
 * <ul>
 * <li>event type, first match wins: ICD-10-CM codes of the event (W00–W19 fall, L89 pressure injury, Y63
 * medication error), the SNOMED CT codes in {@link #FALLS} / {@link #PRESSURE_INJURIES}, the words of the
 * event's text or displays ("fall", "pressure ulcer|injury", "medication error"), the medication-error
 * categories of {@code adverse-event-category} (wrong-dose, wrong-route-of-administration, …); else {@code other}.</li>
 * <li>harm level: {@code actuality = potential} → near-miss; outcome {@code fatal} or seriousness
 * {@code SeriousResultsInDeath} → death; severity mild | moderate | severe as given; any other
 * {@code Serious…} seriousness → severe. An actual event with none of these is quarantined: guessing a
 * harm level would bias the "with injury" indicators.</li>
 * <li>time: {@code date}, else {@code detected}, else {@code recordedDate}.</li>
 * <li>site: the location's managingOrganization, else the encounter's serviceProvider, else the
 * unspecified site (so the event still counts organisation-wide); unit: the location's name.</li>
 * </ul>
 * R4 AdverseEvent has no status element, so there is none to keep.
 */
final class AdverseEventMapper implements ResourceTypeMapper {

    /** SNOMED CT fall events (from the eCQM falls value sets). */
    static final Set<String> FALLS = Set.of("217082002", "1912002", "33036003", "20902002", "83468000", "217142006",
            "217154006", "40104005", "44188002", "242392004", "414190009", "427849003");
    /** SNOMED CT pressure ulcer / injury disorders. */
    static final Set<String> PRESSURE_INJURIES = Set.of("399912005", "1163215007", "225558004", "225562005",
            "225563000", "699214007", "699216009");
    private static final Set<String> MEDICATION_ERROR_CATEGORIES = Set.of("wrong-dose",
            "incorrect-prescribing-information", "wrong-technique", "wrong-route-of-administration", "wrong-rate",
            "wrong-duration", "wrong-time", "expired-drug");
    private static final Pattern FALL_WORD = Pattern.compile("\\bfall(s|en)?\\b");
    private static final Pattern PRESSURE_WORDS = Pattern.compile("pressure (ulcer|injur)|decubitus|bedsore");
    private static final Pattern MEDICATION_WORDS = Pattern.compile("medication error|wrong (drug|dose|medication)");

    private final CanonicalRows rows;
    private final FolderResources folder;

    AdverseEventMapper(CanonicalRows rows, FolderResources folder) {
        this.rows = rows;
        this.folder = folder;
    }

    @Override
    public String map(JsonNode r, List<FhirResourceMapper.Row> out) {
        String harm = harm(r);
        if (harm == null) {
            return "harm level: none of actuality=potential, outcome, severity or seriousness says how much harm";
        }
        JsonNode location = folder.location(referenceId(r, "location"));
        String encounter = referenceId(r, "encounter");
        String site = Optional.ofNullable(location == null ? null : referenceId(location, "managingOrganization"))
                .orElse(folder.encounterSite(encounter));
        if (site == null) {
            site = FhirResourceMapper.UNSPECIFIED_SITE;
            CanonicalRows.add(out, rows.record("site").set("site_id", site).set("name", "Unspecified (no serviceProvider)"));
        }
        String unit = location != null ? text(location, "name") : r.get("location") == null ? null
                : text(r.get("location"), "display");
        String when = Optional.ofNullable(text(r, "date")).or(() -> Optional.ofNullable(text(r, "detected")))
                .orElse(text(r, "recordedDate"));
        return CanonicalRows.add(out, rows.record("safety_event").set("safety_event_id", text(r, "id"))
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", encounter)
                .set("site_id", site)
                .set("unit", unit)
                .set("event_type", eventType(r))
                .set("harm_level", harm)
                .set("event_time", time(when)));
    }

    static String harm(JsonNode r) {
        if ("potential".equals(text(r, "actuality"))) {
            return "near-miss";
        }
        String outcome = Fhir.code(r.get("outcome"));
        String seriousness = Fhir.code(r.get("seriousness"));
        if ("fatal".equalsIgnoreCase(outcome) || "SeriousResultsInDeath".equalsIgnoreCase(seriousness)) {
            return "death";
        }
        String severity = Fhir.code(r.get("severity"));
        if (severity != null && Set.of("mild", "moderate", "severe").contains(severity.toLowerCase(Locale.ROOT))) {
            return severity.toLowerCase(Locale.ROOT);
        }
        if (seriousness != null && seriousness.toLowerCase(Locale.ROOT).startsWith("serious")) {
            return "severe";
        }
        return null;
    }

    static String eventType(JsonNode r) {
        List<JsonNode> codings = codings(r.get("event"));
        for (JsonNode c : codings) {
            String code = text(c, "code");
            String system = Optional.ofNullable(text(c, "system")).orElse("").toLowerCase(Locale.ROOT);
            if (code == null) {
                continue;
            }
            String upper = code.toUpperCase(Locale.ROOT);
            if (system.contains("icd-10")) {
                if (upper.matches("W(0\\d|1[0-9]).*")) {
                    return "fall";
                }
                if (upper.startsWith("L89")) {
                    return "pressure-injury";
                }
                if (upper.startsWith("Y63")) {
                    return "medication-error";
                }
            } else if (system.contains("snomed")) {
                if (FALLS.contains(code)) {
                    return "fall";
                }
                if (PRESSURE_INJURIES.contains(code)) {
                    return "pressure-injury";
                }
            }
        }
        StringBuilder words = new StringBuilder(Optional.ofNullable(r.get("event")).map(e -> text(e, "text")).orElse(""));
        codings.forEach(c -> words.append(' ').append(Optional.ofNullable(text(c, "display")).orElse("")));
        String w = words.toString().toLowerCase(Locale.ROOT);
        if (FALL_WORD.matcher(w).find()) {
            return "fall";
        }
        if (PRESSURE_WORDS.matcher(w).find()) {
            return "pressure-injury";
        }
        if (MEDICATION_WORDS.matcher(w).find()) {
            return "medication-error";
        }
        JsonNode categories = r.get("category");
        if (categories != null && categories.isArray()) {
            for (JsonNode category : categories) {
                for (JsonNode c : codings(category)) {
                    if (MEDICATION_ERROR_CATEGORIES.contains(text(c, "code"))) {
                        return "medication-error";
                    }
                }
            }
        }
        return "other";
    }

    private static List<JsonNode> codings(JsonNode concept) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode codings = concept == null ? null : concept.get("coding");
        if (codings != null && codings.isArray()) {
            codings.forEach(list::add);
        }
        return list;
    }
}
