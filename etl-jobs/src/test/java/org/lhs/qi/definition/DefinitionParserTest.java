package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions and messages of definition diagnostics, on valid/invalid fixture files. */
class DefinitionParserTest {

    private static final Path BASE = Path.of("src/test/resources/definitions");

    private static DefinitionParser.Result parse(String name) {
        return DefinitionParser.parse(BASE.resolve(name), BASE);
    }

    /** Errors as "file:line:col message" (file name only, hint omitted). */
    private static List<String> errors(String name) {
        return parse(name).diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.file().getFileName() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    @Test
    void validFixtureHasNoDiagnosticsAndIsModelled() {
        DefinitionParser.Result r = parse("valid/minimal.yaml");
        assertThat(r.diagnostics()).isEmpty();
        IndicatorDefinition d = r.definition();
        assertThat(d.id()).isEqualTo("minimal-valid");
        assertThat(d.target()).isEqualTo(0.2);
        Criterion.All ip = (Criterion.All) d.populations().initialPopulation();
        assertThat(ip.criteria()).containsExactly(
                new Criterion.Patient(18, null, List.of()),
                new Criterion.Condition("diabetes", new Timing.BeforePeriodEnd(), false, List.of(), false, 1));
        assertThat(d.populations().numerator()).isEqualTo(new Criterion.Observation("hba1c",
                new Timing.Lookback(new Timing.Duration(12, "months")),
                new Comparison(Comparison.Operator.GT, new BigDecimal("9"), "%"), false, 1));
        assertThat(d.valueSets().get("hba1c").name()).isEqualTo("minimal-valid/hba1c");
        assertThat(d.tests()).hasSize(2);
        assertThat(d.tests().get(0).records().get("patient").get(0)).containsEntry("birth_date", "1970-01-01");
    }

    @Test
    void threeErrorsAreAllReportedAtOnceWithPositionsAndHints() {
        List<Diagnostic> errors = parse("invalid/three-errors.yaml").diagnostics().stream()
                .filter(Diagnostic::isError).toList();
        assertThat(errors).extracting(Diagnostic::toString).containsExactly(
                BASE.resolve("invalid/three-errors.yaml") + ":8:9: error: target must be a number, got 'high'"
                        + " (hint: write a plain number such as 0.15 or 1000 (no quotes, no units))",
                BASE.resolve("invalid/three-errors.yaml") + ":14:29: error: unknown value set 'diabetis'"
                        + " (hint: declare it under value-sets, e.g. 'diabetis: valuesets/diabetis.csv'; declared: diabetes, hba1c)",
                BASE.resolve("invalid/three-errors.yaml") + ":17:7: error: unknown key 'value-sett' in observation"
                        + " (hint: did you mean 'value-set'? valid keys: during, lookback, before, after-discharge,"
                        + " starts-during, after-admission, before-admission, after-unit-start,"
                        + " same-encounter, at-least, value-set, value-in, latest, earliest, lowest, highest)");
        assertThat(parse("invalid/three-errors.yaml").definition()).isNull();
    }

    @Test
    void earliestLatestAndCodedValuesAreModelledAndExplained() {
        DefinitionParser.Result r = parse("valid/observation-picks.yaml");
        assertThat(r.diagnostics()).isEmpty();
        var p = r.definition().populations();
        assertThat(p.initialPopulation()).isEqualTo(new Criterion.Observation("covid-test", new Timing.BeforePeriodEnd(),
                null, null, null, "positive", false, 1));
        assertThat(p.denominator()).isEqualTo(new Criterion.Observation("hba1c", new Timing.DuringPeriod(),
                Criterion.Pick.EARLIEST, new Comparison(Comparison.Operator.GT, new BigDecimal("9"), "%"), null, null, false, 1));
        assertThat(p.numerator()).isEqualTo(new Criterion.Observation("covid-test", new Timing.DuringPeriod(),
                Criterion.Pick.LATEST, null, "positive", null, false, 1));
        assertThat(r.definition().plainLanguage())
                .contains("Initial population: an observation from value set 'covid-test' with a coded value from value set 'positive' before the end of the period.")
                .contains("Denominator: the earliest observation from value set 'hba1c'")
                .contains("is greater than 9 %")
                .contains("Numerator: the latest observation from value set 'covid-test'")
                .contains("has a coded value from value set 'positive'");
    }

    @Test
    void pickMistakesArePositioned(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path f = dir.resolve("picks.yaml");
        Files.writeString(f, Files.readString(BASE.resolve("valid/observation-picks.yaml"))
                .replace("earliest: { gt: 9, unit: '%' }", "earliest: { unit: '%' }, latest: { lt: 3 }")
                .replace("latest: { value-in: positive }", "latest: { value-in: negative, unit: x }"));
        assertThat(DefinitionParser.parse(f, BASE).diagnostics()).filteredOn(Diagnostic::isError)
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                        "18:54 use either latest or earliest, not both",
                        "21:79 unknown value set 'negative'",
                        "21:89 unit needs a numeric comparison (gt, ge, lt, le, eq)");
    }

    @Test
    void cohortHasOnlyAnInitialPopulationAndNoTarget(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        DefinitionParser.Result ok = parse("valid/cohort.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.definition().scoring()).isEqualTo(Scoring.COHORT);
        assertThat(ok.definition().plainLanguage()).startsWith("Adult inpatient stays (adult-inpatient-cohort v1): a cohort indicator counting encounters.");
        Path f = dir.resolve("cohort.yaml");
        Files.writeString(f, Files.readString(BASE.resolve("valid/cohort.yaml"))
                .replace("improvement: increase", "improvement: increase\ntarget: 100")
                .replace("populations:", "populations:\n  numerator: { patient: { age: { min: 65 } } }"));
        assertThat(DefinitionParser.parse(f, BASE).diagnostics()).filteredOn(Diagnostic::isError)
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                        "9:1 'target' is not used by cohort scoring",
                        "11:3 'numerator' is not used by cohort scoring");
    }

    @Test
    void tenDistinctMistakesGiveTenPositionedErrorsInOneRun() {
        assertThat(errors("invalid/ten-mistakes.yaml")).containsExactly(
                "ten-mistakes.yaml:1:5 id 'Ten_Mistakes' is not kebab-case",
                "ten-mistakes.yaml:3:1 unknown key 'titel' in the definition",
                "ten-mistakes.yaml:4:9 invalid domain 'qualty'",
                "ten-mistakes.yaml:8:9 target must be a number, got 'high'",
                "ten-mistakes.yaml:12:12 value set file 'valuesets/no-such-file.csv' does not exist",
                "ten-mistakes.yaml:17:33 unknown value set 'diabetis'",
                "ten-mistakes.yaml:18:9 unknown criterion kind 'conditon'",
                "ten-mistakes.yaml:19:42 during: encounter needs basis: encounter",
                "ten-mistakes.yaml:23:17 invalid duration '12 parsecs'",
                "ten-mistakes.yaml:24:15 latest needs exactly one comparison (gt, ge, lt, le, eq), got [gt, lt]");
    }

    @Test
    void malformedYamlIsPositioned() {
        assertThat(errors("invalid/malformed.yaml")).containsExactly(
                "malformed.yaml:6:3 malformed YAML: expected ',' or '}', but got <scalar>");
    }

    @Test
    void badValuesAreReportedAtTheValue() {
        assertThat(errors("invalid/bad-values.yaml")).containsExactly(
                "bad-values.yaml:1:5 id 'Bad_Id' is not kebab-case",
                "bad-values.yaml:4:9 invalid domain 'qualty'",
                "bad-values.yaml:5:10 invalid scoring 'percentage'",
                "bad-values.yaml:12:21 age min 80 is greater than max 18",
                "bad-values.yaml:12:57 invalid sex 'woman'",
                "bad-values.yaml:14:37 invalid encounter class 'outpatient'",
                "bad-values.yaml:14:50 after-discharge: 30 days needs basis: encounter",
                "bad-values.yaml:15:20 invalid stratifier 'gender'");
    }

    @Test
    void badCriteriaAreReportedWithSuggestions() {
        assertThat(errors("invalid/bad-criteria.yaml")).containsExactly(
                "bad-criteria.yaml:13:9 unknown criterion kind 'observaton'",
                "bad-criteria.yaml:14:9 a criterion needs exactly one kind key, got [patient, encounter]",
                "bad-criteria.yaml:15:9 'any' needs at least one criterion",
                "bad-criteria.yaml:17:48 invalid duration '12 moons'",
                "bad-criteria.yaml:19:54 conflicting timing keys [during, lookback]",
                "bad-criteria.yaml:21:46 latest needs exactly one comparison (gt, ge, lt, le, eq), got [gt, lt]",
                "bad-criteria.yaml:23:43 this-encounter cannot use after-discharge: 30 days",
                "bad-criteria.yaml:27:10 unknown criterion name 'second'",
                "bad-criteria.yaml:30:3 id 'Bad_Name' is not kebab-case");
        assertThat(parse("invalid/bad-criteria.yaml").diagnostics().get(0).hint()).startsWith("did you mean 'observation'?");
    }

    @Test
    void namedCriteriaAreInlinedWithTheirName() {
        DefinitionParser.Result r = parse("valid/all-kinds.yaml");
        assertThat(r.diagnostics()).isEmpty();
        Criterion.Ref den = (Criterion.Ref) r.definition().populations().denominator();
        assertThat(den.name()).isEqualTo("diabetic-stay");
        assertThat(den.criterion()).isInstanceOf(Criterion.Condition.class);
        assertThat(r.definition().plainLanguage())
                .contains("Where 'diabetic-stay' means: a condition from value set 'diabetes' present on admission Y or W")
                .contains("Where 'ventilated-diabetic-stay' means: all of ['diabetic-stay'; a ventilator device episode in place during the period, recorded on the encounter]")
                .contains("Denominator: 'diabetic-stay'.");
    }

    @Test
    void ecqmKindsAreModelled() {
        DefinitionParser.Result r = parse("valid/ecqm-kinds.yaml");
        assertThat(r.diagnostics()).isEmpty();
        Populations p = r.definition().populations();
        assertThat(((Criterion.All) p.initialPopulation()).criteria().get(1)).isEqualTo(new EncounterPerformed(
                List.of("office-visit", "telehealth"), null, new EcqmTiming(EcqmTiming.Relation.DURING, null, null)));
        assertThat(p.denominator()).isEqualTo(new Diagnosis(List.of("diabetes"),
                new EcqmTiming(EcqmTiming.Relation.OVERLAPS, null, null)));
        List<Criterion> ex = ((Criterion.Any) p.denominatorExclusion()).criteria();
        assertThat(ex).containsExactly(
                new ProcedurePerformed(List.of("dialysis"), new EcqmTiming(EcqmTiming.Relation.DURING, null, null)),
                new MedicationActive(List.of("insulin"), new EcqmTiming(EcqmTiming.Relation.OVERLAPS, null, null)),
                new RequestOrdered("device", List.of("frailty-device"),
                        new EcqmTiming(EcqmTiming.Relation.DURING, new Timing.Duration(1, "years"), null)),
                new RequestOrdered("service", List.of("hospice-care"),
                        new EcqmTiming(EcqmTiming.Relation.STARTS_DURING, null, new Timing.Duration(6, "months"))),
                new EncounterPerformed(List.of("office-visit"), "hospice-disposition",
                        new EcqmTiming(EcqmTiming.Relation.ENDS_DURING, null, null)),
                new ObservationPerformed(List.of("housing-status"), List.of("final", "amended", "corrected"), null,
                        "nursing-home", new EcqmTiming(EcqmTiming.Relation.ENDS_BY_END, null, null)));
        assertThat(p.denominatorException()).isEqualTo(new ObservationPerformed(List.of("hba1c"), List.of("preliminary"),
                "positive", null, new EcqmTiming(EcqmTiming.Relation.STARTS_BY_END, null, null)));
        assertThat(p.numerator()).isEqualTo(new LowestOnLatestDay(List.of("hba1c"), null,
                List.of(new LowestOnLatestDay.Reading(new EcqmTiming(EcqmTiming.Relation.DURING, null, null), List.of(), List.of())),
                new Comparison(Comparison.Operator.GT, new BigDecimal("9"), "%"), true));
        assertThat(p.numeratorExclusion()).isEqualTo(new LowestOnLatestDay(List.of("bp-panel"), "systolic-bp", List.of(
                new LowestOnLatestDay.Reading(null, List.of("encounter-inpatient"), List.of()),
                new LowestOnLatestDay.Reading(new EcqmTiming(EcqmTiming.Relation.DURING, null, null), List.of(),
                        List.of("inpatient", "emergency"))),
                new Comparison(Comparison.Operator.LT, new BigDecimal("140"), "mm[Hg]"), false));
    }

    @Test
    void ecqmMistakesArePositioned() {
        assertThat(errors("invalid/ecqm-mistakes.yaml")).containsExactly(
                "ecqm-mistakes.yaml:17:30 missing required key 'type' in encounter-performed",
                "ecqm-mistakes.yaml:18:53 unknown value set 'office-visits'",
                "ecqm-mistakes.yaml:19:49 when needs exactly one relation to the period (overlaps, during, starts-during,"
                        + " ends-during, starts-by-end, ends-by-end), got [overlaps, during]",
                "ecqm-mistakes.yaml:20:49 when needs exactly one relation to the period (overlaps, during, starts-during,"
                        + " ends-during, starts-by-end, ends-by-end), got []",
                "ecqm-mistakes.yaml:21:61 invalid overlaps 'year'",
                "ecqm-mistakes.yaml:22:90 invalid duration '1 eon'",
                "ecqm-mistakes.yaml:23:75 unknown key 'frist' in when",
                "ecqm-mistakes.yaml:24:25 unknown key 'value-sets' in device-order",
                "ecqm-mistakes.yaml:27:68 invalid status 'done'",
                "ecqm-mistakes.yaml:28:61 readings (non-empty) must be a list",
                "ecqm-mistakes.yaml:29:90 invalid encounter-class-not-in 'clinic'",
                "ecqm-mistakes.yaml:30:65 unknown key 'on-day' in readings item",
                "ecqm-mistakes.yaml:30:89 test needs exactly one comparison (gt, ge, lt, le, eq), got [gt, lt]",
                "ecqm-mistakes.yaml:31:31 missing required key 'test' in lowest-on-latest-day",
                "ecqm-mistakes.yaml:32:107 test gt must be a number, got 'high'",
                "ecqm-mistakes.yaml:32:130 missing-value must be true or false, got 'maybe'");
        assertThat(parse("invalid/ecqm-mistakes.yaml").definition()).isNull();
    }

    @Test
    void followUpCompleteAndBusinessDateAreChecked(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path f = dir.resolve("follow-up.yaml");
        Files.writeString(f, """
                id: follow-up
                version: "1"
                title: Follow-up
                domain: safety
                scoring: proportion
                basis: encounter
                improvement: decrease
                populations:
                  initial-population: { this-encounter: { class: [inpatient], follow-up-complete: 30 parsecs } }
                  denominator: { this-encounter: { follow-up-complete: 30 days } }
                  numerator: { encounter: { class: [inpatient], after-discharge: 30 days, follow-up-complete: 30 days } }
                tests:
                  - name: cut-off before the period end
                    period: { start: 2025-01-01, end: 2025-02-01 }
                    business-date: 2025-01-15
                    records: {}
                    expect: []
                """);
        assertThat(DefinitionParser.parse(f, dir).diagnostics()).filteredOn(Diagnostic::isError)
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                        "9:83 invalid duration '30 parsecs'",
                        "11:75 unknown key 'follow-up-complete' in encounter",
                        "15:20 business-date 2025-01-15 is before the period end 2025-02-01");
        Files.writeString(f, Files.readString(f).replace("30 parsecs", "30 days").replace(", follow-up-complete: 30 days } }", " } }")
                .replace("2025-01-15", "2025-02-10"));
        DefinitionParser.Result ok = DefinitionParser.parse(f, dir);
        assertThat(ok.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        Criterion.Encounter den = (Criterion.Encounter) ok.definition().populations().denominator();
        assertThat(den.followUpComplete()).isEqualTo(new FollowUpComplete(new Timing.Duration(30, "days")));
        assertThat(ok.definition().tests().get(0).effectiveBusinessDate()).isEqualTo(java.time.LocalDate.of(2025, 2, 10));
        assertThat(ok.definition().plainLanguage())
                .contains("with the 30 days after discharge complete before the data cut-off");
    }

    @Test
    void ratioNeedsEventsAndExposure() {
        // numerator (a ratio of two populations) mixed with exposure (events per exposure)
        assertThat(errors("invalid/bad-ratio.yaml")).containsExactly(
                "bad-ratio.yaml:9:3 ratio scoring needs the population 'numerator-events'",
                "bad-ratio.yaml:11:3 ratio scoring uses either numerator-events with exposure, or numerator (with"
                        + " optional numerator-initial-population and numerator-exclusion), not both",
                "bad-ratio.yaml:14:3 'denominator-exception' is not used by ratio scoring",
                "bad-ratio.yaml:16:3 'measure-observation' is not used by ratio scoring");
    }

    @Test
    void continuousVariableNeedsItsOwnPopulationsAndAnObservation() {
        assertThat(errors("invalid/bad-continuous.yaml")).containsExactly(
                "bad-continuous.yaml:8:1 'multiplier' is not used by continuous-variable scoring",
                "bad-continuous.yaml:11:3 'denominator' is not used by continuous-variable scoring",
                "bad-continuous.yaml:12:26 measure-observation length-of-stay needs basis: encounter",
                "bad-continuous.yaml:12:62 invalid aggregate 'mode'");
        assertThat(errors("invalid/bad-observation.yaml")).containsExactly(
                "bad-observation.yaml:11:24 measure-observation needs exactly one of length-of-stay or count, got both");
    }

    @Test
    void continuousVariableAndTwoPopulationRatioAreModelled(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path f = dir.resolve("ratio.yaml");
        Files.writeString(f, """
                id: two-populations
                version: "1"
                title: t
                domain: quality
                scoring: ratio
                basis: patient
                improvement: increase
                multiplier: 100
                populations:
                  initial-population: { patient: { age: { min: 18 } } }
                  numerator-initial-population: { patient: { sex: [female] } }
                  numerator: { patient: { age: { max: 64 } } }
                  numerator-exclusion: { patient: { age: { max: 20 } } }
                """);
        DefinitionParser.Result r = DefinitionParser.parse(f, dir);
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        Populations p = r.definition().populations();
        assertThat(p.separateRatioPopulations()).isTrue();
        assertThat(p.numeratorInitialPopulation()).isEqualTo(new Criterion.Patient(null, null, List.of("female")));
        assertThat(r.definition().plainLanguage()).contains("Numerator initial population: patient, sex female.")
                .contains("Ratio: (numerator − numerator exclusion) / (denominator − denominator exclusion), times 100.");

        DefinitionParser.Result ed = DefinitionParser.parse(
                Path.of("../indicator-definitions/definitions/ed-length-of-stay-median.yaml"),
                Path.of("../indicator-definitions"));
        assertThat(ed.diagnostics()).isEmpty();
        assertThat(ed.definition().populations().measureObservation()).isEqualTo(new MeasureObservation.LengthOfStay(
                MeasureObservation.TimeUnit.MINUTES, MeasureObservation.Aggregate.MEDIAN));
        assertThat(ed.definition().plainLanguage())
                .contains("Measure population exclusion: any of")
                .contains("Measure observation: the encounter's length of stay (discharge − admission) in minutes; reported as the median.");
    }

    @Test
    void valueSetFilesAreCheckedRowByRow() {
        assertThat(errors("invalid/bad-value-set-files.yaml")).containsExactly(
                "bad-rows.csv:3:1 unknown code system 'ICD10'",
                "bad-rows.csv:4:1 bad value set row: LOINC,,missing code",
                "bad-rows.csv:5:1 code ICD-10-CM|E11.9 appears twice",
                "bad-header.csv:1:1 value set header must be 'code_system,code,display', got 'system,code'",
                "bad-value-set-files.yaml:11:12 value set file 'valuesets/nope.csv' does not exist");
    }

    @Test
    void testCasesAreChecked() {
        assertThat(errors("invalid/bad-tests.yaml")).containsExactly(
                "bad-tests.yaml:15:39 period end must be a date YYYY-MM-DD, got '2025-13-01'",
                "bad-tests.yaml:17:7 unknown record table 'patients'",
                "bad-tests.yaml:20:99 unknown column 'birthdate' of patient",
                "bad-tests.yaml:21:11 record of patient misses required column 'birth_date'",
                "bad-tests.yaml:23:44 invalid initial-population flag 'yes'",
                "bad-tests.yaml:23:60 invalid numerator flag '2'");
    }

    @Test
    void repositoryCollectsAllFilesAndKeepsOnlyValidDefinitions() {
        DefinitionSet set = DefinitionRepository.load(BASE.resolve("invalid"));
        assertThat(set.hasErrors()).isTrue();
        assertThat(set.indicators()).isEmpty();
        // every fixture contributes its errors (value set paths resolve against the invalid folder here)
        assertThat(set.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.file().getFileName().toString())
                .distinct()).contains("three-errors.yaml", "malformed.yaml", "bad-values.yaml", "bad-tests.yaml");
    }

    @Test
    void truncatedOrMangledFilesNeverThrow(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path lib = Path.of("../indicator-definitions");
        Files.createDirectories(tmp.resolve("valuesets"));
        try (var csvs = Files.list(lib.resolve("valuesets"))) {
            for (Path csv : csvs.toList()) {
                Files.copy(csv, tmp.resolve("valuesets").resolve(csv.getFileName()));
            }
        }
        try (var files = Files.list(lib.resolve("definitions"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                for (int cut = 0; cut < text.length(); cut += 97) {
                    for (String variant : List.of(text.substring(0, cut), text.substring(cut),
                            text.substring(0, cut) + "\t: [" + text.substring(cut))) {
                        Path p = tmp.resolve("x.yaml");
                        Files.writeString(p, variant);
                        DefinitionParser.Result r = DefinitionParser.parse(p, tmp);
                        assertThat(r.diagnostics()).noneMatch(d -> d.message().startsWith("could not check"));
                        if (r.definition() == null) {
                            assertThat(r.hasErrors()).as(variant).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void duplicateIdsAcrossFilesAreAnErrorAtTheSecondId(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("definitions"));
        Files.createDirectories(tmp.resolve("valuesets"));
        for (String vs : List.of("diabetes.csv", "hba1c.csv")) {
            Files.copy(BASE.resolve("valuesets").resolve(vs), tmp.resolve("valuesets").resolve(vs));
        }
        Files.copy(BASE.resolve("valid/minimal.yaml"), tmp.resolve("definitions/a.yaml"));
        Files.copy(BASE.resolve("valid/minimal.yaml"), tmp.resolve("definitions/b.yaml"));
        DefinitionSet set = DefinitionRepository.load(tmp);
        assertThat(set.indicators()).hasSize(1);
        assertThat(set.valueSets()).extracting(ValueSet::name).containsExactly("minimal-valid/diabetes", "minimal-valid/hba1c");
        assertThat(set.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file().getFileName().toString()).isEqualTo("b.yaml");
            assertThat(d.line() + ":" + d.column()).isEqualTo("1:5");
            assertThat(d.message()).startsWith("indicator id 'minimal-valid' is already defined in");
        });
        assertThat(set.hasErrors()).isTrue();
    }

    @Test
    void keySuggesterFindsTyposOnly() {
        assertThat(KeySuggester.closest("value-sett", List.of("value-set", "latest"))).isEqualTo("value-set");
        assertThat(KeySuggester.closest("lookbak", List.of("lookback", "before"))).isEqualTo("lookback");
        assertThat(KeySuggester.closest("zzzzzz", List.of("lookback", "before"))).isNull();
    }
}
