package org.lhs.qi.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Code system names as stored in the warehouse, and the URIs and spellings extracts use for them. */
public final class CodeSystems {

    /** The stored short names. */
    public static final List<String> SHORT_NAMES =
            List.of("ICD-10-CM", "ICD-10-PCS", "SNOMED-CT", "LOINC", "RxNorm", "CPT", "HCPCS", "CVX", "LOCAL");

    private static final Map<String, String> BY_KEY = new HashMap<>();
    private static final Map<String, String> RECENT = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        for (String name : SHORT_NAMES) {
            BY_KEY.put(key(name), name);
        }
        alias("SNOMED", "SNOMED-CT");
        alias("ICD10", "ICD-10-CM"); // extracts from US systems mean the clinical modification
        alias("http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM");
        alias("http://hl7.org/fhir/sid/icd-10", "ICD-10-CM");
        alias("http://www.cms.gov/Medicare/Coding/ICD10", "ICD-10-PCS");
        alias("http://hl7.org/fhir/sid/icd-10-pcs", "ICD-10-PCS");
        alias("http://snomed.info/sct", "SNOMED-CT");
        alias("http://loinc.org", "LOINC");
        alias("http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm");
        alias("http://www.ama-assn.org/go/cpt", "CPT");
        alias("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "HCPCS");
        alias("urn:oid:2.16.840.1.113883.6.285", "HCPCS");
        alias("http://www.nlm.nih.gov/research/umls/hcpcs", "HCPCS"); // VSAC bundles spell HCPCS this way too
        alias("http://hl7.org/fhir/sid/cvx", "CVX");
    }

    private CodeSystems() {}

    private static void alias(String spelling, String shortName) {
        BY_KEY.put(key(spelling), shortName);
    }

    /**
     * The short name for a short name in any case/punctuation ({@code snomed ct}, {@code ICD10CM}) or a
     * known URI (http or https, with or without a trailing slash); empty when unknown.
     */
    public static Optional<String> normalise(String value) {
        String known = RECENT.get(value); // extracts repeat a handful of spellings millions of times
        if (known == null) {
            known = BY_KEY.get(key(value));
            if (known != null && RECENT.size() < 1000) {
                RECENT.put(value, known);
            }
        }
        return Optional.ofNullable(known);
    }

    private static String key(String value) {
        String v = value.strip();
        if (v.contains("://") || v.startsWith("urn:")) {
            v = v.replaceFirst("^https://", "http://").replaceFirst("/+$", "");
            return v.toLowerCase(Locale.ROOT);
        }
        return v.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
