package org.lhs.qi.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.lhs.qi.ingest.CodeSystems;

/** Small readers of FHIR JSON elements: references, codings, date-times, extensions. */
final class Fhir {

    private Fhir() {}

    /** Text of a primitive element, or null when absent, null or empty. Objects/arrays give null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** {@code Patient/123}, {@code https://x/fhir/Patient/123/_history/2}, {@code urn:uuid:123} → {@code 123}. */
    static String referenceId(JsonNode holder, String field) {
        JsonNode ref = holder == null ? null : holder.get(field);
        String r = ref == null ? null : text(ref, "reference");
        if (r == null) {
            return null;
        }
        if (r.startsWith("urn:uuid:") || r.startsWith("urn:oid:")) {
            return r.substring(r.lastIndexOf(':') + 1);
        }
        int history = r.indexOf("/_history/");
        if (history >= 0) {
            r = r.substring(0, history);
        }
        if (r.startsWith("#")) {
            return r.substring(1);
        }
        int slash = r.lastIndexOf('/');
        return slash >= 0 ? r.substring(slash + 1) : r;
    }

    /**
     * The coding of a CodeableConcept the warehouse keeps: the first whose system is one of the stored code systems
     * (a CQL retrieve matches through any coding), else the first (its system then names the problem).
     */
    static Optional<JsonNode> coding(JsonNode codeableConcept) {
        if (codeableConcept == null) {
            return Optional.empty();
        }
        JsonNode codings = codeableConcept.get("coding");
        if (codings == null || !codings.isArray() || codings.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode c : codings) {
            String system = text(c, "system");
            if (system != null && text(c, "code") != null && CodeSystems.normalise(system).isPresent()) {
                return Optional.of(c);
            }
        }
        return Optional.of(codings.get(0));
    }

    /** Every coding of a CodeableConcept (or of an array of them) with a stored code system, as {@code SYSTEM|code}. */
    static java.util.List<String> knownCodes(JsonNode concepts) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (concepts == null) {
            return out;
        }
        for (JsonNode concept : concepts.isArray() ? concepts : java.util.List.of(concepts)) {
            JsonNode codings = concept.get("coding");
            if (codings == null || !codings.isArray()) {
                continue;
            }
            for (JsonNode c : codings) {
                String system = text(c, "system");
                String code = text(c, "code");
                Optional<String> known = system == null ? Optional.empty() : CodeSystems.normalise(system);
                if (known.isPresent() && code != null && !code.contains(";") && !out.contains(known.get() + "|" + code)) {
                    out.add(known.get() + "|" + code);
                }
            }
        }
        return out;
    }

    /** Code of the first coding, or null. */
    static String code(JsonNode codeableConcept) {
        return coding(codeableConcept).map(c -> text(c, "code")).orElse(null);
    }

    /**
     * A FHIR dateTime/instant for the canonical converter: full date-times keep their offset (normalised to
     * UTC later); partial dates ({@code 2026}, {@code 2026-03}, {@code 2026-03-01}) become the start of that
     * period in the configured zone.
     */
    static String time(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.length()) {
            case 4 -> value + "-01-01T00:00:00";
            case 7 -> value + "-01T00:00:00";
            case 10 -> value + "T00:00:00";
            default -> value;
        };
    }

    /** A FHIR date (or the date part of a dateTime). */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.length()) {
            case 4 -> value + "-01-01";
            case 7 -> value + "-01";
            default -> value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
        };
    }

    /** The first extension with this URL (or ending with it), searching an element's {@code extension} array. */
    static Optional<JsonNode> extension(JsonNode element, String urlSuffix) {
        JsonNode exts = element == null ? null : element.get("extension");
        if (exts == null || !exts.isArray()) {
            return Optional.empty();
        }
        for (JsonNode e : exts) {
            String url = text(e, "url");
            if (url != null && (url.equals(urlSuffix) || url.endsWith(urlSuffix))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** A dateTime from {@code <prefix>DateTime}, {@code <prefix>Instant} or {@code <prefix>Period.start}. */
    static String timeChoice(JsonNode r, String prefix) {
        String v = text(r, prefix + "DateTime");
        if (v == null) {
            v = text(r, prefix + "Instant");
        }
        if (v == null && r.get(prefix + "Period") != null) {
            v = text(r.get(prefix + "Period"), "start");
        }
        return time(v);
    }
}
