package org.lhs.qi.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lhs.qi.ingest.CodeSystems;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the FHIR resources of one test case straight into the warehouse (source system {@code qi-verify}), with
 * everything eCQM logic needs: encounter status/type/class/coded disposition, condition clinical and verification
 * status, effective and performed periods, request status/intent/doNotPerform, medication request periods. One row per
 * coding, so a resource matches a value set through any of its codings, as a CQL retrieve does. Patients and
 * encounters are inserted one by one (their ids are referenced); all other rows go as one JDBC batch per table. Run
 * inside a transaction that is rolled back: test cases reuse resource ids.
 */
public final class FhirCaseLoader {

    /** Source system of verification rows. */
    public static final String SOURCE = "qi-verify";
    private static final String SITE = "qi-verify-site";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate template;
    private final Map<String, Long> ids = new HashMap<>();
    /** Rows that nothing refers to, per insert statement: sent as one JDBC batch each at the end of {@link #load}. */
    private final Map<String, List<MapSqlParameterSource>> pending = new LinkedHashMap<>();
    private long siteId;

    public FhirCaseLoader(NamedParameterJdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** The surrogate id of a loaded resource ({@code Patient/<id>}), or null. */
    public Long id(String type, String fhirId) {
        return ids.get(type + "/" + fhirId);
    }

    /** Loads every {@code *.json} resource of the folder except MeasureReports; returns what was skipped and why. */
    public List<String> load(Path caseDir) {
        List<JsonNode> resources = new ArrayList<>();
        try (Stream<Path> s = Files.list(caseDir)) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> resources.add(DeckReader.json(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JsonNode> medications = new HashMap<>();
        resources.stream().filter(r -> type(r).equals("Medication")).forEach(r -> medications.put(r.path("id").asText(), r));
        siteId = jdbc.sql("INSERT INTO ehr.site (source_system, source_id, name) VALUES (:s, :id, :n) RETURNING id")
                .param("s", SOURCE).param("id", SITE).param("n", "Verification").query(Long.class).single();
        List<String> skipped = new ArrayList<>();
        // patients first, then encounters, then what refers to them
        for (String t : List.of("Patient", "Encounter", "Condition", "Observation", "Procedure", "MedicationRequest",
                "DeviceRequest", "ServiceRequest")) {
            for (JsonNode r : resources) {
                if (type(r).equals(t)) {
                    String why = switch (t) {
                        case "Patient" -> patient(r);
                        case "Encounter" -> encounter(r);
                        case "Condition" -> condition(r);
                        case "Observation" -> observation(r);
                        case "Procedure" -> procedure(r);
                        case "MedicationRequest" -> medicationRequest(r, medications);
                        default -> request(r, t.equals("DeviceRequest") ? "device" : "service");
                    };
                    if (why != null) {
                        skipped.add(t + "/" + r.path("id").asText() + ": " + why);
                    }
                }
            }
        }
        flush();
        resources.stream().map(FhirCaseLoader::type)
                .filter(t -> !List.of("Patient", "Encounter", "Condition", "Observation", "Procedure", "MedicationRequest",
                        "DeviceRequest", "ServiceRequest", "Medication", "MeasureReport").contains(t))
                .distinct().forEach(t -> skipped.add(t + ": not used by the eCQM criteria (not loaded)"));
        return skipped;
    }

    private String patient(JsonNode r) {
        String sex = switch (r.path("gender").asText("unknown")) {
            case "female" -> "female";
            case "male" -> "male";
            case "other" -> "other";
            default -> "unknown";
        };
        long id = jdbc.sql("""
                INSERT INTO ehr.patient (source_system, source_id, birth_date, death_date, sex, race, ethnicity, site_id)
                VALUES (:s, :id, :birth, :death, :sex, 'unknown', 'unknown', :site) RETURNING id""")
                .param("s", SOURCE).param("id", r.path("id").asText())
                .param("birth", LocalDate.parse(r.path("birthDate").asText().substring(0, 10)))
                .param("death", r.has("deceasedDateTime") ? LocalDate.parse(r.path("deceasedDateTime").asText().substring(0, 10)) : null)
                .param("sex", sex).param("site", siteId).query(Long.class).single();
        ids.put("Patient/" + r.path("id").asText(), id);
        return null;
    }

    private String encounter(JsonNode r) {
        Long patient = ref(r, "subject", "Patient");
        Instant start = time(r.path("period").path("start"));
        if (patient == null || start == null) {
            return "no subject or no period start";
        }
        String classCode = r.path("class").path("code").asText(null);
        String cls = classCode == null ? "ambulatory" : switch (classCode) {
            case "IMP", "ACUTE", "NONAC", "PRENC", "SS" -> "inpatient"; // CQL groups these as hospital stays
            case "EMER" -> "emergency";
            case "OBSENC" -> "observation";
            case "VR" -> "virtual";
            default -> "ambulatory";
        };
        JsonNode disposition = firstCoding(r.path("hospitalization").path("dischargeDisposition"));
        long id = jdbc.sql("""
                INSERT INTO ehr.encounter (source_system, source_id, patient_id, site_id, class, admit_time, discharge_time,
                    status, class_code, discharge_disposition_system, discharge_disposition_code)
                VALUES (:s, :id, :patient, :site, :class, :start, :end, :status, :classCode, :dsys, :dcode) RETURNING id""")
                .param("s", SOURCE).param("id", r.path("id").asText()).param("patient", patient).param("site", siteId)
                .param("class", cls).param("start", ts(start)).param("end", ts(time(r.path("period").path("end"))))
                .param("status", r.path("status").asText("unknown")).param("classCode", classCode)
                .param("dsys", disposition == null ? null : system(disposition))
                .param("dcode", disposition == null ? null : disposition.path("code").asText(null))
                .query(Long.class).single();
        ids.put("Encounter/" + r.path("id").asText(), id);
        for (JsonNode type : r.path("type")) {
            for (JsonNode c : type.path("coding")) {
                String system = system(c);
                if (system != null) {
                    queue("""
                            INSERT INTO ehr.encounter_type (encounter_id, code_system, code) VALUES (:e, :sys, :code)
                            ON CONFLICT DO NOTHING""")
                            .addValue("e", id).addValue("sys", system).addValue("code", c.path("code").asText());
                }
            }
        }
        return null;
    }

    private String condition(JsonNode r) {
        Long patient = ref(r, "subject", "Patient");
        Instant onset = first(time(r.path("onsetDateTime")), time(r.path("onsetPeriod").path("start")),
                time(r.path("recordedDate")));
        if (patient == null || onset == null) {
            return "no subject or no onset/recorded date";
        }
        Instant abatement = first(time(r.path("abatementDateTime")), time(r.path("abatementPeriod").path("end")));
        String clinical = firstCode(r.path("clinicalStatus"));
        String verification = firstCode(r.path("verificationStatus"));
        int n = 0;
        for (JsonNode c : codings(r.path("code"))) {
            queue("""
                    INSERT INTO ehr.condition (source_system, source_id, patient_id, encounter_id, code_system, code,
                        onset_time, abatement_time, status, clinical_status, verification_status)
                    VALUES (:s, :id, :patient, :enc, :sys, :code, :onset, :abate, :status, :clinical, :verification)""")
                    .addValue("s", SOURCE).addValue("id", r.path("id").asText() + "#" + n++).addValue("patient", patient)
                    .addValue("enc", ref(r, "encounter", "Encounter")).addValue("sys", system(c)).addValue("code", c.path("code").asText())
                    .addValue("onset", ts(onset)).addValue("abate", ts(abatement))
                    .addValue("status", "entered-in-error".equals(verification) ? verification : clinical == null ? "active" : clinical)
                    .addValue("clinical", clinical).addValue("verification", verification);
        }
        return n == 0 ? "no coding of a warehouse code system" : null;
    }

    private String observation(JsonNode r) {
        Long patient = ref(r, "subject", "Patient");
        Instant start = first(time(r.path("effectiveDateTime")), time(r.path("effectivePeriod").path("start")),
                time(r.path("effectiveInstant")));
        Instant end = first(time(r.path("effectivePeriod").path("end")), start);
        if (patient == null || end == null) {
            return "no subject or no effective time";
        }
        String id = r.path("id").asText();
        int n = observationRows(r, r, id, patient, start, end);
        for (JsonNode component : r.path("component")) {
            observationRows(r, component, id + "/component", patient, start, end);
        }
        return n == 0 ? "no coding of a warehouse code system" : null;
    }

    private int observationRows(JsonNode r, JsonNode valued, String id, Long patient, Instant start, Instant end) {
        JsonNode q = valued.path("valueQuantity");
        JsonNode vc = firstCoding(valued.path("valueCodeableConcept"));
        int n = 0;
        for (JsonNode c : codings(valued.path("code"))) {
            queue("""
                    INSERT INTO ehr.observation (source_system, source_id, patient_id, encounter_id, code_system, code,
                        effective_time, effective_start, value_num, value_code_system, value_code, unit, status)
                    VALUES (:s, :id, :patient, :enc, :sys, :code, :end, :start, :num, :vsys, :vcode, :unit, :status)""")
                    .addValue("s", SOURCE).addValue("id", id + "#" + c.path("code").asText() + "#" + n++).addValue("patient", patient)
                    .addValue("enc", ref(r, "encounter", "Encounter")).addValue("sys", system(c)).addValue("code", c.path("code").asText())
                    .addValue("end", ts(end)).addValue("start", ts(start))
                    .addValue("num", q.has("value") ? new BigDecimal(q.path("value").asText()) : null)
                    .addValue("vsys", vc == null ? null : system(vc)).addValue("vcode", vc == null ? null : vc.path("code").asText(null))
                    .addValue("unit", q.has("value") ? q.path("code").asText(q.path("unit").asText(null)) : null)
                    .addValue("status", r.path("status").asText("unknown"));
        }
        return n;
    }

    private String procedure(JsonNode r) {
        Long patient = ref(r, "subject", "Patient");
        Instant start = first(time(r.path("performedDateTime")), time(r.path("performedPeriod").path("start")));
        Instant end = first(time(r.path("performedPeriod").path("end")), time(r.path("performedDateTime")));
        if (patient == null || start == null) {
            return "no subject or no performed time";
        }
        int n = 0;
        for (JsonNode c : codings(r.path("code"))) {
            queue("""
                    INSERT INTO ehr.procedure (source_system, source_id, patient_id, encounter_id, code_system, code,
                        performed_time, performed_end, status)
                    VALUES (:s, :id, :patient, :enc, :sys, :code, :start, :end, :status)""")
                    .addValue("s", SOURCE).addValue("id", r.path("id").asText() + "#" + n++).addValue("patient", patient)
                    .addValue("enc", ref(r, "encounter", "Encounter")).addValue("sys", system(c)).addValue("code", c.path("code").asText())
                    .addValue("start", ts(start)).addValue("end", ts(end)).addValue("status", r.path("status").asText("unknown"));
        }
        return n == 0 ? "no coding of a warehouse code system" : null;
    }

    /**
     * A medication order with its request period as CQL's {@code medicationRequestPeriod()}: from the authored date
     * (or validity start) for days supplied × (1 + refills); without supply information the end stays null (unknown).
     */
    private String medicationRequest(JsonNode r, Map<String, JsonNode> medications) {
        Long patient = ref(r, "subject", "Patient");
        if (r.path("doNotPerform").asBoolean(false)) {
            return "doNotPerform (a MedicationNotRequested, not a request)";
        }
        JsonNode concept = r.path("medicationCodeableConcept");
        if (concept.isMissingNode()) {
            String ref = r.path("medicationReference").path("reference").asText("");
            JsonNode med = medications.get(ref.substring(ref.lastIndexOf('/') + 1));
            concept = med == null ? concept : med.path("code");
        }
        LocalDate startDate = first(date(r.path("authoredOn")), date(r.path("dispenseRequest").path("validityPeriod").path("start")));
        if (patient == null || startDate == null) {
            return "no subject or no authored date";
        }
        JsonNode supply = r.path("dispenseRequest").path("expectedSupplyDuration");
        LocalDate endDate = null;
        if (supply.has("value")) {
            double days = supply.path("value").asDouble() * switch (supply.path("code").asText(supply.path("unit").asText("d"))) {
                case "wk", "week", "weeks" -> 7;
                case "mo", "month", "months" -> 30;
                default -> 1;
            };
            int refills = r.path("dispenseRequest").path("numberOfRepeatsAllowed").asInt(0);
            endDate = startDate.plusDays((long) Math.ceil(days * (1 + refills)) - 1);
        }
        int n = 0;
        for (JsonNode c : codings(concept)) {
            queue("""
                    INSERT INTO ehr.medication (source_system, source_id, patient_id, encounter_id, kind, code_system, code,
                        start_time, end_time, status, intent)
                    VALUES (:s, :id, :patient, :enc, 'order', :sys, :code, :start, :end, :status, :intent)""")
                    .addValue("s", SOURCE).addValue("id", r.path("id").asText() + "#" + n++).addValue("patient", patient)
                    .addValue("enc", ref(r, "encounter", "Encounter")).addValue("sys", system(c)).addValue("code", c.path("code").asText())
                    .addValue("start", ts(startDate.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .addValue("end", endDate == null ? null : ts(endDate.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .addValue("status", r.path("status").asText("unknown")).addValue("intent", r.path("intent").asText("unknown"));
        }
        return n == 0 ? "no coding of a warehouse code system" : null;
    }

    private String request(JsonNode r, String kind) {
        Long patient = ref(r, "subject", "Patient");
        Instant authored = time(r.path("authoredOn"));
        if (patient == null || authored == null) {
            return "no subject or no authoredOn";
        }
        boolean doNotPerform = r.path("doNotPerform").asBoolean(false);
        for (JsonNode e : r.path("modifierExtension")) {
            if (e.path("url").asText().endsWith("doNotPerform")) {
                doNotPerform |= e.path("valueBoolean").asBoolean(false);
            }
        }
        JsonNode concept = r.has("codeCodeableConcept") ? r.path("codeCodeableConcept") : r.path("code");
        int n = 0;
        for (JsonNode c : codings(concept)) {
            queue("""
                    INSERT INTO ehr.request (source_system, source_id, kind, patient_id, encounter_id, code_system, code,
                        status, intent, do_not_perform, authored_time)
                    VALUES (:s, :id, :kind, :patient, :enc, :sys, :code, :status, :intent, :dnp, :authored)""")
                    .addValue("s", SOURCE).addValue("id", r.path("id").asText() + "#" + n++).addValue("kind", kind)
                    .addValue("patient", patient).addValue("enc", ref(r, "encounter", "Encounter")).addValue("sys", system(c))
                    .addValue("code", c.path("code").asText()).addValue("status", r.path("status").asText("unknown"))
                    .addValue("intent", r.path("intent").asText("unknown")).addValue("dnp", doNotPerform)
                    .addValue("authored", ts(authored));
        }
        return n == 0 ? "no coding of a warehouse code system" : null;
    }

    /** Queues one row of a statement; patients and encounters are inserted at once since their ids are needed. */
    private MapSqlParameterSource queue(String sql) {
        MapSqlParameterSource row = new MapSqlParameterSource();
        pending.computeIfAbsent(sql, k -> new ArrayList<>()).add(row);
        return row;
    }

    private void flush() {
        pending.forEach((sql, rows) -> template.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new)));
        pending.clear();
    }

    private Long ref(JsonNode r, String field, String type) {
        String ref = r.path(field).path("reference").asText(null);
        return ref == null ? null : ids.get(type + "/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String type(JsonNode r) {
        return r.path("resourceType").asText("");
    }

    /** Codings whose system the warehouse stores (short names). */
    private static List<JsonNode> codings(JsonNode concept) {
        List<JsonNode> out = new ArrayList<>();
        concept.path("coding").forEach(c -> {
            if (system(c) != null && c.hasNonNull("code")) {
                out.add(c);
            }
        });
        return out;
    }

    private static JsonNode firstCoding(JsonNode concept) {
        List<JsonNode> c = codings(concept);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String firstCode(JsonNode concept) {
        JsonNode c = concept.path("coding").path(0);
        return c.hasNonNull("code") ? c.path("code").asText() : null;
    }

    private static String system(JsonNode coding) {
        String s = coding.path("system").asText(null);
        return s == null ? null : CodeSystems.normalise(s).orElse(null);
    }

    /** A FHIR date/dateTime/instant as an instant: no offset means UTC, a date means its UTC midnight. */
    static Instant time(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return null;
        }
        String s = v.asText();
        if (s.length() == 4) {
            s += "-01-01";
        } else if (s.length() == 7) {
            s += "-01";
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }

    /** The calendar date of a FHIR date/dateTime as written (CQL {@code date from}). */
    private static LocalDate date(JsonNode v) {
        return v != null && v.isTextual() && v.asText().length() >= 10 ? LocalDate.parse(v.asText().substring(0, 10)) : null;
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
