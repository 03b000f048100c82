package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.coding;
import static org.lhs.qi.ingest.fhir.Fhir.referenceId;
import static org.lhs.qi.ingest.fhir.Fhir.text;
import static org.lhs.qi.ingest.fhir.Fhir.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * ServiceRequest and DeviceRequest → {@code ehr.request} (kind {@code service} / {@code device}), with status, intent and
 * doNotPerform (the element or its modifier extension) kept: eCQM "ordered" criteria count active or completed orders
 * and "not ordered" ones look for doNotPerform. DeviceRequest's code is {@code codeCodeableConcept}.
 */
final class RequestMapper implements ResourceTypeMapper {

    private final CanonicalRows rows;
    private final String kind;

    RequestMapper(CanonicalRows rows, String kind) {
        this.rows = rows;
        this.kind = kind;
    }

    @Override
    public String map(JsonNode r, List<FhirResourceMapper.Row> out) {
        JsonNode concept = r.has("codeCodeableConcept") ? r.get("codeCodeableConcept") : r.get("code");
        JsonNode coding = coding(concept).orElse(null);
        boolean doNotPerform = r.path("doNotPerform").asBoolean(false);
        for (JsonNode e : r.path("modifierExtension")) {
            if (Optional.ofNullable(text(e, "url")).orElse("").endsWith("doNotPerform")) {
                doNotPerform |= e.path("valueBoolean").asBoolean(false);
            }
        }
        return CanonicalRows.add(out, rows.record("request").set("request_id", text(r, "id"))
                .set("kind", kind)
                .set("patient_id", referenceId(r, "subject"))
                .set("encounter_id", referenceId(r, "encounter"))
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("status", text(r, "status"))
                .set("intent", text(r, "intent"))
                .set("do_not_perform", Boolean.toString(doNotPerform))
                .set("authored_time", time(text(r, "authoredOn"))));
    }
}
