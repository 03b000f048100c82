package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.ColumnSpec.optional;
import static org.lhs.qi.ingest.ColumnSpec.required;

import java.util.List;
import java.util.Optional;
import org.lhs.qi.ingest.CanonicalTables;
import org.lhs.qi.ingest.TableSpec;
import org.lhs.qi.ingest.ValueType;

/**
 * Staging tables that only the FHIR importer feeds (no canonical CSV file): ServiceRequest and DeviceRequest as
 * {@code staging.request} → {@code ehr.request}. Normalised after the canonical tables they reference.
 */
public final class FhirTables {

    /** Service and device requests (eCQM "ordered" criteria); the id is unique per kind. */
    public static final TableSpec REQUEST = new TableSpec("request", List.of(
            required("kind", ValueType.oneOf("device", "service")),
            required("patient_id", ValueType.text()),
            optional("encounter_id", ValueType.text()),
            required("code_system", ValueType.codeSystem()),
            required("code", ValueType.text()),
            required("status", ValueType.text()),
            required("intent", ValueType.text()),
            optional("do_not_perform", ValueType.oneOf("true", "false")).withDefault("false"),
            required("authored_time", ValueType.timestamp())));

    /** Every FHIR-only table, in load order. */
    public static final List<TableSpec> ALL = List.of(REQUEST);

    private FhirTables() {}

    /** A canonical table or a FHIR-only one. */
    static Optional<TableSpec> stagingSpec(String table) {
        return CanonicalTables.byTable(table).or(() -> ALL.stream().filter(t -> t.table().equals(table)).findFirst());
    }
}
