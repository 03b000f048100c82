package org.lhs.qi.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the generated rows as FHIR R4 Bulk Data NDJSON (one resource per line, one file per resource type), mapped
 * the way {@code ingest.fhir.FhirImporter} reads them back: Organization (site), Patient (US Core race/ethnicity,
 * language, address), Coverage (SOPT payer type), Encounter (v3 ActCode class, discharge disposition, unit stays as
 * {@code location} periods), Condition (present-on-admission extension), Observation, Procedure, and
 * MedicationRequest/-Administration/-Dispense. Device episodes, safety events and survey responses have no resource
 * our importer reads, so they are not written. Streams like the CSV sinks: an encounter waits only until the
 * patient's next encounter or the next patient (its unit stays follow it), so memory stays flat.
 */
final class FhirNdjsonSink implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> SYSTEM_URI = Map.of(
            "ICD-10-CM", "http://hl7.org/fhir/sid/icd-10-cm",
            "ICD-10-PCS", "http://www.cms.gov/Medicare/Coding/ICD10",
            "SNOMED-CT", "http://snomed.info/sct",
            "LOINC", "http://loinc.org",
            "RxNorm", "http://www.nlm.nih.gov/research/umls/rxnorm",
            "CPT", "http://www.ama-assn.org/go/cpt",
            "HCPCS", "urn:oid:2.16.840.1.113883.6.285",
            "CVX", "http://hl7.org/fhir/sid/cvx");

    private final Path dir;
    private final Map<String, JsonGenerator> files = new LinkedHashMap<>();
    private final EnumMap<CanonicalFile, Map<String, Integer>> columns = new EnumMap<>(CanonicalFile.class);
    /** The current patient's encounters and their unit stays, written when the next encounter or patient begins. */
    private String[] pendingEncounter;
    private final List<String[]> pendingStays = new ArrayList<>();

    FhirNdjsonSink(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        for (CanonicalFile f : CanonicalFile.values()) {
            Map<String, Integer> positions = new LinkedHashMap<>();
            for (int i = 0; i < f.columns().size(); i++) {
                positions.put(f.columns().get(i), i);
            }
            columns.put(f, positions);
        }
    }

    void row(CanonicalFile file, String[] values) {
        try {
            switch (file) {
                case SITE -> organization(values);
                case PATIENT -> {
                    flushEncounter();
                    patient(file, values);
                }
                case COVERAGE -> coverage(file, values);
                case ENCOUNTER -> {
                    flushEncounter();
                    pendingEncounter = values;
                }
                case UNIT_STAY -> {
                    if (pendingEncounter != null && pendingEncounter[0].equals(v(file, values, "encounter_id"))) {
                        pendingStays.add(values);
                    }
                }
                case CONDITION -> condition(file, values);
                case OBSERVATION -> observation(file, values);
                case PROCEDURE -> procedure(file, values);
                case MEDICATION -> medication(file, values);
                case DEVICE_EPISODE, SAFETY_EVENT, SURVEY_RESPONSE -> { } // no FHIR mapping in our importer
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String v(CanonicalFile file, String[] values, String column) {
        Integer i = columns.get(file).get(column);
        if (i == null) {
            throw new IllegalArgumentException(file.fileName() + " has no column " + column);
        }
        String s = values[i];
        return s == null || s.isEmpty() ? null : s;
    }

    private void organization(String[] values) throws IOException {
        JsonGenerator g = start("Organization", values[0]);
        g.writeStringField("name", values[1]);
        end(g);
    }

    private void patient(CanonicalFile f, String[] values) throws IOException {
        JsonGenerator g = start("Patient", v(f, values, "patient_id"));
        usCoreCategory(g, "us-core-race", "urn:oid:2.16.840.1.113883.6.238", switch (v(f, values, "race")) {
            case "american-indian-or-alaska-native" -> "1002-5";
            case "asian" -> "2028-9";
            case "black-or-african-american" -> "2054-5";
            case "native-hawaiian-or-other-pacific-islander" -> "2076-8";
            case "white" -> "2106-3";
            case "other" -> "2131-1";
            default -> "UNK";
        }, switch (v(f, values, "ethnicity")) {
            case "hispanic-or-latino" -> "2135-2";
            case "not-hispanic-or-latino" -> "2186-5";
            default -> "UNK";
        });
        g.writeStringField("gender", v(f, values, "sex"));
        g.writeStringField("birthDate", v(f, values, "birth_date"));
        optional(g, "deceasedDateTime", v(f, values, "death_date"));
        String zip = v(f, values, "zip");
        if (zip != null) {
            g.writeArrayFieldStart("address");
            g.writeStartObject();
            g.writeStringField("postalCode", zip);
            g.writeEndObject();
            g.writeEndArray();
        }
        String language = v(f, values, "language");
        if (language != null) {
            g.writeArrayFieldStart("communication");
            g.writeStartObject();
            g.writeObjectFieldStart("language");
            coding(g, "urn:ietf:bcp:47", language);
            g.writeEndObject();
            g.writeBooleanField("preferred", true);
            g.writeEndObject();
            g.writeEndArray();
        }
        reference(g, "managingOrganization", "Organization", v(f, values, "site_id"));
        end(g);
    }

    /** The US Core race and ethnicity extensions, each with one OMB category. */
    private static void usCoreCategory(JsonGenerator g, String race, String system, String raceCode, String ethnicityCode)
            throws IOException {
        g.writeArrayFieldStart("extension");
        for (String[] e : new String[][] {{race, raceCode}, {"us-core-ethnicity", ethnicityCode}}) {
            g.writeStartObject();
            g.writeStringField("url", "http://hl7.org/fhir/us/core/StructureDefinition/" + e[0]);
            g.writeArrayFieldStart("extension");
            g.writeStartObject();
            g.writeStringField("url", "ombCategory");
            g.writeObjectFieldStart("valueCoding");
            g.writeStringField("system", e[1].equals("UNK") ? "http://terminology.hl7.org/CodeSystem/v3-NullFlavor" : system);
            g.writeStringField("code", e[1]);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void coverage(CanonicalFile f, String[] values) throws IOException {
        JsonGenerator g = start("Coverage", v(f, values, "coverage_id"));
        g.writeStringField("status", "active");
        g.writeObjectFieldStart("type");
        coding(g, "https://nahdo.org/sopt", switch (v(f, values, "payer_type")) {
            case "medicare" -> "1";
            case "medicaid" -> "2";
            case "commercial" -> "5";
            case "self-pay" -> "81";
            default -> "9";
        });
        g.writeEndObject();
        reference(g, "beneficiary", "Patient", v(f, values, "patient_id"));
        period(g, "period", v(f, values, "start_date"), v(f, values, "end_date"));
        end(g);
    }

    private void flushEncounter() throws IOException {
        if (pendingEncounter == null) {
            return;
        }
        CanonicalFile f = CanonicalFile.ENCOUNTER;
        String[] values = pendingEncounter;
        JsonGenerator g = start("Encounter", v(f, values, "encounter_id"));
        String discharge = v(f, values, "discharge_time");
        g.writeStringField("status", discharge == null ? "in-progress" : "finished");
        g.writeObjectFieldStart("class");
        g.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
        g.writeStringField("code", switch (v(f, values, "class")) {
            case "inpatient" -> "IMP";
            case "emergency" -> "EMER";
            case "observation" -> "OBSENC";
            case "virtual" -> "VR";
            default -> "AMB";
        });
        g.writeEndObject();
        reference(g, "subject", "Patient", v(f, values, "patient_id"));
        period(g, "period", v(f, values, "admit_time"), discharge);
        String disposition = v(f, values, "discharge_disposition");
        if (disposition != null) {
            g.writeObjectFieldStart("hospitalization");
            g.writeObjectFieldStart("dischargeDisposition");
            coding(g, "http://terminology.hl7.org/CodeSystem/discharge-disposition", switch (disposition) {
                case "home" -> "home";
                case "transfer" -> "other-hcf";
                case "snf" -> "snf";
                case "hospice" -> "hosp";
                case "expired" -> "exp";
                case "ama" -> "aadvice";
                default -> "oth";
            });
            g.writeEndObject();
            g.writeEndObject();
        }
        if (!pendingStays.isEmpty()) {
            CanonicalFile u = CanonicalFile.UNIT_STAY;
            g.writeArrayFieldStart("location");
            for (String[] stay : pendingStays) {
                g.writeStartObject();
                g.writeObjectFieldStart("location");
                g.writeStringField("display", v(u, stay, "unit"));
                g.writeEndObject();
                period(g, "period", v(u, stay, "start_time"), v(u, stay, "end_time"));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        reference(g, "serviceProvider", "Organization", v(f, values, "site_id"));
        end(g);
        pendingEncounter = null;
        pendingStays.clear();
    }

    private void condition(CanonicalFile f, String[] values) throws IOException {
        JsonGenerator g = start("Condition", v(f, values, "condition_id"));
        String poa = v(f, values, "present_on_admission");
        if (poa != null) {
            g.writeArrayFieldStart("extension");
            g.writeStartObject();
            g.writeStringField("url", "http://hl7.org/fhir/StructureDefinition/present-on-admission");
            g.writeStringField("valueCode", poa);
            g.writeEndObject();
            g.writeEndArray();
        }
        String status = v(f, values, "status");
        if (status != null && (status.equals("entered-in-error") || status.equals("refuted"))) {
            g.writeObjectFieldStart("verificationStatus");
            coding(g, "http://terminology.hl7.org/CodeSystem/condition-ver-status", status);
        } else {
            g.writeObjectFieldStart("clinicalStatus");
            coding(g, "http://terminology.hl7.org/CodeSystem/condition-clinical", status != null ? status : "active");
        }
        g.writeEndObject();
        code(g, "code", v(f, values, "code_system"), v(f, values, "code"));
        reference(g, "subject", "Patient", v(f, values, "patient_id"));
        reference(g, "encounter", "Encounter", v(f, values, "encounter_id"));
        optional(g, "onsetDateTime", v(f, values, "onset_time"));
        optional(g, "abatementDateTime", v(f, values, "abatement_time"));
        end(g);
    }

    private void observation(CanonicalFile f, String[] values) throws IOException {
        JsonGenerator g = start("Observation", v(f, values, "observation_id"));
        g.writeStringField("status", value(v(f, values, "status"), "final"));
        code(g, "code", v(f, values, "code_system"), v(f, values, "code"));
        reference(g, "subject", "Patient", v(f, values, "patient_id"));
        reference(g, "encounter", "Encounter", v(f, values, "encounter_id"));
        optional(g, "effectiveDateTime", v(f, values, "effective_time"));
        String number = v(f, values, "value_num");
        String valueCode = v(f, values, "value_code");
        if (number != null) {
            g.writeObjectFieldStart("valueQuantity");
            g.writeFieldName("value");
            g.writeNumber(number); // as written: the importer reads the same decimal text back
            String unit = v(f, values, "unit");
            if (unit != null) {
                g.writeStringField("unit", unit);
                g.writeStringField("system", "http://unitsofmeasure.org");
                g.writeStringField("code", unit);
            }
            g.writeEndObject();
        } else if (valueCode != null) {
            code(g, "valueCodeableConcept", v(f, values, "value_code_system"), valueCode);
        }
        end(g);
    }

    private void procedure(CanonicalFile f, String[] values) throws IOException {
        JsonGenerator g = start("Procedure", v(f, values, "procedure_id"));
        g.writeStringField("status", value(v(f, values, "status"), "completed"));
        code(g, "code", v(f, values, "code_system"), v(f, values, "code"));
        reference(g, "subject", "Patient", v(f, values, "patient_id"));
        reference(g, "encounter", "Encounter", v(f, values, "encounter_id"));
        optional(g, "performedDateTime", v(f, values, "performed_time"));
        end(g);
    }

    private void medication(CanonicalFile f, String[] values) throws IOException {
        String kind = v(f, values, "kind");
        String type = switch (kind) {
            case "administration" -> "MedicationAdministration";
            case "dispense" -> "MedicationDispense";
            default -> "MedicationRequest";
        };
        JsonGenerator g = start(type, v(f, values, "medication_id"));
        g.writeStringField("status", value(v(f, values, "status"), "completed"));
        if (type.equals("MedicationRequest")) {
            g.writeStringField("intent", "order");
        }
        code(g, "medicationCodeableConcept", v(f, values, "code_system"), v(f, values, "code"));
        reference(g, "subject", "Patient", v(f, values, "patient_id"));
        reference(g, type.equals("MedicationRequest") ? "encounter" : "context", "Encounter", v(f, values, "encounter_id"));
        String start = v(f, values, "start_time");
        String end = v(f, values, "end_time");
        switch (type) {
            case "MedicationDispense" -> optional(g, "whenHandedOver", start);
            case "MedicationAdministration" -> period(g, "effectivePeriod", start, end);
            default -> {
                optional(g, "authoredOn", start);
                if (end != null) {
                    period(g, "effectivePeriod", start, end); // read back as the order's end
                }
            }
        }
        end(g);
    }

    private static String value(String v, String otherwise) {
        return v != null ? v : otherwise;
    }

    private JsonGenerator start(String resourceType, String id) throws IOException {
        JsonGenerator g = files.get(resourceType);
        if (g == null) {
            g = JSON.createGenerator(new BufferedWriter(Files.newBufferedWriter(dir.resolve(resourceType + ".ndjson"),
                    StandardCharsets.UTF_8), 1 << 16));
            g.setRootValueSeparator(null);
            files.put(resourceType, g);
        }
        g.writeStartObject();
        g.writeStringField("resourceType", resourceType);
        g.writeStringField("id", id);
        return g;
    }

    private static void end(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void reference(JsonGenerator g, String field, String type, String id) throws IOException {
        if (id != null) {
            g.writeObjectFieldStart(field);
            g.writeStringField("reference", type + "/" + id);
            g.writeEndObject();
        }
    }

    private static void period(JsonGenerator g, String field, String start, String end) throws IOException {
        g.writeObjectFieldStart(field);
        optional(g, "start", start);
        optional(g, "end", end);
        g.writeEndObject();
    }

    /** A CodeableConcept with one coding; short system names become their URIs (LOCAL stays as it is). */
    private static void code(JsonGenerator g, String field, String system, String code) throws IOException {
        g.writeObjectFieldStart(field);
        coding(g, system == null ? null : SYSTEM_URI.getOrDefault(system, system), code);
        g.writeEndObject();
    }

    private static void coding(JsonGenerator g, String system, String code) throws IOException {
        g.writeArrayFieldStart("coding");
        g.writeStartObject();
        optional(g, "system", system);
        optional(g, "code", code);
        g.writeEndObject();
        g.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        try {
            flushEncounter();
        } catch (IOException e) {
            first = e;
        }
        for (JsonGenerator g : files.values()) {
            try {
                g.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
