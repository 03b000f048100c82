package org.lhs.qi.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lhs.qi.SharedMaterial;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.stats.SuppressionRule;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HL7 CQM IG scoring examples reproduce exactly: for IGProportion, IGRatio, IGContinuousVariable and
 * IGCohort, the per-patient population membership of the published individual MeasureReports (checked against
 * the IG's CQL evaluated on the example bundle) is stored as {@code qi.member} rows, our summarise step scores
 * them, and its counts and rate must equal the published summary MeasureReport (counts and measureScore).
 * <p>
 * The examples' logic cannot run on our warehouse as written (Immunization, ResearchSubject and Patient.deceased
 * have no warehouse criterion, and the resources carry no codes or dates), so this checks the scoring and
 * aggregation algebra, not the criteria. Suppression is off (minimum cell 1): the IG has 9 patients.
 */
class HL7ScoringExamplesIT {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2099, 3, 3);
    private static final List<String> PATIENTS = List.of("ada", "ben", "cyd", "dev", "eve", "fin", "gus", "hana", "ivy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource ds = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(ds);

    @BeforeEach
    @AfterEach
    void clean() {
        for (String m : List.of("IGProportion", "IGRatio", "IGContinuousVariable", "IGCohort")) {
            String id = id(m);
            jdbc.sql("DELETE FROM qi.result WHERE indicator_id = :i").param("i", id).update();
            jdbc.sql("DELETE FROM qi.member WHERE indicator_id = :i").param("i", id).update();
            jdbc.sql("DELETE FROM qi.indicator WHERE indicator_id = :i").param("i", id).update();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"IGProportion", "IGRatio", "IGContinuousVariable", "IGCohort"})
    void publishedSummaryIsReproduced(String measure) throws IOException {
        Path dir = SharedMaterial.require("hl7-cqm-scoring/resources");
        Map<String, Membership> individual = new LinkedHashMap<>();
        for (String p : PATIENTS) {
            individual.put(p, Membership.of(JSON.readTree(dir.resolve("measurereport/MeasureReport-" + measure + "-" + p
                    + ".json").toFile())));
        }
        // the individual reports are what the IG's CQL gives on the example bundle (so we read them right)
        Map<String, Membership> evaluated = IgLogic.evaluate(measure, JSON.readTree(
                dir.resolve("bundle/Bundle-scoring-test-patients.json").toFile()));
        assertThat(evaluated).isEqualTo(individual);

        String scoring = switch (measure) {
            case "IGProportion" -> "proportion";
            case "IGRatio" -> "ratio";
            case "IGContinuousVariable" -> "continuous-variable";
            default -> "cohort";
        };
        store(measure, scoring, individual);
        new ResultSummariser(ds, new SuppressionRule(1), "IG").summarise(BUSINESS_DATE, id(measure), 1);

        Membership summary = Membership.of(JSON.readTree(dir.resolve("measurereport/MeasureReport-" + measure
                + "-summary.json").toFile()));
        Map<String, Object> r = jdbc.sql("""
                SELECT initial_population, denominator, denominator_exclusion, denominator_exception, numerator,
                       numerator_exclusion, rate::float8 AS rate
                FROM qi.result WHERE indicator_id = :i AND site_key = 'ALL' AND stratifier = 'overall'""")
                .param("i", id(measure)).query().singleRow();
        long ip = (Long) r.get("initial_population");
        long den = (Long) r.get("denominator");
        long denex = (Long) r.get("denominator_exclusion");
        long denexcep = (Long) r.get("denominator_exception");
        long num = (Long) r.get("numerator");
        long numex = (Long) r.get("numerator_exclusion");
        Double rate = (Double) r.get("rate");
        Map<String, Long> ours = new LinkedHashMap<>();
        switch (scoring) {
            case "proportion" -> {
                // qi.result publishes DEN − DENEX − DENEXCEP and NUM − NUMEX; the IG reports the raw populations
                ours.put("initial-population", ip);
                ours.put("denominator", den + denex + denexcep);
                ours.put("denominator-exclusion", denex);
                ours.put("denominator-exception", denexcep);
                ours.put("numerator", num + numex);
                ours.put("numerator-exclusion", numex);
                assertThat(rate).isEqualTo(summary.score()); // (3 − 1) / (6 − 1 − 1) = 0.5
            }
            case "ratio" -> {
                ours.put("initial-population#ipp-1", ip);
                ours.put("initial-population#ipp-2", jdbc.sql("""
                        SELECT count(*) FROM qi.member WHERE indicator_id = :i AND numerator_initial_population""")
                        .param("i", id(measure)).query(Long.class).single());
                ours.put("denominator", den + denex);
                ours.put("denominator-exclusion", denex);
                ours.put("numerator", num + numex);
                ours.put("numerator-exclusion", numex);
                assertThat(rate).isEqualTo(summary.score()); // (5 − 1) / (6 − 1) = 0.8
            }
            case "continuous-variable" -> {
                ours.put("initial-population", ip);
                ours.put("measure-population", den + denex);
                ours.put("measure-population-exclusion", denex);
                ours.put("measure-observation", num);
                assertThat(rate).isEqualTo(summary.score()); // median of 2, 0, 1, 0, 3 = 1
            }
            default -> {
                ours.put("initial-population", ip);
                assertThat(rate).isNull(); // a cohort publishes its count, which is the IG's measureScore
                assertThat((double) den).isEqualTo(summary.score());
            }
        }
        assertThat(ours).isEqualTo(summary.counts());
    }

    private static String id(String measure) {
        return "hl7-" + measure.toLowerCase(java.util.Locale.ROOT);
    }

    /** Stores each patient's membership as our compiled SQL would write it (see IndicatorCompiler). */
    private void store(String measure, String scoring, Map<String, Membership> members) {
        jdbc.sql("""
                INSERT INTO qi.indicator (indicator_id, version, content_hash, title, domain, scoring, basis,
                    improvement, multiplier, source_file, aggregate_method)
                VALUES (:i, '1', 'hash', :t, 'quality', :s, 'patient', 'increase', :m, 'hl7', :a)""")
                .param("i", id(measure)).param("t", measure).param("s", scoring)
                .param("m", scoring.equals("ratio") ? 1.0 : null)
                .param("a", scoring.equals("continuous-variable") ? "median" : null).update();
        long subject = 930000;
        for (Membership m : members.values()) {
            subject++;
            boolean ratio = scoring.equals("ratio");
            boolean ip = m.has(ratio ? "initial-population#ipp-1" : "initial-population");
            boolean ip2 = ratio && m.has("initial-population#ipp-2");
            if (!ip && !ip2) {
                continue; // no member row outside the initial population(s)
            }
            boolean cv = scoring.equals("continuous-variable");
            boolean den = m.has(cv ? "measure-population" : "denominator") || scoring.equals("cohort");
            boolean denex = m.has(cv ? "measure-population-exclusion" : "denominator-exclusion");
            boolean num = m.has("numerator");
            boolean numex = m.has("numerator-exclusion");
            jdbc.sql("""
                    INSERT INTO qi.member (business_date, indicator_id, period_kind, period_start, period_end,
                        subject_type, subject_id, patient_id, site_id, initial_population, denominator,
                        denominator_exclusion, denominator_exception, numerator, numerator_exclusion,
                        numerator_count, exposure, observation_value, numerator_initial_population, run_id)
                    VALUES (:bd, :i, '12-months', DATE '2024-01-01', DATE '2025-01-01', 'patient', :s, :s, NULL,
                        :ip, :den, :denex, :denexcep, :num, :numex, :count, :exposure, :obs, :ip2, 1)""")
                    .param("bd", BUSINESS_DATE).param("i", id(measure)).param("s", subject)
                    .param("ip", ip).param("den", den).param("denex", denex)
                    .param("denexcep", m.has("denominator-exception")).param("num", num).param("numex", numex)
                    .param("count", ratio ? (num && !numex ? 1 : 0) : null)
                    .param("exposure", ratio ? (den && !denex ? 1 : 0) : null)
                    .param("obs", m.observation())
                    .param("ip2", ratio ? ip2 : null)
                    .update();
        }
    }

    /** Population counts of one MeasureReport (populations with an id, as the ratio's two IPs, keyed code#id). */
    record Membership(Map<String, Long> counts, Double score, Double observation) {

        boolean has(String code) {
            return counts.getOrDefault(code, 0L) > 0;
        }

        static Membership of(JsonNode report) {
            JsonNode group = report.get("group").get(0);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (JsonNode p : group.get("population")) {
                String code = p.get("code").get("coding").get(0).get("code").asText();
                counts.put(p.has("id") ? code + "#" + p.get("id").asText() : code, p.get("count").asLong());
            }
            Double score = group.has("measureScore") ? group.get("measureScore").get("value").asDouble() : null;
            Double observation = null;
            for (JsonNode c : report.path("contained")) {
                if (c.path("code").path("text").asText().equals("Measure Observation")) {
                    observation = c.get("valueInteger").asDouble();
                }
            }
            return new Membership(counts, score, observation);
        }
    }

    /** The four IG libraries' CQL (cql/IG*.cql), evaluated on the example bundle per patient. */
    static final class IgLogic {

        private IgLogic() {}

        static Map<String, Membership> evaluate(String measure, JsonNode bundle) {
            Map<String, Map<String, Integer>> resources = new HashMap<>();
            Map<String, Boolean> deceased = new HashMap<>();
            for (JsonNode e : bundle.get("entry")) {
                JsonNode r = e.get("resource");
                String type = r.get("resourceType").asText();
                if (type.equals("Patient")) {
                    deceased.put(r.get("id").asText(), r.path("deceasedBoolean").asBoolean(false));
                    continue;
                }
                JsonNode ref = r.has("subject") ? r.get("subject") : r.has("patient") ? r.get("patient") : r.get("individual");
                if (ref != null) {
                    String patient = ref.get("reference").asText().replace("Patient/", "");
                    resources.computeIfAbsent(patient, k -> new HashMap<>()).merge(type, 1, Integer::sum);
                }
            }
            Map<String, Membership> out = new LinkedHashMap<>();
            for (String p : PATIENTS) {
                Map<String, Integer> has = resources.getOrDefault(p, Map.of());
                boolean enc = has.containsKey("Encounter");
                boolean proc = has.containsKey("Procedure");
                boolean dead = deceased.getOrDefault(p, false);
                boolean obs = has.containsKey("Observation");
                boolean study = has.containsKey("ResearchSubject");
                boolean cond = has.containsKey("Condition");
                boolean imm = has.containsKey("Immunization");
                Map<String, Long> c = new LinkedHashMap<>();
                Double score = null;
                Double observation = null;
                // FHIR population nesting, as our compiled SQL applies it
                switch (measure) {
                    case "IGProportion" -> {
                        boolean den = enc && proc;
                        boolean denex = den && dead;
                        boolean num = den && !denex && obs;
                        boolean numex = num && study;
                        boolean denexcep = den && !denex && !num && cond;
                        put(c, "initial-population", enc, "denominator", den, "denominator-exclusion", denex,
                                "numerator", num, "numerator-exclusion", numex, "denominator-exception", denexcep);
                        if (den && !denex && !denexcep) {
                            score = num && !numex ? 1.0 : 0.0;
                        }
                    }
                    case "IGRatio" -> {
                        boolean den = enc && proc;
                        boolean denex = den && dead;
                        boolean num = imm && obs;
                        boolean numex = num && study;
                        put(c, "initial-population#ipp-1", enc, "initial-population#ipp-2", imm, "denominator", den,
                                "denominator-exclusion", denex, "numerator", num, "numerator-exclusion", numex);
                        if (den && !denex) {
                            score = num && !numex ? 1.0 : 0.0;
                        }
                    }
                    case "IGContinuousVariable" -> {
                        boolean mp = enc && proc;
                        boolean mpex = mp && dead;
                        boolean mo = mp && !mpex;
                        put(c, "initial-population", enc, "measure-population", mp, "measure-population-exclusion", mpex,
                                "measure-observation", mo);
                        if (mo) {
                            observation = (double) has.getOrDefault("Observation", 0); // Count([Observation])
                            score = observation;
                        }
                    }
                    default -> {
                        put(c, "initial-population", enc);
                        score = enc ? 1.0 : 0.0;
                    }
                }
                out.put(p, new Membership(c, score, observation));
            }
            return out;
        }

        private static void put(Map<String, Long> counts, Object... pairs) {
            List<Object> list = new ArrayList<>(List.of(pairs));
            for (int i = 0; i < list.size(); i += 2) {
                counts.put((String) list.get(i), (Boolean) list.get(i + 1) ? 1L : 0L);
            }
        }
    }
}
