package org.lhs.qi.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Maps the resources of one FHIR type to canonical staging rows (one class per resource type). */
interface ResourceTypeMapper {

    /**
     * Adds the rows of one resource.
     *
     * @return null when mapped, else the quarantine reason, or {@code "SKIP:<reason>"} for a deliberate skip
     */
    String map(JsonNode resource, List<FhirResourceMapper.Row> rows);
}
