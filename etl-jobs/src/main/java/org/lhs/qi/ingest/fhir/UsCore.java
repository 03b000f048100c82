package org.lhs.qi.ingest.fhir;

import static org.lhs.qi.ingest.fhir.Fhir.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** US Core extensions (race, ethnicity) and other coded Patient/Coverage values in the project vocabulary. */
final class UsCore {

    private UsCore() {}

    /** OMB category of the us-core-race extension; several categories (or none known) → other / unknown. */
    static String race(JsonNode patient) {
        Set<String> races = new LinkedHashSet<>();
        Fhir.extension(patient, "us-core-race").ifPresent(ext -> {
            JsonNode subs = ext.get("extension");
            if (subs != null && subs.isArray()) {
                for (JsonNode s : subs) {
                    if ("ombCategory".equals(text(s, "url")) && s.get("valueCoding") != null) {
                        races.add(switch (String.valueOf(text(s.get("valueCoding"), "code"))) {
                            case "1002-5" -> "american-indian-or-alaska-native";
                            case "2028-9" -> "asian";
                            case "2054-5" -> "black-or-african-american";
                            case "2076-8" -> "native-hawaiian-or-other-pacific-islander";
                            case "2106-3" -> "white";
                            case "2131-1" -> "other";
                            default -> "unknown"; // ASKU, UNK
                        });
                    }
                }
            }
        });
        races.remove("unknown");
        return races.isEmpty() ? "unknown" : races.size() == 1 ? races.iterator().next() : "other";
    }

    static String ethnicity(JsonNode patient) {
        return Fhir.extension(patient, "us-core-ethnicity").map(ext -> {
            JsonNode subs = ext.get("extension");
            if (subs != null && subs.isArray()) {
                for (JsonNode s : subs) {
                    if ("ombCategory".equals(text(s, "url")) && s.get("valueCoding") != null) {
                        return switch (String.valueOf(text(s.get("valueCoding"), "code"))) {
                            case "2135-2" -> "hispanic-or-latino";
                            case "2186-5" -> "not-hispanic-or-latino";
                            default -> "unknown";
                        };
                    }
                }
            }
            return "unknown";
        }).orElse("unknown");
    }

    /** ISO 639-1 of the preferred (else first) communication language: {@code en-US} → {@code en}. */
    static String language(JsonNode patient) {
        JsonNode comms = patient.get("communication");
        if (comms == null || !comms.isArray()) {
            return null;
        }
        JsonNode chosen = null;
        for (JsonNode c : comms) {
            if (chosen == null || c.path("preferred").asBoolean(false)) {
                chosen = c;
            }
        }
        String code = chosen == null ? null : Fhir.code(chosen.get("language"));
        if (code == null) {
            return null;
        }
        int dash = code.indexOf('-');
        return (dash > 0 ? code.substring(0, dash) : code).toLowerCase(Locale.ROOT);
    }

    /** Payer type from the PHDSC Source of Payment Typology code (the eCQM Payer Type value set). */
    static String payerType(String sopt) {
        if (sopt == null) {
            return "other";
        }
        return switch (sopt.charAt(0)) {
            case '1' -> "medicare";
            case '2' -> "medicaid";
            case '5', '6' -> "commercial";
            case '8' -> "self-pay";
            default -> "other";
        };
    }
}
