package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.coding;
import static org.lhs.qi.ingest.fhir.Fhir.referenceId;
import static org.lhs.qi.ingest.fhir.Fhir.text;
import static org.lhs.qi.ingest.fhir.Fhir.time;
import static org.lhs.qi.ingest.fhir.Fhir.timeChoice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.lhs.qi.ingest.CanonicalRecord;

/**
 * DiagnosticReport → {@code ehr.observation}. eCQMs query reports by their code and effective time (e.g.
 * mammography in CMS125, CT colonography in CMS130) exactly as they query observations, so the report is one
 * observation row: its code, effective time (else issued), status as given (preliminary, cancelled,
 * entered-in-error, … stay filterable) and its first conclusionCode as the coded value. Results the report
 * contains ({@code result: #id}) become observation rows of their own; results that reference
 * Observation resources are imported from those resources. Source ids carry a {@code DiagnosticReport/}
 * prefix: FHIR ids are unique per type only, and this table also holds Observations.
 */
final class DiagnosticReportMapper implements ResourceTypeMapper {

    private final CanonicalRows rows;

    DiagnosticReportMapper(CanonicalRows rows) {
        this.rows = rows;
    }

    @Override
    public String map(JsonNode r, List<FhirResourceMapper.Row> out) {
        String id = "DiagnosticReport/" + text(r, "id");
        String effective = Optional.ofNullable(timeChoice(r, "effective")).orElse(time(text(r, "issued")));
        String status = Optional.ofNullable(text(r, "status")).orElse("final");
        JsonNode coding = coding(r.get("code")).orElse(null);
        JsonNode conclusion = first(r.get("conclusionCode"));
        JsonNode conclusionCoding = conclusion == null ? null : coding(conclusion).orElse(null);
        String problem = CanonicalRows.add(out, rows.record("observation").set("observation_id", id)
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", referenceId(r, "encounter"))
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("effective_time", effective)
                .set("value_code_system", conclusionCoding == null ? null : text(conclusionCoding, "system"))
                .set("value_code", conclusionCoding == null ? null : text(conclusionCoding, "code"))
                .set("status", status));
        JsonNode results = r.get("result");
        if (problem != null || results == null || !results.isArray()) {
            return problem;
        }
        for (JsonNode result : results) {
            String ref = text(result, "reference");
            if (ref == null || !ref.startsWith("#")) {
                continue; // a separate Observation resource, imported from its own file
            }
            JsonNode contained = contained(r, ref.substring(1));
            if (contained == null) {
                return "result " + ref + " is not among the contained resources";
            }
            problem = result(out, id + "/result/" + ref.substring(1), r, contained, effective, status);
            if (problem != null) {
                return "result " + ref + ": " + problem;
            }
        }
        return null;
    }

    /** A contained Observation; its own effective time and status win over the report's. */
    private String result(List<FhirResourceMapper.Row> out, String id, JsonNode report, JsonNode o, String effective,
                          String status) {
        JsonNode coding = coding(o.get("code")).orElse(null);
        CanonicalRecord rec = rows.record("observation").set("observation_id", id)
                .set("patient_id", referenceId(report, "subject"))
                .set("encounter_id", referenceId(report, "encounter"))
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("effective_time", Optional.ofNullable(timeChoice(o, "effective")).orElse(effective))
                .set("status", Optional.ofNullable(text(o, "status")).orElse(status));
        JsonNode quantity = o.get("valueQuantity");
        JsonNode concept = o.get("valueCodeableConcept");
        if (quantity != null) {
            rec.set("value_num", text(quantity, "value"))
                    .set("unit", Optional.ofNullable(text(quantity, "code")).orElse(text(quantity, "unit")));
        } else if (concept != null) {
            JsonNode vc = coding(concept).orElse(null);
            rec.set("value_code_system", vc == null ? null : text(vc, "system"))
                    .set("value_code", vc == null ? null : text(vc, "code"));
        } else if (o.has("valueInteger")) {
            rec.set("value_num", text(o, "valueInteger"));
        }
        return CanonicalRows.add(out, rec);
    }

    static JsonNode contained(JsonNode r, String id) {
        JsonNode contained = r.get("contained");
        if (contained != null && contained.isArray()) {
            for (JsonNode c : contained) {
                if (id.equals(text(c, "id"))) {
                    return c;
                }
            }
        }
        return null;
    }

    private static JsonNode first(JsonNode array) {
        return array != null && array.isArray() && !array.isEmpty() ? array.get(0) : null;
    }
}
