package org.lhs.qi.definition;

import java.util.List;
import java.util.stream.Collectors;

/** Plain-language rendering of the eCQM criterion kinds. */
final class EcqmPlainLanguage {

    private EcqmPlainLanguage() {}

    static String describe(Criterion.Ecqm c) {
        return switch (c) {
            case EncounterPerformed e -> "a finished encounter of type " + sets(e.types())
                    + (e.dischargeIn() == null ? "" : " discharged to '" + e.dischargeIn() + "'") + when(e.when(), "whose period");
            case Diagnosis d -> "a verified diagnosis from " + sets(d.valueSets()) + when(d.when(), "whose prevalence");
            case ObservationPerformed o -> (o.latestValueIn() != null ? "the latest " : "a ") + String.join("/", o.statuses())
                    + " result from " + sets(o.codes()) + (o.valueIn() == null ? "" : " with a value in '" + o.valueIn() + "'")
                    + when(o.when(), "effective") + (o.latestValueIn() == null ? ""
                    : ", whose value is in '" + o.latestValueIn() + "'");
            case ProcedurePerformed p -> "a completed procedure from " + sets(p.valueSets()) + when(p.when(), "performed");
            case RequestOrdered r -> "an active or completed " + r.kind() + " order (not 'do not perform') from "
                    + sets(r.valueSets()) + when(r.when(), "authored");
            case MedicationActive m -> "an active medication order from " + sets(m.valueSets()) + when(m.when(),
                    "whose supply period");
            case LowestOnLatestDay l -> "the lowest " + (l.component() == null ? "" : "'" + l.component() + "' ")
                    + "value of " + sets(l.valueSets()) + " readings on the most recent day with a qualifying reading ("
                    + l.readings().stream().map(EcqmPlainLanguage::reading).collect(Collectors.joining("; or "))
                    + ") is " + l.test().operator().words() + " " + l.test().value().stripTrailingZeros().toPlainString()
                    + (l.test().unit() == null ? "" : " " + l.test().unit())
                    + (l.missingValue() ? ", or has no value" : "");
        };
    }

    private static String reading(LowestOnLatestDay.Reading r) {
        StringBuilder sb = new StringBuilder();
        if (r.when() != null) {
            sb.append(when(r.when(), "taken").substring(2));
        }
        if (!r.notOnDayOfEncounter().isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("not on the day of a ").append(sets(r.notOnDayOfEncounter()))
                    .append(" encounter");
        }
        if (!r.encounterClassNotIn().isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("recorded on an encounter that is not ")
                    .append(String.join(" or ", r.encounterClassNotIn()));
        }
        return sb.toString();
    }

    private static String sets(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "));
    }

    private static String when(EcqmTiming t, String subject) {
        if (t == null) {
            return "";
        }
        String window = "the period";
        if (t.extendBack() != null) {
            window = "the period and the " + t.extendBack().interval() + " before it";
        }
        if (t.first() != null) {
            window = "the first " + t.first().interval() + " of the period";
        }
        return ", " + subject + " " + t.relation().words() + " " + window;
    }
}
