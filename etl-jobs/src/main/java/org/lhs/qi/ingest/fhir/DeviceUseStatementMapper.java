package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.referenceId;
import static org.lhs.qi.ingest.fhir.Fhir.text;
import static org.lhs.qi.ingest.fhir.Fhir.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DeviceUseStatement (+ the Device it cites) → {@code ehr.device_episode}. The device type comes from the
 * Device's SNOMED CT type ({@link #DEVICE_TYPES}; other devices are skipped with the code as the reason);
 * start and end from {@code timingPeriod} (or {@code timingDateTime} as the start); status kept as given, so
 * an episode entered in error does not count device-days. R4 DeviceUseStatement names no encounter, so
 * the episode is the patient's. The Device is looked up among the contained resources, then the folder's
 * Device files and Devices seen earlier in the same file.
 */
final class DeviceUseStatementMapper implements ResourceTypeMapper {

    /** SNOMED CT device types the indicators track (same codes as the Synthea import). */
    static final Map<String, String> DEVICE_TYPES = Map.of(
            "52124006", "central-line",      // Central venous catheter
            "445085009", "central-line",     // Tunneled central venous catheter
            "704219003", "central-line",     // Peripherally inserted central catheter (PICC)
            "23973005", "urinary-catheter",  // Indwelling urinary catheter
            "20568009", "urinary-catheter",  // Urinary catheter
            "706172005", "ventilator",       // Ventilator
            "449071006", "ventilator",       // Mechanical ventilator
            "371786002", "ventilator");      // Pressure support ventilator

    private final CanonicalRows rows;
    private final FolderResources folder;

    DeviceUseStatementMapper(CanonicalRows rows, FolderResources folder) {
        this.rows = rows;
        this.folder = folder;
    }

    @Override
    public String map(JsonNode r, List<FhirResourceMapper.Row> out) {
        JsonNode deviceRef = r.get("device");
        String ref = deviceRef == null ? null : text(deviceRef, "reference");
        if (ref == null) {
            return "device: required reference is missing";
        }
        JsonNode device = ref.startsWith("#") ? DiagnosticReportMapper.contained(r, ref.substring(1))
                : folder.device(referenceId(r, "device"));
        if (device == null) {
            return "device " + ref + " not found among the Device resources";
        }
        String deviceType = null;
        String firstCode = null;
        JsonNode codings = device.get("type") == null ? null : device.get("type").get("coding");
        if (codings != null && codings.isArray()) {
            for (JsonNode c : codings) {
                String code = text(c, "code");
                firstCode = firstCode == null ? code : firstCode;
                if (code != null && DEVICE_TYPES.containsKey(code)) {
                    deviceType = DEVICE_TYPES.get(code);
                    break;
                }
            }
        }
        if (deviceType == null) {
            return "SKIP:device " + (firstCode == null ? "without a type code" : "SNOMED-CT " + firstCode)
                    + " is not a central line, urinary catheter or ventilator";
        }
        JsonNode period = r.get("timingPeriod");
        String start = period != null ? time(text(period, "start")) : time(text(r, "timingDateTime"));
        return CanonicalRows.add(out, rows.record("device_episode").set("device_episode_id", text(r, "id"))
                .set("patient_id", referenceId(r, "subject"))
                .set("device_type", deviceType)
                .set("start_time", start)
                .set("end_time", period == null ? null : time(text(period, "end")))
                .set("status", Optional.ofNullable(text(r, "status")).orElse(text(device, "status"))));
    }
}
