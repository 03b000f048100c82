package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.coding;
import static org.lhs.qi.ingest.fhir.Fhir.referenceId;
import static org.lhs.qi.ingest.fhir.Fhir.text;
import static org.lhs.qi.ingest.fhir.Fhir.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Immunization → {@code ehr.medication} as an {@code administration} of the vaccine (CVX code): the same
 * place the Synthea importer puts {@code immunizations.csv}, so one {@code medication} criterion with a CVX
 * value set finds vaccines from either source. Status is kept as given ({@code completed}, {@code not-done},
 * {@code entered-in-error}): a definition counts only completed doses, or looks for not-done with a reason.
 * Time: occurrenceDateTime, else the recorded date. Source ids carry an {@code Immunization/} prefix (the
 * table also holds MedicationRequest/Administration/Dispense ids).
 */
final class ImmunizationMapper implements ResourceTypeMapper {

    private final CanonicalRows rows;

    ImmunizationMapper(CanonicalRows rows) {
        this.rows = rows;
    }

    @Override
    public String map(JsonNode r, List<FhirResourceMapper.Row> out) {
        JsonNode coding = coding(r.get("vaccineCode")).orElse(null);
        String occurrence = time(Optional.ofNullable(text(r, "occurrenceDateTime")).orElse(text(r, "recorded")));
        return CanonicalRows.add(out, rows.record("medication").set("medication_id", "Immunization/" + text(r, "id"))
                .set("patient_id", Optional.ofNullable(referenceId(r, "patient")).orElse(referenceId(r, "subject")))
                .set("encounter_id", referenceId(r, "encounter"))
                .set("kind", "administration")
                .set("code_system", coding == null ? null : text(coding, "system"))
                .set("code", coding == null ? null : text(coding, "code"))
                .set("start_time", occurrence)
                .set("status", Optional.ofNullable(text(r, "status")).orElse("completed")));
    }
}
