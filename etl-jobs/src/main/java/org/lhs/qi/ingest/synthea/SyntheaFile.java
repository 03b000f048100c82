package org.lhs.qi.ingest.synthea;

import static org.lhs.qi.ingest.synthea.SyntheaHeader.field;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lhs.qi.ingest.CanonicalRecord;
import org.lhs.qi.ingest.CanonicalTables;
import org.lhs.qi.ingest.ExtractFileIngester.MapperFactory;
import org.lhs.qi.ingest.IngestSettings;
import org.lhs.qi.ingest.RowConverter;
import org.lhs.qi.ingest.TableSpec;

/**
 * The Synthea CSV files we import, in dependency order, each with the canonical table it feeds and how its
 * records map (columns by header name). Files without an {@code Id} column get a deterministic source id
 * derived from the record's identifying fields, so re-importing the same export changes nothing.
 */
public enum SyntheaFile {
    ORGANIZATIONS("organizations.csv", "site"),
    PATIENTS("patients.csv", "patient"),
    PAYERS("payers.csv", "coverage"),
    PAYER_TRANSITIONS("payer_transitions.csv", "coverage"),
    ENCOUNTERS("encounters.csv", "encounter"),
    DEVICES("devices.csv", "device_episode"),
    CONDITIONS("conditions.csv", "condition"),
    PROCEDURES("procedures.csv", "procedure"),
    OBSERVATIONS("observations.csv", "observation"),
    MEDICATIONS("medications.csv", "medication"),
    IMMUNIZATIONS("immunizations.csv", "medication");

    private final String fileName;
    private final String table;

    SyntheaFile(String fileName, String table) {
        this.fileName = fileName;
        this.table = table;
    }

    public String fileName() {
        return fileName;
    }

    public TableSpec spec() {
        return CanonicalTables.byTable(table).orElseThrow();
    }

    /** Reference data: read to type other files' records, not staged itself. */
    public boolean referenceOnly() {
        return this == PAYERS;
    }

    public static Optional<SyntheaFile> byFileName(String name) {
        for (SyntheaFile f : values()) {
            if (f.fileName.equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The mapper of this file's records.
     *
     * @param payers payer id → payer type (empty: no insurance); only {@link #PAYER_TRANSITIONS} uses it
     */
    public MapperFactory mappers(IngestSettings settings, Map<String, Optional<String>> payers) {
        return header -> {
            SyntheaHeader h = new SyntheaHeader(fileName, header);
            CanonicalRecord r = new CanonicalRecord(spec(), settings);
            return CanonicalRecord.checked(h.size(), switch (this) {
                case ORGANIZATIONS -> organizations(h, r);
                case PATIENTS -> patients(h, r);
                case PAYERS -> throw new IllegalStateException("payers.csv is reference data");
                case PAYER_TRANSITIONS -> payerTransitions(h, r, payers);
                case ENCOUNTERS -> encounters(h, r);
                case DEVICES -> devices(h, r);
                case CONDITIONS -> conditions(h, r);
                case PROCEDURES -> procedures(h, r);
                case OBSERVATIONS -> observations(h, r);
                case MEDICATIONS -> medications(h, r);
                case IMMUNIZATIONS -> immunizations(h, r);
            });
        };
    }

    private static org.lhs.qi.ingest.RecordMapper organizations(SyntheaHeader h, CanonicalRecord r) {
        int id = h.required("Id");
        int name = h.required("NAME");
        return f -> r.clear().set("site_id", field(f, id)).set("name", field(f, name)).convert();
    }

    private static org.lhs.qi.ingest.RecordMapper patients(SyntheaHeader h, CanonicalRecord r) {
        int id = h.required("Id");
        int birth = h.required("BIRTHDATE");
        int death = h.optional("DEATHDATE");
        int gender = h.required("GENDER");
        int race = h.optional("RACE");
        int ethnicity = h.optional("ETHNICITY");
        int zip = h.optional("ZIP");
        return f -> r.clear().set("patient_id", field(f, id))
                .set("birth_date", date(field(f, birth), false))
                .set("death_date", date(field(f, death), false))
                .set("sex", SyntheaVocabulary.sex(field(f, gender)))
                .set("race", SyntheaVocabulary.race(field(f, race)))
                .set("ethnicity", SyntheaVocabulary.ethnicity(field(f, ethnicity)))
                .set("zip", field(f, zip))
                .convert(); // language and deprivation are not in Synthea: unknown
    }

    private static org.lhs.qi.ingest.RecordMapper payerTransitions(SyntheaHeader h, CanonicalRecord r,
                                                                   Map<String, Optional<String>> payers) {
        int patient = h.required("PATIENT");
        int start = h.required("START_DATE", "START_YEAR");
        int end = h.optional("END_DATE", "END_YEAR");
        int payer = h.required("PAYER");
        return f -> {
            String payerId = field(f, payer);
            String startValue = field(f, start);
            Optional<String> type = payerId == null ? null : payers.get(payerId);
            if (type == null) {
                return new RowConverter.Bad("PAYER: " + (payerId == null ? "required value is missing"
                        : "'" + payerId + "' is not in payers.csv"));
            }
            if (type.isEmpty()) {
                return new RowConverter.Skipped("no insurance: an uninsured period is the absence of coverage");
            }
            return r.clear().set("coverage_id", sourceId("coverage", field(f, patient), payerId, startValue))
                    .set("patient_id", field(f, patient))
                    .set("payer_type", type.get())
                    .set("start_date", date(startValue, false))
                    .set("end_date", date(field(f, end), true))
                    .convert();
        };
    }

    private static org.lhs.qi.ingest.RecordMapper encounters(SyntheaHeader h, CanonicalRecord r) {
        int id = h.required("Id");
        int start = h.required("START");
        int stop = h.optional("STOP");
        int patient = h.required("PATIENT");
        int organization = h.required("ORGANIZATION");
        int encounterClass = h.required("ENCOUNTERCLASS");
        return f -> {
            String cls = field(f, encounterClass);
            String ours = cls == null ? null : SyntheaVocabulary.encounterClass(cls).orElse(null);
            if (cls != null && ours == null && SyntheaVocabulary.knownUnmappedClass(cls)) {
                return new RowConverter.Skipped("encounter class " + cls.toLowerCase(Locale.ROOT)
                        + " has no counterpart among inpatient, emergency, ambulatory, observation, virtual");
            }
            return r.clear().set("encounter_id", field(f, id))
                    .set("patient_id", field(f, patient))
                    .set("site_id", field(f, organization))
                    .set("class", ours != null ? ours : cls) // an unknown class fails validation with its value
                    .set("admit_time", time(field(f, start)))
                    .set("discharge_time", time(field(f, stop)))
                    .convert();
        };
    }

    private static org.lhs.qi.ingest.RecordMapper devices(SyntheaHeader h, CanonicalRecord r) {
        int start = h.required("START");
        int stop = h.optional("STOP");
        int patient = h.required("PATIENT");
        int encounter = h.optional("ENCOUNTER");
        int code = h.required("CODE");
        return f -> {
            String c = field(f, code);
            Optional<String> type = c == null ? Optional.empty() : SyntheaVocabulary.deviceType(c);
            if (c != null && type.isEmpty()) {
                return new RowConverter.Skipped("device SNOMED-CT " + c
                        + " is not a central line, urinary catheter or ventilator");
            }
            return r.clear().set("device_episode_id", sourceId("device", field(f, patient), field(f, encounter), c,
                            field(f, start)))
                    .set("patient_id", field(f, patient))
                    .set("encounter_id", field(f, encounter))
                    .set("device_type", type.orElse(null))
                    .set("start_time", time(field(f, start)))
                    .set("end_time", time(field(f, stop)))
                    .convert();
        };
    }

    private static org.lhs.qi.ingest.RecordMapper conditions(SyntheaHeader h, CanonicalRecord r) {
        int start = h.required("START");
        int stop = h.optional("STOP");
        int patient = h.required("PATIENT");
        int encounter = h.optional("ENCOUNTER");
        int system = h.optional("SYSTEM");
        int code = h.required("CODE");
        return f -> {
            String abatement = field(f, stop);
            return r.clear().set("condition_id", sourceId("condition", field(f, patient), field(f, encounter),
                            field(f, code), field(f, start)))
                    .set("patient_id", field(f, patient))
                    .set("encounter_id", field(f, encounter))
                    .set("code_system", codeSystem(field(f, system), "SNOMED-CT"))
                    .set("code", field(f, code))
                    .set("onset_time", time(field(f, start)))
                    .set("abatement_time", time(abatement))
                    .set("status", abatement == null ? "active" : "resolved")
                    .convert();
        };
    }

    private static org.lhs.qi.ingest.RecordMapper procedures(SyntheaHeader h, CanonicalRecord r) {
        int start = h.required("START", "DATE"); // Synthea 2.x had DATE
        int patient = h.required("PATIENT");
        int encounter = h.optional("ENCOUNTER");
        int system = h.optional("SYSTEM");
        int code = h.required("CODE");
        return f -> r.clear().set("procedure_id", sourceId("procedure", field(f, patient), field(f, encounter),
                        field(f, code), field(f, start)))
                .set("patient_id", field(f, patient))
                .set("encounter_id", field(f, encounter))
                .set("code_system", codeSystem(field(f, system), "SNOMED-CT"))
                .set("code", field(f, code))
                .set("performed_time", time(field(f, start)))
                .set("status", "completed")
                .convert();
    }

    private static org.lhs.qi.ingest.RecordMapper observations(SyntheaHeader h, CanonicalRecord r) {
        int date = h.required("DATE");
        int patient = h.required("PATIENT");
        int encounter = h.optional("ENCOUNTER");
        int code = h.required("CODE");
        int value = h.optional("VALUE");
        int units = h.optional("UNITS");
        int type = h.optional("TYPE");
        return f -> {
            String v = field(f, value);
            String t = field(f, type);
            boolean numeric = t != null ? t.equalsIgnoreCase("numeric") : v != null && looksNumeric(v);
            r.clear().set("observation_id", sourceId("observation", field(f, patient), field(f, encounter),
                            field(f, code), field(f, date), v))
                    .set("patient_id", field(f, patient))
                    .set("encounter_id", field(f, encounter))
                    .set("code_system", "LOINC")
                    .set("code", field(f, code))
                    .set("effective_time", time(field(f, date)))
                    .set("unit", field(f, units))
                    .set("status", "final");
            if (numeric) {
                r.set("value_num", v);
            } else if (v != null) {
                r.set("value_code_system", "LOCAL").set("value_code", v); // Synthea gives the display text
            }
            return r.convert();
        };
    }

    private static org.lhs.qi.ingest.RecordMapper medications(SyntheaHeader h, CanonicalRecord r) {
        int start = h.required("START");
        int stop = h.optional("STOP");
        int patient = h.required("PATIENT");
        int encounter = h.optional("ENCOUNTER");
        int code = h.required("CODE");
        return f -> {
            String end = field(f, stop);
            return r.clear().set("medication_id", sourceId("medication", field(f, patient), field(f, encounter),
                            field(f, code), field(f, start)))
                    .set("patient_id", field(f, patient))
                    .set("encounter_id", field(f, encounter))
                    .set("kind", "order")
                    .set("code_system", "RxNorm")
                    .set("code", field(f, code))
                    .set("start_time", time(field(f, start)))
                    .set("end_time", time(end))
                    .set("status", end == null ? "active" : "completed")
                    .convert();
        };
    }

    private static org.lhs.qi.ingest.RecordMapper immunizations(SyntheaHeader h, CanonicalRecord r) {
        int date = h.required("DATE");
        int patient = h.required("PATIENT");
        int encounter = h.optional("ENCOUNTER");
        int code = h.required("CODE");
        return f -> r.clear().set("medication_id", sourceId("immunization", field(f, patient), field(f, encounter),
                        field(f, code), field(f, date)))
                .set("patient_id", field(f, patient))
                .set("encounter_id", field(f, encounter))
                .set("kind", "administration")
                .set("code_system", "CVX")
                .set("code", field(f, code))
                .set("start_time", time(field(f, date)))
                .set("status", "completed")
                .convert();
    }

    /** {@code <kind>-<name-based UUID of the identifying fields>}; the kind keeps files sharing a table apart. */
    static String sourceId(String kind, String... parts) {
        String joined = String.join("\u001f", java.util.Arrays.stream(parts).map(p -> p == null ? "" : p).toList());
        return kind + "-" + UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Synthea writes dates for conditions and date-times elsewhere; a bare date is midnight UTC. */
    static String time(String value) {
        if (value != null && value.length() == 10 && value.charAt(4) == '-') {
            return value + "T00:00:00Z";
        }
        return value;
    }

    /**
     * The date of a date, date-time or (older Synthea payer transitions) bare year: 1 January, or
     * 31 December for an end.
     */
    static String date(String value, boolean end) {
        if (value == null) {
            return null;
        }
        if (value.length() == 4 && value.chars().allMatch(Character::isDigit)) {
            return value + (end ? "-12-31" : "-01-01");
        }
        if (value.length() > 10 && value.charAt(4) == '-' && value.charAt(10) == 'T') {
            return value.substring(0, 10);
        }
        return value;
    }

    private static String codeSystem(String given, String fallback) {
        return given != null ? given : fallback;
    }

    private static boolean looksNumeric(String v) {
        try {
            new java.math.BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Lower-case file names of Synthea exports that carry nothing the indicators use. */
    static final List<String> NOT_IMPORTED = List.of("allergies.csv", "careplans.csv", "imaging_studies.csv",
            "supplies.csv", "providers.csv", "patient_expenses.csv", "claims.csv", "claims_transactions.csv");
}
