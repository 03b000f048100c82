package org.lhs.qi.ingest.synthea;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Synthea's value spellings translated to the project vocabulary. */
final class SyntheaVocabulary {

    private SyntheaVocabulary() {}

    static String sex(String gender) {
        if (gender == null) {
            return "unknown";
        }
        return switch (gender.toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> "male";
            case "F", "FEMALE" -> "female";
            default -> "unknown";
        };
    }

    static String race(String race) {
        if (race == null) {
            return "unknown";
        }
        return switch (race.toLowerCase(Locale.ROOT)) {
            case "white" -> "white";
            case "black" -> "black-or-african-american";
            case "asian" -> "asian";
            case "native" -> "american-indian-or-alaska-native";
            case "hawaiian" -> "native-hawaiian-or-other-pacific-islander";
            case "other" -> "other";
            default -> "unknown";
        };
    }

    static String ethnicity(String ethnicity) {
        if (ethnicity == null) {
            return "unknown";
        }
        return switch (ethnicity.toLowerCase(Locale.ROOT)) {
            case "hispanic" -> "hispanic-or-latino";
            case "nonhispanic" -> "not-hispanic-or-latino";
            default -> "unknown";
        };
    }

    /** Our encounter class; empty for Synthea classes we have no counterpart for (skipped with a reason). */
    static Optional<String> encounterClass(String synthea) {
        return switch (synthea.toLowerCase(Locale.ROOT)) {
            case "wellness", "ambulatory", "outpatient", "home" -> Optional.of("ambulatory");
            case "emergency", "urgentcare" -> Optional.of("emergency");
            case "inpatient" -> Optional.of("inpatient");
            case "observation" -> Optional.of("observation");
            case "virtual", "telehealth" -> Optional.of("virtual");
            default -> Optional.empty();
        };
    }

    /** Classes that are known but deliberately left out (so the rest are malformed values). */
    static boolean knownUnmappedClass(String synthea) {
        return switch (synthea.toLowerCase(Locale.ROOT)) {
            case "snf", "hospice" -> true;
            default -> false;
        };
    }

    /**
     * Payer type from the payer's name and (Synthea 3.3+) ownership; empty for "no insurance", which is
     * the absence of coverage in our model.
     */
    static Optional<String> payerType(String name, String ownership) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        String o = ownership == null ? "" : ownership.strip().toUpperCase(Locale.ROOT);
        if (n.equals("no_insurance") || n.equals("no insurance") || o.equals("NO_INSURANCE")) {
            return Optional.empty();
        }
        if (n.equals("medicare") || n.equals("dual eligible")) { // dual eligible: Medicare pays first
            return Optional.of("medicare");
        }
        if (n.equals("medicaid")) {
            return Optional.of("medicaid");
        }
        if (o.equals("GOVERNMENT")) {
            return Optional.of("other");
        }
        return Optional.of("commercial"); // Synthea's remaining payers are private insurers
    }

    /** SNOMED CT device codes the indicators track (device-associated infections). */
    private static final Map<String, String> DEVICES = Map.of(
            "52124006", "central-line",      // Central venous catheter
            "445085009", "central-line",     // Tunneled central venous catheter
            "704219003", "central-line",     // Peripherally inserted central catheter (PICC)
            "23973005", "urinary-catheter",  // Indwelling urinary catheter
            "20568009", "urinary-catheter",  // Urinary catheter
            "706172005", "ventilator",       // Ventilator
            "449071006", "ventilator");      // Mechanical ventilator

    static Optional<String> deviceType(String snomedCode) {
        return Optional.ofNullable(DEVICES.get(snomedCode));
    }
}
