package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.code;
import static org.lhs.qi.ingest.fhir.Fhir.coding;
import static org.lhs.qi.ingest.fhir.Fhir.referenceId;
import static org.lhs.qi.ingest.fhir.Fhir.text;
import static org.lhs.qi.ingest.fhir.Fhir.time;
import static org.lhs.qi.ingest.fhir.Fhir.timeChoice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lhs.qi.ingest.CanonicalRecord;
import org.lhs.qi.ingest.CodeSystems;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.RowConverter;

/**
 * Maps one FHIR R4 resource to canonical staging rows (possibly several: an Observation's components, an
 * Encounter's location stays), or a quarantine reason, or a reasoned skip. Statuses are kept as given so
 * definitions can filter them (entered-in-error, cancelled, not-done, …).
 */
final class FhirResourceMapper {

    /** What became of one resource. */
    sealed interface Outcome {}

    /** Rows for staging tables. */
    record Rows(List<Row> rows) implements Outcome {}

    /** Quarantined, with the reason. */
    record Bad(String reason) implements Outcome {}

    /** Deliberately not imported, with the reason. */
    record Skipped(String reason) implements Outcome {}

    /** One staging row: values after {@code extract_file_id, line_no}. */
    record Row(String table, String[] values) {}

    /** Site of encounters without a serviceProvider (staged with them, so the reference resolves). */
    static final String UNSPECIFIED_SITE = "fhir-unspecified-site";

    private final Map<String, CanonicalRecord> records = new HashMap<>();
    private final Map<String, JsonNode> medications;
    private final IngestSettings settings;

    /** Mappers of resource types with a class of their own, by resourceType. */
    private final Map<String, ResourceTypeMapper> byType;

    /** @param medications Medication resources by id, for {@code medicationReference} */
    FhirResourceMapper(IngestSettings settings, Map<String, JsonNode> medications) {
        this(settings, medications, FolderResources.empty());
    }

    /** @param folder Device and Location resources of the export folder, for the references to them */
    FhirResourceMapper(IngestSettings settings, Map<String, JsonNode> medications, FolderResources folder) {
        this.settings = settings;
        this.medications = medications;
        CanonicalRows canonical = new CanonicalRows(settings);
        this.byType = Map.of(
                "DiagnosticReport", new DiagnosticReportMapper(canonical),
                "Immunization", new ImmunizationMapper(canonical),
                "AdverseEvent", new AdverseEventMapper(canonical, folder),
                "DeviceUseStatement", new DeviceUseStatementMapper(canonical, folder),
                "ServiceRequest", new RequestMapper(canonical, "service"),
                "DeviceRequest", new RequestMapper(canonical, "device"));
    }

    Outcome map(JsonNode r) {
        if (r == null || !r.isObject()) {
            return new Bad("not a JSON object");
        }
        String type = text(r, "resourceType");
        if (type == null) {
            return new Bad("resourceType is missing");
        }
        if (text(r, "id") == null && !type.equals("Bundle")) {
            return new Bad(type + ": id is missing");
        }
        List<Row> rows = new ArrayList<>(2);
        String problem = switch (type) {
            case "Organization" -> add(rows, record("site").set("site_id", text(r, "id")).set("name",
                    Optional.ofNullable(text(r, "name")).orElse(text(r, "id"))));
            case "Patient" -> patient(r, rows);
            case "Encounter" -> encounter(r, rows);
            case "Condition" -> condition(r, rows);
            case "Observation" -> observation(r, rows);
            case "Procedure" -> procedure(r, rows);
            case "MedicationRequest" -> medicationRequest(r, rows);
            case "MedicationAdministration" -> medication(r, rows, "administration", timeChoice(r, "effective"));
            case "MedicationDispense" -> medication(r, rows, "dispense", time(Optional.ofNullable(
                    text(r, "whenHandedOver")).orElse(text(r, "whenPrepared"))));
            case "Coverage" -> coverage(r, rows);
            case "Medication" -> "SKIP:Medication is read to resolve medicationReference, not staged itself";
            case "Device" -> "SKIP:Device is read to resolve DeviceUseStatement.device, not staged itself";
            case "Location" -> "SKIP:Location is read to resolve the site and unit of adverse events, not staged itself";
            case String t when byType.containsKey(t) -> byType.get(t).map(r, rows);
            default -> "SKIP:resource type " + type + " is not imported";
        };
        if (problem == null) {
            return new Rows(rows);
        }
        return problem.startsWith("SKIP:") ? new Skipped(problem.substring(5)) : new Bad(type + "/" + text(r, "id")
                + ": " + problem);
    }

    private String patient(JsonNode r, List<Row> rows) {
        String gender = text(r, "gender");
        if (gender == null) {
            gender = Fhir.extension(r, "us-core-birthsex").map(e -> text(e, "valueCode")).map(c -> switch (c) {
                case "F" -> "female";
                case "M" -> "male";
                default -> "unknown";
            }).orElse("unknown");
        }
        JsonNode address = first(r, "address");
        return add(rows, record("patient").set("patient_id", text(r, "id"))
                .set("birth_date", Fhir.date(text(r, "birthDate")))
                .set("death_date", Fhir.date(text(r, "deceasedDateTime")))
                .set("sex", gender)
                .set("race", UsCore.race(r))
                .set("ethnicity", UsCore.ethnicity(r))
                .set("language", UsCore.language(r))
                .set("zip", address == null ? null : text(address, "postalCode"))
                .set("site_id", referenceId(r, "managingOrganization")));
    }

    private String encounter(JsonNode r, List<Row> rows) {
        JsonNode cls = r.get("class");
        String classCode = cls == null ? null : cls.isArray() ? code(cls.get(0)) : text(cls, "code");
        String ours = classCode == null ? null : switch (classCode.toUpperCase(Locale.ROOT)) {
            case "IMP", "ACUTE", "NONAC", "PRENC", "SS" -> "inpatient"; // CQL groups these as hospital stays
            case "EMER" -> "emergency";
            case "AMB", "HH", "FLD" -> "ambulatory";
            case "OBSENC" -> "observation";
            case "VR" -> "virtual";
            default -> classCode; // validation names the unknown class
        };
        JsonNode period = r.get("period");
        String site = referenceId(r, "serviceProvider");
        if (site == null) {
            site = UNSPECIFIED_SITE;
            add(rows, record("site").set("site_id", UNSPECIFIED_SITE).set("name", "Unspecified (no serviceProvider)"));
        }
        JsonNode hospitalization = r.get("hospitalization");
        JsonNode dispositionCoding = hospitalization == null ? null
                : coding(hospitalization.get("dischargeDisposition")).orElse(null);
        String disposition = dispositionCoding == null ? null : text(dispositionCoding, "code");
        String dispositionSystem = dispositionCoding == null ? null : text(dispositionCoding, "system");
        String id = text(r, "id");
        String problem = add(rows, record("encounter").set("encounter_id", id)
                .set("patient_id", referenceId(r, "subject"))
                .set("site_id", site)
                .set("class", ours)
                .set("admit_time", period == null ? null : time(text(period, "start")))
                .set("discharge_time", period == null ? null : time(text(period, "end")))
                .set("discharge_disposition", disposition == null ? null : switch (disposition) {
                    case "home" -> "home";
                    case "other-hcf", "rehab", "long" -> "transfer";
                    case "snf" -> "snf";
                    case "hosp" -> "hospice";
                    case "exp" -> "expired";
                    case "aadvice" -> "ama";
                    default -> "other";
                })
                // statuses are kept (eCQM logic counts finished encounters); codes as sent for value sets
                .set("status", text(r, "status"))
                .set("class_code", classCode)
                .set("discharge_disposition_system", dispositionSystem == null ? null
                        : CodeSystems.normalise(dispositionSystem).orElse(dispositionSystem))
                .set("discharge_disposition_code", disposition)
                // never empty (";" = no types): a FHIR encounter states its whole type list, so an update replaces it
                .set("type_codes", ";" + String.join(";", Fhir.knownCodes(r.get("type")))));
        JsonNode locations = r.get("location");
        if (problem == null && locations != null && locations.isArray()) {
            int i = 0;
            for (JsonNode l : locations) {
                JsonNode lp = l.get("period");
                String start = lp == null ? null : time(text(lp, "start"));
                i++;
                if (start == null) {
                    continue; // a location without a period says nothing about a stay
                }
                JsonNode loc = l.get("location");
                String unit = loc == null ? null : Optional.ofNullable(text(loc, "display")).orElse(referenceId(l, "location"));
                problem = add(rows, record("unit_stay").set("unit_stay_id", id + "/location/" + i)
                        .set("encounter_id", id).set("unit", unit).set("start_time", start)
                        .set("end_time", time(text(lp, "end"))));
                if (problem != null) {
                    break;
                }
            }
        }
        return problem;
    }

    private String condition(JsonNode r, List<Row> rows) {
        String verification = code(r.get("verificationStatus"));
        String clinical = code(r.get("clinicalStatus"));
        String status = verification != null && !verification.equals("confirmed") && !verification.equals("provisional")
                && !verification.equals("differential") && !verification.equals("unconfirmed")
                ? verification : clinical != null ? clinical : "active";
        String onset = timeChoice(r, "onset");
        if (onset == null) {
            onset = time(text(r, "recordedDate")); // eCQM logic falls back to the recorded date too
        }
        String abatement = timeChoice(r, "abatement");
        if (abatement == null && r.get("abatementPeriod") != null) {
            abatement = time(text(r.get("abatementPeriod"), "end"));
        }
        JsonNode coding = coding(r.get("code")).orElse(null);
        String poa = Fhir.extension(r, "present-on-admission").or(() -> Fhir.extension(r, "poa"))
                .map(e -> e.has("valueCodeableConcept") ? code(e.get("valueCodeableConcept")) : text(e, "valueCode"))
                .map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        return add(rows, record("condition").set("condition_id", text(r, "id"))
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", referenceId(r, "encounter"))
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("onset_time", onset)
                .set("abatement_time", abatement)
                .set("present_on_admission", poa)
                .set("status", status)
                .set("clinical_status", clinical)
                .set("verification_status", verification)
                .set("category", first(r, "category") == null ? null : code(first(r, "category")))
                .set("recorded_time", time(text(r, "recordedDate"))));
    }

    private String observation(JsonNode r, List<Row> rows) {
        String id = text(r, "id");
        String effectiveStart = timeChoice(r, "effective");
        JsonNode period = r.get("effectivePeriod");
        // effective_time is the latest point of the effective interval (070), effective_start its start
        String effective = period != null && text(period, "end") != null ? time(text(period, "end")) : effectiveStart;
        if (effective == null) {
            effective = time(text(r, "issued"));
        }
        String status = Optional.ofNullable(text(r, "status")).orElse("final");
        JsonNode components = r.get("component");
        boolean hasComponents = components != null && components.isArray() && !components.isEmpty();
        String problem = observationRow(rows, id, r, r, effective, effectiveStart, status);
        if (problem == null && hasComponents) {
            for (JsonNode c : components) {
                String componentCode = code(c.get("code"));
                problem = observationRow(rows, id + "/component/" + componentCode, r, c, effective, effectiveStart, status);
                if (problem != null) {
                    break;
                }
            }
        }
        return problem;
    }

    /** One observation row: the code and value of {@code valued} (the resource or one of its components). */
    private String observationRow(List<Row> rows, String id, JsonNode r, JsonNode valued, String effective,
            String effectiveStart, String status) {
        JsonNode coding = coding(valued.get("code")).orElse(null);
        CanonicalRecord rec = record("observation").set("observation_id", id)
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", referenceId(r, "encounter"))
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("effective_time", effective)
                .set("effective_start", effectiveStart)
                .set("status", status);
        JsonNode quantity = valued.get("valueQuantity");
        JsonNode concept = valued.get("valueCodeableConcept");
        if (quantity != null) {
            rec.set("value_num", text(quantity, "value"))
                    .set("unit", Optional.ofNullable(text(quantity, "code")).orElse(text(quantity, "unit")));
        } else if (concept != null) {
            JsonNode vc = coding(concept).orElse(null);
            rec.set("value_code_system", vc == null ? null : text(vc, "system"))
                    .set("value_code", vc == null ? null : text(vc, "code"));
        } else if (valued.has("valueInteger")) {
            rec.set("value_num", text(valued, "valueInteger"));
        }
        return add(rows, rec);
    }

    private String procedure(JsonNode r, List<Row> rows) {
        JsonNode coding = coding(r.get("code")).orElse(null);
        return add(rows, record("procedure").set("procedure_id", text(r, "id"))
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", referenceId(r, "encounter"))
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("performed_time", timeChoice(r, "performed"))
                .set("performed_end", r.get("performedPeriod") != null && text(r.get("performedPeriod"), "end") != null
                        ? time(text(r.get("performedPeriod"), "end")) : time(text(r, "performedDateTime")))
                .set("status", Optional.ofNullable(text(r, "status")).orElse("completed")));
    }

    /**
     * A medication order with its request period as CQL's {@code medicationRequestPeriod()}: from the authored time
     * (or validity start) to the last day of days supplied × (1 + refills); without supply information the end stays
     * null (unknown). doNotPerform orders are MedicationNotRequested, not orders: skipped.
     */
    private String medicationRequest(JsonNode r, List<Row> rows) {
        if (r.path("doNotPerform").asBoolean(false)) {
            return "SKIP:MedicationRequest with doNotPerform (a medication not requested, not an order)";
        }
        JsonNode dispense = r.path("dispenseRequest");
        String start = Optional.ofNullable(time(text(r, "authoredOn")))
                .orElse(time(text(dispense.path("validityPeriod"), "start")));
        String end = null;
        JsonNode supply = dispense.path("expectedSupplyDuration");
        String startDate = Fhir.date(start);
        if (supply.has("value") && startDate != null && startDate.length() == 10) {
            double days = supply.path("value").asDouble() * switch (Optional.ofNullable(text(supply, "code"))
                    .orElse(Optional.ofNullable(text(supply, "unit")).orElse("d"))) {
                case "wk", "week", "weeks" -> 7;
                case "mo", "month", "months" -> 30;
                default -> 1;
            };
            int refills = dispense.path("numberOfRepeatsAllowed").asInt(0);
            try {
                end = time(java.time.LocalDate.parse(startDate)
                        .plusDays((long) Math.ceil(days * (1 + refills)) - 1).toString());
            } catch (java.time.DateTimeException e) {
                end = null; // the start itself is then reported as invalid
            }
        }
        if (end == null && r.get("effectivePeriod") != null) {
            end = time(text(r.get("effectivePeriod"), "end")); // the demo generator's order end (kept readable)
        }
        return medication(r, rows, "order", start, end, text(r, "intent"));
    }

    private String medication(JsonNode r, List<Row> rows, String kind, String start) {
        JsonNode period = r.get("effectivePeriod");
        return medication(r, rows, kind, start, period == null ? null : time(text(period, "end")), null);
    }

    private String medication(JsonNode r, List<Row> rows, String kind, String start, String end, String intent) {
        JsonNode concept = r.get("medicationCodeableConcept");
        if (concept == null) {
            String ref = referenceId(r, "medicationReference");
            JsonNode medication = ref == null ? null : medications.get(ref);
            if (ref != null && medication == null) {
                return "medicationReference Medication/" + ref + " not found among the Medication resources";
            }
            concept = medication == null ? null : medication.get("code");
        }
        JsonNode coding = coding(concept).orElse(null);
        return add(rows, record("medication").set("medication_id", text(r, "id"))
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", Optional.ofNullable(referenceId(r, "encounter")).orElse(referenceId(r, "context")))
                .set("kind", kind)
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("start_time", start)
                .set("end_time", end)
                .set("status", Optional.ofNullable(text(r, "status")).orElse("completed"))
                .set("intent", intent));
    }

    private String coverage(JsonNode r, List<Row> rows) {
        String status = text(r, "status");
        if ("cancelled".equals(status) || "entered-in-error".equals(status) || "draft".equals(status)) {
            return "SKIP:coverage status " + status + " (only coverage in force counts)";
        }
        JsonNode period = r.get("period");
        return add(rows, record("coverage").set("coverage_id", text(r, "id"))
                .set("patient_id", Optional.ofNullable(referenceId(r, "beneficiary")).orElse(referenceId(r, "subscriber")))
                .set("payer_type", UsCore.payerType(code(r.get("type"))))
                .set("start_date", period == null ? null : Fhir.date(text(period, "start")))
                .set("end_date", period == null ? null : Fhir.date(text(period, "end"))));
    }

    private static JsonNode first(JsonNode r, String field) {
        JsonNode a = r.get(field);
        return a != null && a.isArray() && !a.isEmpty() ? a.get(0) : null;
    }

    private CanonicalRecord record(String table) {
        return records.computeIfAbsent(table, t -> new CanonicalRecord(FhirTables.stagingSpec(t).orElseThrow(), settings))
                .clear();
    }

    /** Converts a filled record: adds its row, or returns the reason it is bad. */
    private static String add(List<Row> rows, CanonicalRecord rec) {
        return switch (rec.convert()) {
            case RowConverter.Good g -> {
                rows.add(new Row(rec.table(), g.values()));
                yield null;
            }
            case RowConverter.Bad b -> b.reason();
            case RowConverter.Skipped s -> "SKIP:" + s.reason();
            // FHIR resources never carry the canonical `deleted` flag; a deletion here would be a mapping bug
            case RowConverter.Deletion d -> "deletions are not supported in FHIR imports";
        };
    }
}
