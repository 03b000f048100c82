package org.lhs.qi.definition;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a definition in readable English for reports and {@code qi explain}. */
final class PlainLanguage {

    private PlainLanguage() {}

    static String render(IndicatorDefinition d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.title()).append(" (").append(d.id()).append(" v").append(d.version()).append("): a ")
                .append(d.scoring()).append(" indicator counting ").append(d.basis()).append("s");
        if (d.target() != null) {
            sb.append("; target ").append(target(d)).append(", ")
                    .append(d.improvement() == Improvement.DECREASE ? "lower" : "higher").append(" is better");
        }
        sb.append(".\n");
        Populations p = d.populations();
        Map<String, Criterion> refs = new LinkedHashMap<>();
        for (Criterion c : Arrays.asList(p.initialPopulation(), p.denominator(), p.denominatorExclusion(),
                p.denominatorException(), p.numerator(), p.numeratorExclusion(), p.numeratorInitialPopulation())) {
            collectRefs(c, refs);
        }
        refs.forEach((name, c) -> sb.append("Where '").append(name).append("' means: ").append(describe(c)).append(".\n"));
        if (d.scoring() == Scoring.CONTINUOUS_VARIABLE) {
            return continuous(sb, p);
        }
        line(sb, "Initial population", p.initialPopulation());
        line(sb, "Denominator", p.denominator() != null ? p.denominator() : null);
        if (p.denominator() == null) {
            sb.append("Denominator: the initial population.\n");
        }
        line(sb, "Denominator exclusion", p.denominatorExclusion());
        line(sb, "Denominator exception", p.denominatorException());
        boolean twoPopulationRatio = d.scoring() == Scoring.RATIO && p.separateRatioPopulations();
        if (twoPopulationRatio) {
            line(sb, "Numerator initial population", p.numeratorInitialPopulation() != null
                    ? p.numeratorInitialPopulation() : p.initialPopulation());
        }
        line(sb, "Numerator", p.numerator());
        line(sb, "Numerator exclusion", p.numeratorExclusion());
        if (p.numeratorEvents() != null) {
            sb.append("Numerator: the number of events matching: ")
                    .append(describe(p.numeratorEvents()).replaceFirst("^an? ", "")).append(".\n");
        }
        if (p.exposure() != null) {
            sb.append("Exposure: ").append(switch (p.exposure()) {
                case PATIENT_DAYS -> "patient-days of the encounter's unit stays within the period";
                case SUBJECTS -> "one per subject of the denominator";
                default -> "days with a " + p.exposure().deviceType() + " in place within the period";
            }).append("; rate per ").append(String.format(Locale.ROOT, "%,.0f", d.multiplier())).append(".\n");
        } else if (twoPopulationRatio) {
            sb.append("Ratio: (numerator − numerator exclusion) / (denominator − denominator exclusion), times ")
                    .append(String.format(Locale.ROOT, "%,.0f", d.multiplier())).append(".\n");
        }
        return sb.toString().strip();
    }

    private static String continuous(StringBuilder sb, Populations p) {
        line(sb, "Initial population", p.initialPopulation());
        line(sb, "Measure population", p.denominator());
        if (p.denominator() == null) {
            sb.append("Measure population: the initial population.\n");
        }
        line(sb, "Measure population exclusion", p.denominatorExclusion());
        MeasureObservation o = p.measureObservation();
        if (o != null) {
            sb.append("Measure observation: ").append(switch (o) {
                case MeasureObservation.LengthOfStay los -> "the encounter's length of stay (discharge − admission) in "
                        + los.unit();
                case MeasureObservation.Count c -> "the number of " + describe(c.events()).replaceFirst("^an? ", "")
                        .replaceFirst("^at least \\d+ ", "");
            }).append("; reported as the ").append(o.aggregate().code()).append(".\n");
        }
        return sb.toString().strip();
    }

    private static String target(IndicatorDefinition d) {
        if (d.scoring() == Scoring.CONTINUOUS_VARIABLE) {
            // a median or mean has no multiplier: the target is in the observation's unit ("180 minutes")
            MeasureObservation o = d.populations().measureObservation();
            String value = new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(d.target());
            return o == null || o.unit() == null ? value : value + " " + o.unit();
        }
        return d.scoring() == Scoring.PROPORTION
                ? String.format(Locale.ROOT, "%.0f%%", d.target() * 100)
                : String.format(Locale.ROOT, "%s per %,.0f", d.target(), d.multiplier());
    }

    private static void line(StringBuilder sb, String label, Criterion c) {
        if (c != null) {
            sb.append(label).append(": ").append(describe(c)).append(".\n");
        }
    }

    static String describe(Criterion c) {
        String s = switch (c) {
            case Criterion.All a -> join("all of", a.criteria());
            case Criterion.Any a -> join("any of", a.criteria());
            case Criterion.Not n -> "not (" + describe(n.criterion()) + ")";
            case Criterion.Patient p -> patient(p);
            case Criterion.Encounter e -> encounter(e);
            case Criterion.Condition x -> count(x.atLeast()) + "condition from value set '" + x.valueSet() + "'"
                    + (x.presentOnAdmission().isEmpty() ? "" : " present on admission " + or(x.presentOnAdmission()))
                    + timing(x.timing(), true) + (x.notAbated() ? ", not abated by the end of the period" : "")
                    + same(x);
            case Criterion.Observation o -> (o.pick() != null
                    ? "the " + o.pick().name().toLowerCase(Locale.ROOT) + " observation from value set '" + o.valueSet() + "'"
                            + coded(o.valueIn()) + timing(o.timing(), false) + pickTest(o)
                    : count(o.atLeast()) + "observation from value set '" + o.valueSet() + "'" + coded(o.valueIn())
                            + timing(o.timing(), false))
                    + same(o);
            case Criterion.Procedure x -> count(x.atLeast()) + "procedure from value set '" + x.valueSet() + "'"
                    + timing(x.timing(), false) + same(x);
            case Criterion.Medication x -> count(x.atLeast()) + "medication "
                    + (x.kinds().isEmpty() ? "" : or(x.kinds()) + " ") + "from value set '" + x.valueSet() + "'"
                    + timing(x.timing(), false) + same(x);
            case Criterion.Ref r -> "'" + r.name() + "'";
            case Criterion.Ecqm x -> EcqmPlainLanguage.describe(x);
            case Criterion.DeviceEpisode x -> count(x.atLeast()) + (x.types().isEmpty() ? "" : or(x.types()) + " ")
                    + "device episode" + timing(x.timing(), true).replace("with onset", "inserted").replace(" active", " in place")
                    + same(x);
            case Criterion.SafetyEvent x -> count(x.atLeast()) + (x.types().isEmpty() ? "" : or(x.types()) + " ")
                    + "safety event" + (x.harmLevels().isEmpty() ? "" : " with harm " + or(x.harmLevels()))
                    + timing(x.timing(), false) + same(x);
            case Criterion.UnitStay x -> count(x.atLeast()) + "stay" + (x.units().isEmpty() ? "" : " on unit " + or(x.units()))
                    + (x.shorterThan() == null ? "" : " shorter than " + x.shorterThan().interval())
                    + timing(x.timing(), true).replace("with onset", "starting").replace(" active", " overlapping")
                    + same(x);
            case Criterion.SurveyResponse x -> count(x.atLeast()) + "survey response"
                    + (x.surveys().isEmpty() ? "" : " to " + or(x.surveys()))
                    + (x.items().isEmpty() ? "" : " item " + or(x.items())) + answer(x)
                    + timing(x.timing(), false) + same(x);
        };
        return s.startsWith("a ") && "aeiou".indexOf(s.charAt(2)) >= 0 ? "an " + s.substring(2) : s;
    }

    private static void collectRefs(Criterion c, Map<String, Criterion> out) {
        switch (c) {
            case null -> { }
            case Criterion.All a -> a.criteria().forEach(x -> collectRefs(x, out));
            case Criterion.Any a -> a.criteria().forEach(x -> collectRefs(x, out));
            case Criterion.Not n -> collectRefs(n.criterion(), out);
            case Criterion.Ref r -> {
                collectRefs(r.criterion(), out); // inner names first, so each is explained before use
                out.putIfAbsent(r.name(), r.criterion());
            }
            default -> { }
        }
    }

    private static String patient(Criterion.Patient p) {
        StringBuilder s = new StringBuilder("patient");
        if (p.minAge() != null && p.maxAge() != null) {
            s.append(" aged ").append(p.minAge()).append(" to ").append(p.maxAge());
        } else if (p.minAge() != null) {
            s.append(" aged ").append(p.minAge()).append(" or older");
        } else if (p.maxAge() != null) {
            s.append(" aged ").append(p.maxAge()).append(" or younger");
        }
        if (p.minAge() != null || p.maxAge() != null) {
            s.append(" on the last day of the period");
        }
        if (!p.sexes().isEmpty()) {
            s.append(", sex ").append(or(p.sexes()));
        }
        return s.toString();
    }

    private static String encounter(Criterion.Encounter e) {
        String classes = e.classes().isEmpty() ? "" : or(e.classes()) + " ";
        StringBuilder s = new StringBuilder(e.subject()
                ? "the encounter is " + (classes.isEmpty() ? "of any class" : classes.strip())
                : count(e.atLeast()) + classes + "encounter");
        if (!e.dispositionIn().isEmpty()) {
            s.append(", discharged to ").append(or(e.dispositionIn()));
        }
        if (!e.dispositionNotIn().isEmpty()) {
            s.append(", not discharged to ").append(or(e.dispositionNotIn()));
        }
        if (e.timing() != null) {
            s.append(e.anchor() == Criterion.Anchor.DISCHARGE ? ", discharged" : ", admitted").append(timing(e.timing(), false));
        }
        if (e.stayOverlapsPeriod()) {
            s.append(", with a unit stay overlapping the period");
        }
        if (e.followUpComplete() != null) {
            s.append(", ").append(e.followUpComplete().describe());
        }
        return s.toString();
    }

    private static String timing(Timing t, boolean condition) {
        if (t == null) {
            return "";
        }
        return switch (t) {
            case Timing.DuringPeriod p -> condition ? " active during the period" : " during the period";
            case Timing.BeforePeriodEnd b -> condition ? " with onset before the end of the period" : " before the end of the period";
            case Timing.Lookback l -> " within the " + l.duration().interval() + " ending at the end of the period";
            case Timing.DuringEncounter e -> " during the encounter";
            case Timing.AfterDischarge a -> " within " + a.duration().interval() + " after the encounter's discharge";
            case Timing.StartsDuringPeriod p -> condition ? " with onset during the period" : " starting during the period";
            case Timing.AfterAdmission a -> " within " + a.duration().interval() + " after the encounter's admission";
            case Timing.BeforeAdmission b -> " within the " + b.duration().interval() + " before the encounter's admission";
            case Timing.AfterUnitStart u -> " on the day of or within " + u.days() + " calendar day(s) after the start of the"
                    + " encounter's first stay on unit " + or(u.units());
        };
    }

    private static String answer(Criterion.SurveyResponse x) {
        List<String> tests = new java.util.ArrayList<>();
        if (x.answer() != null) {
            tests.add(comparison(x.answer()));
        }
        if (!x.answerCodes().isEmpty()) {
            tests.add("is " + or(x.answerCodes()));
        }
        return tests.isEmpty() ? "" : " whose answer " + String.join(" or ", tests);
    }

    private static String coded(String valueIn) {
        return valueIn == null ? "" : " with a coded value from value set '" + valueIn + "'";
    }

    private static String pickTest(Criterion.Observation o) {
        List<String> tests = new java.util.ArrayList<>();
        if (o.comparison() != null) {
            tests.add(comparison(o.comparison()));
        }
        if (o.pickValueIn() != null) {
            tests.add("has a coded value from value set '" + o.pickValueIn() + "'");
        }
        return " " + String.join(" and ", tests);
    }

    private static String comparison(Comparison c) {
        return "is " + c.operator().words() + " " + c.value().toPlainString() + (c.unit() == null ? "" : " " + c.unit());
    }

    private static String same(Criterion.Event e) {
        return e.sameEncounter() ? ", recorded on the encounter" : "";
    }

    private static String count(int atLeast) {
        return atLeast > 1 ? "at least " + atLeast + " × " : "a ";
    }

    private static String join(String label, List<Criterion> cs) {
        return label + " [" + cs.stream().map(PlainLanguage::describe).collect(Collectors.joining("; ")) + "]";
    }

    private static String or(List<String> values) {
        return values.size() == 1 ? values.get(0) : String.join(" or ", values);
    }
}
