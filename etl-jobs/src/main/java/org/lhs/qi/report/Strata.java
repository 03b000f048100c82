package org.lhs.qi.report;

import java.util.List;
import java.util.Map;

/** Stratifiers and strata of the equity tables: their order and their labels for people. */
public final class Strata {

    /** Stratifiers shown in the equity table, in this order. */
    public static final List<String> STRATIFIERS = List.of("sex", "race", "ethnicity", "age_band", "payer");

    private static final Map<String, String> STRATIFIER_LABELS = Map.of(
            "sex", "Sex", "race", "Race", "ethnicity", "Ethnicity", "age_band", "Age band", "payer", "Payer");

    private static final Map<String, List<String>> ORDER = Map.of(
            "sex", List.of("female", "male", "other", "unknown"),
            "race", List.of("american-indian-or-alaska-native", "asian", "black-or-african-american",
                    "native-hawaiian-or-other-pacific-islander", "white", "other", "unknown"),
            "ethnicity", List.of("hispanic-or-latino", "not-hispanic-or-latino", "unknown"),
            "age_band", List.of("0-17", "18-34", "35-49", "50-64", "65-74", "75+", "unknown"),
            "payer", List.of("medicare", "medicaid", "commercial", "self-pay", "other", "uninsured", "unknown"));

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("american-indian-or-alaska-native", "American Indian / Alaska Native"),
            Map.entry("black-or-african-american", "Black / African American"),
            Map.entry("native-hawaiian-or-other-pacific-islander", "Native Hawaiian / Pacific Isl."),
            Map.entry("hispanic-or-latino", "Hispanic or Latino"),
            Map.entry("not-hispanic-or-latino", "Not Hispanic or Latino"),
            Map.entry("self-pay", "Self-pay"),
            Map.entry("0-17", "0–17"), Map.entry("18-34", "18–34"), Map.entry("35-49", "35–49"),
            Map.entry("50-64", "50–64"), Map.entry("65-74", "65–74"));

    private Strata() {}

    /** True when the stratifier belongs in the equity table. */
    public static boolean shown(String stratifier) {
        return STRATIFIERS.contains(stratifier);
    }

    /** Sort key of a stratifier. */
    public static int stratifierRank(String stratifier) {
        int i = STRATIFIERS.indexOf(stratifier);
        return i < 0 ? STRATIFIERS.size() : i;
    }

    /** Sort key of a stratum within its stratifier; values outside the vocabulary go last. */
    public static int stratumRank(String stratifier, String stratum) {
        List<String> order = ORDER.getOrDefault(stratifier, List.of());
        int i = order.indexOf(stratum);
        return i < 0 ? order.size() : i;
    }

    /** "Age band". */
    public static String stratifierLabel(String stratifier) {
        return STRATIFIER_LABELS.getOrDefault(stratifier, stratifier);
    }

    /** "Black / African American", "Female", "18–34". */
    public static String stratumLabel(String stratum) {
        String label = LABELS.get(stratum);
        if (label != null) {
            return label;
        }
        return stratum.isEmpty() ? stratum : Character.toUpperCase(stratum.charAt(0)) + stratum.substring(1);
    }
}
