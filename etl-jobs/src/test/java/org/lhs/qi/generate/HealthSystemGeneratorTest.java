package org.lhs.qi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthSystemGeneratorTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 24);
    private static final GeneratorSettings SMALL = new GeneratorSettings(600, 4, 12, 7L, END);
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Headers exactly as in the canonical CSV layout of the brief. */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("site.csv", "site_id,name");
        HEADERS.put("patient.csv", "patient_id,birth_date,death_date,sex,race,ethnicity,language,zip,"
                + "deprivation_quintile,site_id");
        HEADERS.put("coverage.csv", "coverage_id,patient_id,payer_type,start_date,end_date");
        HEADERS.put("encounter.csv", "encounter_id,patient_id,site_id,class,unit,admit_time,discharge_time,"
                + "discharge_disposition");
        HEADERS.put("unit_stay.csv", "unit_stay_id,encounter_id,unit,start_time,end_time");
        HEADERS.put("device_episode.csv", "device_episode_id,patient_id,encounter_id,device_type,start_time,end_time");
        HEADERS.put("condition.csv", "condition_id,patient_id,encounter_id,code_system,code,onset_time,"
                + "abatement_time,present_on_admission,diagnosis_rank,status");
        HEADERS.put("procedure.csv", "procedure_id,patient_id,encounter_id,code_system,code,performed_time,status");
        HEADERS.put("observation.csv", "observation_id,patient_id,encounter_id,code_system,code,effective_time,"
                + "value_num,value_code_system,value_code,unit,status");
        HEADERS.put("medication.csv", "medication_id,patient_id,encounter_id,kind,code_system,code,start_time,"
                + "end_time,status");
        HEADERS.put("safety_event.csv", "safety_event_id,patient_id,encounter_id,site_id,unit,event_type,harm_level,"
                + "event_time");
        HEADERS.put("survey_response.csv", "survey_response_id,patient_id,encounter_id,site_id,survey,item,"
                + "answer_num,answer_code,response_time");
    }

    @TempDir
    static Path tmp;
    static Path dir;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("a");
        summary = new HealthSystemGenerator(SMALL).write(dir);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Path again = tmp.resolve("again");
        Path other = tmp.resolve("other");
        new HealthSystemGenerator(SMALL).write(again);
        new HealthSystemGenerator(new GeneratorSettings(600, 4, 12, 8L, END)).write(other);
        for (String file : HEADERS.keySet()) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve(file)));
        }
        assertThat(Files.readAllBytes(other.resolve("patient.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("patient.csv")));
        assertThat(Files.readAllBytes(other.resolve("observation.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("observation.csv")));
    }

    @Test
    void everyFileHasTheCanonicalHeaderAndTheSummaryCountsItsRows() throws IOException {
        assertThat(summary.rowsPerFile().keySet()).containsExactlyElementsOf(HEADERS.keySet());
        for (var e : HEADERS.entrySet()) {
            List<String> lines = Files.readAllLines(dir.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertThat(lines.getFirst()).as(e.getKey()).isEqualTo(e.getValue());
            // no field in this data contains a line break, so lines = header + rows
            assertThat((long) lines.size() - 1).as(e.getKey()).isEqualTo(summary.rowsPerFile().get(e.getKey()));
            assertThat(summary.rowsPerFile().get(e.getKey())).as(e.getKey()).isPositive();
        }
        assertThat(summary.rowsPerFile().get("patient.csv")).isEqualTo(600);
        assertThat(summary.rowsPerFile().get("site.csv")).isEqualTo(4);
        assertThat(Files.readString(dir.resolve("site.csv")))
                .isEqualTo("site_id,name\r\nS01,North General\r\nS02,East Community\r\nS03,South Medical Center\r\n"
                        + "S04,West Valley\r\n");
        assertThat(summary.plantedEffects()).hasSize(3);
    }

    @Test
    void everyReferenceResolves() throws IOException {
        Set<String> sites = ids("site.csv", "site_id");
        Set<String> patients = ids("patient.csv", "patient_id");
        Set<String> encounters = ids("encounter.csv", "encounter_id");
        assertThat(sites).containsExactlyInAnyOrder("S01", "S02", "S03", "S04");
        for (String file : HEADERS.keySet()) {
            for (Map<String, String> row : GeneratedFiles.read(dir, file)) {
                assertResolves(file, row, "patient_id", patients, !file.equals("patient.csv"));
                assertResolves(file, row, "encounter_id", encounters, !file.equals("encounter.csv"));
                assertResolves(file, row, "site_id", sites, !file.equals("site.csv"));
            }
        }
    }

    @Test
    void sourceIdsAreUniquePerFile() throws IOException {
        for (String file : HEADERS.keySet()) {
            String idColumn = HEADERS.get(file).split(",")[0];
            List<Map<String, String>> rows = GeneratedFiles.read(dir, file);
            assertThat(ids(file, idColumn)).as(file).hasSize(rows.size());
        }
    }

    @Test
    void valuesComeFromTheSharedVocabularyAndTimesAreUtcWithinTheWindow() throws IOException {
        for (var p : GeneratedFiles.read(dir, "patient.csv")) {
            assertThat(p.get("sex")).isIn("female", "male", "other", "unknown");
            assertThat(p.get("race")).isIn("american-indian-or-alaska-native", "asian", "black-or-african-american",
                    "native-hawaiian-or-other-pacific-islander", "white", "other", "unknown");
            assertThat(p.get("ethnicity")).isIn("hispanic-or-latino", "not-hispanic-or-latino", "unknown");
            assertThat(p.get("language")).matches("[a-z]{2}");
            assertThat(p.get("deprivation_quintile")).isIn("1", "2", "3", "4", "5");
            assertThat(p.get("zip")).matches("\\d{5}");
            assertThat(p.get("birth_date")).matches(DATE).isLessThan(END.toString());
            if (!p.get("death_date").isEmpty()) {
                assertThat(p.get("death_date")).isLessThan(END.toString()).isGreaterThanOrEqualTo(p.get("birth_date"));
            }
        }
        for (var c : GeneratedFiles.read(dir, "coverage.csv")) {
            assertThat(c.get("payer_type")).isIn("medicare", "medicaid", "commercial", "self-pay", "other");
            assertThat(c.get("start_date")).matches(DATE);
            if (!c.get("end_date").isEmpty()) {
                assertThat(c.get("end_date")).isGreaterThanOrEqualTo(c.get("start_date"));
            }
        }
        for (var e : GeneratedFiles.read(dir, "encounter.csv")) {
            assertThat(e.get("class")).isIn("inpatient", "emergency", "ambulatory", "observation", "virtual");
            assertThat(e.get("discharge_disposition"))
                    .isIn("", "home", "transfer", "snf", "hospice", "expired", "ama", "other");
            assertWithinWindow(e.get("admit_time"));
            if (!e.get("discharge_time").isEmpty()) {
                assertWithinWindow(e.get("discharge_time"));
                assertThat(e.get("discharge_time")).isGreaterThan(e.get("admit_time"));
            } else {
                assertThat(e.get("class")).isEqualTo("inpatient");
            }
        }
        for (var u : GeneratedFiles.read(dir, "unit_stay.csv")) {
            assertThat(u.get("unit")).isIn(Site.UNITS);
            assertWithinWindow(u.get("start_time"));
        }
        for (var d : GeneratedFiles.read(dir, "device_episode.csv")) {
            assertThat(d.get("device_type")).isIn("central-line", "urinary-catheter", "ventilator");
        }
        for (var c : GeneratedFiles.read(dir, "condition.csv")) {
            assertThat(c.get("code_system")).isEqualTo("ICD-10-CM");
            assertThat(c.get("present_on_admission")).isIn("", "Y", "N", "U", "W");
            assertThat(c.get("diagnosis_rank")).isIn("", "principal", "secondary");
            assertThat(c.get("onset_time")).matches(TIMESTAMP);
        }
        for (var o : GeneratedFiles.read(dir, "observation.csv")) {
            if (!List.of("2335-8", "24606-6").contains(o.get("code"))) { // screening history reaches back before the window
                assertWithinWindow(o.get("effective_time"));
            }
            switch (o.get("code")) {
                case "4548-4", "17856-6" -> {
                    assertThat(o.get("unit")).isEqualTo("%");
                    assertThat(Double.parseDouble(o.get("value_num"))).isBetween(4.0, 16.0);
                }
                case "8480-6", "8462-4" -> {
                    assertThat(o.get("unit")).isEqualTo("mm[Hg]");
                    assertThat(Integer.parseInt(o.get("value_num"))).isBetween(40, 250);
                }
                case "2345-7" -> {
                    assertThat(o.get("unit")).isEqualTo("mg/dL");
                    assertThat(Integer.parseInt(o.get("value_num"))).isBetween(20, 400);
                }
                // depression screening (coded result), stool test and mammography: screening rows of CareData
                case "73831-0", "73832-8" -> assertThat(o.get("value_code")).isIn("428171000124102", "428181000124104", "720834000");
                case "2335-8", "24606-6" -> assertThat(o.get("encounter_id")).isEmpty();
                default -> throw new AssertionError("unexpected LOINC " + o.get("code"));
            }
            assertThat(o.get("code_system")).isEqualTo("LOINC");
            assertThat(o.get("encounter_id").isEmpty()).isEqualTo(List.of("2335-8", "24606-6").contains(o.get("code")));
        }
        for (var m : GeneratedFiles.read(dir, "medication.csv")) {
            assertThat(m.get("kind")).isIn("order", "administration", "dispense");
            assertThat(m.get("code_system")).isEqualTo("RxNorm");
        }
        for (var p : GeneratedFiles.read(dir, "procedure.csv")) {
            assertThat(p.get("code_system")).isIn("ICD-10-PCS", "SNOMED-CT"); // SNOMED-CT: colonoscopy, depression follow-up
        }
        for (var s : GeneratedFiles.read(dir, "safety_event.csv")) {
            assertThat(s.get("event_type")).isIn("fall", "pressure-injury", "medication-error", "other");
            assertThat(s.get("harm_level")).isIn("near-miss", "none", "mild", "moderate", "severe", "death");
            assertThat(s.get("unit")).isIn(Site.UNITS);
            assertWithinWindow(s.get("event_time"));
        }
        for (var s : GeneratedFiles.read(dir, "survey_response.csv")) {
            assertWithinWindow(s.get("response_time"));
        }
    }

    @Test
    void nothingHappensAfterDeath() throws IOException {
        Map<String, String> deaths = new LinkedHashMap<>();
        for (var p : GeneratedFiles.read(dir, "patient.csv")) {
            if (!p.get("death_date").isEmpty()) {
                deaths.put(p.get("patient_id"), p.get("death_date"));
            }
        }
        assertThat(deaths).isNotEmpty();
        for (var e : GeneratedFiles.read(dir, "encounter.csv")) {
            String death = deaths.get(e.get("patient_id"));
            if (death != null) {
                assertThat(e.get("admit_time").substring(0, 10)).isLessThanOrEqualTo(death);
            }
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new GeneratorSettings(0, 4, 24, 1, END)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratorSettings(10, 0, 24, 1, END)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratorSettings(10, 4, 0, 1, END)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GeneratorSettings.defaults(END))
                .isEqualTo(new GeneratorSettings(5_000, 4, 24, 42L, END));
    }

    private static void assertWithinWindow(String ts) {
        assertThat(ts).matches(TIMESTAMP);
        assertThat(ts).isGreaterThanOrEqualTo("2025-11-01T00:00:00Z").isLessThan("2026-11-24T00:00:00Z");
    }

    private static void assertResolves(String file, Map<String, String> row, String column, Set<String> known,
                                       boolean isReference) {
        String v = row.get(column);
        if (isReference && v != null && !v.isEmpty()) {
            assertThat(known).as(file + "." + column).contains(v);
        }
    }

    private static Set<String> ids(String file, String column) throws IOException {
        Set<String> out = new HashSet<>();
        for (var row : GeneratedFiles.read(dir, file)) {
            out.add(row.get(column));
        }
        return out;
    }
}
