package org.lhs.qi.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lhs.qi.definition.Basis;
import org.lhs.qi.definition.Criterion;
import org.lhs.qi.definition.IndicatorDefinition;
import org.lhs.qi.definition.Populations;
import org.lhs.qi.definition.Scoring;

/**
 * Compiles a validated definition into one {@code INSERT INTO qi.member ... SELECT} for all its reporting
 * periods at once, in stages: periods → subjects (patients or encounters) in each period → initial population →
 * population criteria → nested population flags → stratifier columns. Each data criterion is a relation over
 * all subjects and periods (see {@link RowQuery}) that the stage joins, so the statement's cost grows with the
 * data rather than with subjects × periods × probes. Every definition value is a bind parameter.
 */
public final class IndicatorCompiler {

    private static final String MEMBER_COLUMNS = """
            business_date, indicator_id, period_kind, period_start, period_end, subject_type, subject_id, patient_id, site_id,
            initial_population, denominator, denominator_exclusion, denominator_exception, numerator, numerator_exclusion,
            numerator_count, exposure, observation_value, numerator_initial_population,
            sex, race, ethnicity, age_band, payer, language, deprivation, evidence, run_id""";

    /** The version for the SQL comment: short plain version strings only, never free text from the file. */
    private static String safeVersion(String version) {
        return version.matches("[A-Za-z0-9._+-]{1,32}") ? version : "(version not shown)";
    }

    /** Compiles the definition; the caller binds {@link CompiledIndicator#bindings} (business date, run id, periods). */
    public CompiledIndicator compile(IndicatorDefinition d) {
        SqlContext ctx = new SqlContext(d);
        Populations p = d.populations();
        // events per exposure; a ratio of two populations (HL7 Initial Population 1/2) scores like a proportion's flags
        boolean ratio = d.scoring() == Scoring.RATIO && !p.separateRatioPopulations();
        boolean twoPopulations = d.scoring() == Scoring.RATIO && p.separateRatioPopulations();
        ctx.parameters().put("indicator_id", d.id());
        ctx.parameters().put("subject_type", d.basis().code());

        String ip = criterion(ctx, "ip", p.initialPopulation(), "TRUE");
        String ip2 = twoPopulations ? criterion(ctx, "numip", p.numeratorInitialPopulation(), null) : null;
        String den = criterion(ctx, "den", p.denominator(), "TRUE");
        String denex = criterion(ctx, "denex", p.denominatorExclusion(), "FALSE");
        String denexcep = criterion(ctx, "denexcep", p.denominatorException(), "FALSE");
        String num = ratio ? "FALSE" : criterion(ctx, "num", p.numerator(), "FALSE");
        String numex = criterion(ctx, "numex", p.numeratorExclusion(), "FALSE");
        String count = "CAST(NULL AS numeric)";
        String exposure = "CAST(NULL AS numeric)";
        if (ratio) {
            ctx.population("num");
            count = CriterionSql.rows(p.numeratorEvents(), ctx).countWith(ctx);
            exposure = ExposureSql.of(p.exposure(), ctx);
        }
        String observation = p.measureObservation() == null ? "CAST(NULL AS numeric)"
                : MeasureObservationSql.of(p.measureObservation(), ctx);
        String evidence = evidence(ctx, p);

        StringBuilder sql = new StringBuilder();
        // the id is validated kebab-case; the free-text version is reduced to safe characters for the comment
        sql.append("-- ").append(d.id()).append(' ').append(safeVersion(d.version())).append(": ").append(d.scoring()).append(", ")
                .append(d.basis()).append(" basis. Binds :business_date, :run_id, :period_kinds, :period_starts, :period_ends.\n");
        sql.append("INSERT INTO qi.member (\n    ").append(Sql.indent(MEMBER_COLUMNS.strip(), 4)).append(")\n");
        sql.append("""
                WITH period AS (
                    -- every reporting period at once, numbered in the order bound
                    SELECT p.period_no, p.period_kind, p.start_date, p.end_date, p.end_date - 1 AS last_day,
                           -- midnight in the session time zone (QI_TIME_ZONE, UTC by default)
                           CAST(p.start_date AS timestamptz) AS start_time,
                           CAST(p.end_date AS timestamptz) AS end_time
                    FROM unnest(CAST(ARRAY[:period_starts] AS date[]), CAST(ARRAY[:period_ends] AS date[]),
                                CAST(ARRAY[:period_kinds] AS text[])) WITH ORDINALITY AS p(start_date, end_date, period_kind, period_no)
                ),
                """);
        sql.append(d.basis() == Basis.PATIENT ? PATIENT_SUBJECTS : ENCOUNTER_SUBJECTS);
        derived(sql, ctx, "subject");
        String subjects = "subject s JOIN period pd ON pd.period_no = s.period_no" + joins(ctx, "subject", 4);
        if (twoPopulations) {
            // subjects of either initial population; each keeps which one(s) it belongs to
            sql.append("initial_population AS (\n    SELECT * FROM (\n        SELECT s.*,\n               ")
                    .append(Sql.indent(ip, 15)).append(" AS ip_met,\n               ")
                    .append(Sql.indent(ip2 == null ? ip : ip2, 15)).append(" AS numip_met\n")
                    .append("        FROM ").append(Sql.indent(subjects, 4)).append("\n    ) s\n    WHERE s.ip_met OR s.numip_met\n),\n");
        } else {
            sql.append("initial_population AS (\n    SELECT s.* FROM ").append(subjects).append("\n    WHERE ")
                    .append(Sql.indent(ip, 4)).append("\n),\n");
        }
        derived(sql, ctx, "initial_population");
        sql.append("criteria AS (\n    SELECT s.*,\n");
        column(sql, den, "den_met");
        column(sql, denex, "denex_met");
        column(sql, denexcep, "denexcep_met");
        column(sql, num, "num_met");
        column(sql, numex, "numex_met");
        column(sql, count, "numerator_count");
        column(sql, exposure, "exposure");
        column(sql, observation, "observation");
        sql.append("           ").append(Sql.indent(evidence, 11)).append(" AS evidence\n");
        sql.append("    FROM initial_population s JOIN period pd ON pd.period_no = s.period_no")
                .append(joins(ctx, "initial_population", 4)).append("\n),\n");
        sql.append(twoPopulations ? TWO_POPULATION_FLAGS : flags(ratio ? "c.numerator_count > 0" : "c.num_met"));
        sql.append(",\n").append(StratifierSql.payer());
        sql.append("SELECT CAST(:business_date AS date), CAST(:indicator_id AS text), pd.period_kind,\n")
                .append("       pd.start_date, pd.end_date,\n")
                .append("       CAST(:subject_type AS text), f.subject_id, f.patient_id, f.site_id,\n")
                .append(twoPopulations ? "       f.ip_met, f.den, f.denex, f.denexcep, f.num, f.numex,\n"
                        : "       TRUE, f.den, f.denex, f.denexcep, f.num, f.numex,\n")
                .append(twoPopulations
                        ? "       CASE WHEN f.num AND NOT f.numex THEN 1 ELSE 0 END, CASE WHEN f.den AND NOT f.denex THEN 1 ELSE 0 END,\n"
                        : "       f.numerator_count, f.exposure,\n")
                .append(p.measureObservation() == null ? "       CAST(NULL AS numeric),"
                        : "       CASE WHEN f.den AND NOT f.denex THEN f.observation END,")
                .append(twoPopulations ? " f.numip_met,\n" : " CAST(NULL AS boolean),\n");
        for (String s : StratifierSql.columns()) {
            sql.append("       ").append(Sql.indent(s, 7)).append(",\n");
        }
        sql.append("       f.evidence, CAST(:run_id AS bigint)\n");
        sql.append("FROM flags f JOIN period pd ON pd.period_no = f.period_no\n")
                .append("LEFT JOIN payer py ON py.patient_id = f.patient_id AND py.period_no = f.period_no\n");
        return new CompiledIndicator(d.id(), sql.toString(), Map.copyOf(ctx.parameters()));
    }

    /** Nested population flags (FHIR proportion semantics; also ratio events per exposure and continuous variable). */
    private static String flags(String numMet) {
        return "-- population flags are nested: exclusions and exceptions only among the denominator,\n"
                + "-- exceptions only for those not excluded and not in the numerator (FHIR proportion semantics)\n"
                + "flags AS (\n    SELECT c.*,\n"
                + "           c.den_met AS den,\n"
                + "           c.den_met AND c.denex_met AS denex,\n"
                + "           c.den_met AND NOT c.denex_met AND NOT (" + numMet + ") AND c.denexcep_met AS denexcep,\n"
                + "           c.den_met AND NOT c.denex_met AND " + numMet + " AS num,\n"
                + "           c.den_met AND NOT c.denex_met AND " + numMet + " AND c.numex_met AS numex\n"
                + "    FROM criteria c\n)";
    }

    /**
     * HL7 ratio with separate populations: the denominator nests under the first initial population, the
     * numerator under the second, independently of the denominator (a subject may be in the numerator only).
     */
    private static final String TWO_POPULATION_FLAGS = """
            -- ratio of two populations (HL7 CQM): denominator within initial population 1, numerator within
            -- initial population 2, each with its own exclusion; the numerator does not need the denominator
            flags AS (
                SELECT c.*,
                       c.ip_met AND c.den_met AS den,
                       c.ip_met AND c.den_met AND c.denex_met AS denex,
                       FALSE AS denexcep,
                       c.numip_met AND c.num_met AS num,
                       c.numip_met AND c.num_met AND c.numex_met AS numex
                FROM criteria c
            )""";

    private static final String PATIENT_SUBJECTS = """
            subject AS NOT MATERIALIZED (
                SELECT pt.id AS subject_id, pd.period_no, pt.id AS patient_id, pt.site_id,
                       CAST(NULL AS bigint) AS encounter_id, CAST(NULL AS text) AS encounter_class,
                       CAST(NULL AS timestamptz) AS admit_time, CAST(NULL AS timestamptz) AS discharge_time,
                       CAST(NULL AS text) AS discharge_disposition,
                       pt.sex, pt.race, pt.ethnicity, pt.language, pt.deprivation_quintile,
                       CAST(date_part('year', age(CAST(pd.last_day AS timestamp), CAST(pt.birth_date AS timestamp))) AS integer) AS age_years
                FROM ehr.patient pt CROSS JOIN period pd
            ),
            """;

    private static final String ENCOUNTER_SUBJECTS = """
            subject AS NOT MATERIALIZED (
                SELECT en.id AS subject_id, pd.period_no, en.patient_id, en.site_id,
                       en.id AS encounter_id, en.class AS encounter_class,
                       en.admit_time, en.discharge_time, en.discharge_disposition,
                       pt.sex, pt.race, pt.ethnicity, pt.language, pt.deprivation_quintile,
                       CAST(date_part('year', age(CAST(pd.last_day AS timestamp), CAST(pt.birth_date AS timestamp))) AS integer) AS age_years
                FROM ehr.encounter en JOIN ehr.patient pt ON pt.id = en.patient_id CROSS JOIN period pd
                WHERE en.status NOT IN ('cancelled', 'entered-in-error')
            ),
            """;

    /** The CTEs of the criteria evaluated on {@code stage}, one per data criterion. */
    private static void derived(StringBuilder sql, SqlContext ctx, String stage) {
        for (SqlContext.Derived d : ctx.derived(stage)) {
            sql.append(d.name()).append(" AS (\n    ").append(Sql.indent(d.sql(), 4)).append("\n),\n");
        }
    }

    /** Left joins of the stage row {@code s} to its criteria's relations (no match: null columns). */
    private static String joins(SqlContext ctx, String stage, int indent) {
        StringBuilder sb = new StringBuilder();
        for (SqlContext.Derived d : ctx.derived(stage)) {
            sb.append('\n').append(" ".repeat(indent)).append("LEFT JOIN ").append(d.name()).append(" ON ").append(d.name())
                    .append(".subject_id = s.subject_id AND ").append(d.name()).append(".period_no = s.period_no");
        }
        return sb.toString();
    }

    private static String criterion(SqlContext ctx, String population, Criterion c, String absent) {
        if (c == null) {
            return absent;
        }
        ctx.population(population);
        return CriterionSql.of(c, ctx);
    }

    private static void column(StringBuilder sql, String expression, String name) {
        if (name.endsWith("_met") && !expression.equals("TRUE") && !expression.equals("FALSE")) {
            // a subject-encounter time or attribute may be null: a criterion that is unknown is not met
            expression = "coalesce(" + expression + ", FALSE)";
        }
        sql.append("           ").append(Sql.indent(expression, 11)).append(" AS ").append(name).append(",\n");
    }

    /** Latest values of every {@code latest} observation criterion in the numerator populations. */
    private static String evidence(SqlContext ctx, Populations p) {
        Set<Criterion.Observation> latest = new LinkedHashSet<>();
        Consumer<Criterion> collect = new Consumer<>() {
            @Override
            public void accept(Criterion c) {
                switch (c) {
                    case Criterion.All a -> a.criteria().forEach(this);
                    case Criterion.Any a -> a.criteria().forEach(this);
                    case Criterion.Not n -> accept(n.criterion());
                    case Criterion.Ref r -> accept(r.criterion());
                    case Criterion.Observation o when o.pick() != null -> latest.add(o);
                    default -> { }
                }
            }
        };
        for (Criterion c : new Criterion[] {p.numerator(), p.numeratorExclusion()}) {
            if (c != null) {
                collect.accept(c);
            }
        }
        if (latest.isEmpty()) {
            return "CAST(NULL AS jsonb)";
        }
        ctx.population("ev");
        // one entry per value set, keyed by its local name: {"hba1c": {"value": 9.5, "unit": "%", "time": ...}}
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Criterion.Observation o : latest) {
            if (!byKey.containsKey(o.valueSet())) {
                String prefix = ctx.nextPrefix();
                String key = ctx.bind(prefix, "key", o.valueSet());
                byKey.put(o.valueSet(), "CAST(" + key + " AS text), " + ObservationCriterionSql.evidence(o, ctx, prefix));
            }
        }
        List<String> pairs = new ArrayList<>(byKey.values());
        return "jsonb_strip_nulls(jsonb_build_object(\n    " + Sql.indent(String.join(",\n", pairs), 4) + "))";
    }
}
