package org.lhs.qi.definition;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses {@code measure-observation:} of a continuous-variable indicator:
 * {@code { length-of-stay: minutes, aggregate: median }} or {@code { count: <event criterion>, aggregate: mean }}.
 */
final class MeasureObservationParser {

    static final List<String> KEYS = List.of("length-of-stay", "count", "aggregate");

    private final NodeReader in;
    private final CriterionParser criteria;
    private final Basis basis;

    MeasureObservationParser(NodeReader in, CriterionParser criteria, Basis basis) {
        this.in = in;
        this.criteria = criteria;
        this.basis = basis;
    }

    /** The observation, or null when it has errors (reported). */
    MeasureObservation parse(NodeReader.Entry entry) {
        Map<String, NodeReader.Entry> m = in.mapping(entry.value(), "measure-observation", KEYS);
        if (m == null) {
            return null;
        }
        MeasureObservation.Aggregate aggregate = MeasureObservation.Aggregate.MEDIAN;
        if (m.containsKey("aggregate")) {
            String a = in.oneOf(m.get("aggregate").value(), "aggregate", MeasureObservation.Aggregate.codes());
            aggregate = a == null ? null : MeasureObservation.Aggregate.fromCode(a).orElseThrow();
        }
        boolean los = m.containsKey("length-of-stay");
        boolean count = m.containsKey("count");
        if (los == count) {
            in.report(entry.value(), Message.OBSERVATION_KIND, los ? "both" : "neither");
            return null;
        }
        if (los) {
            NodeReader.Entry e = m.get("length-of-stay");
            if (basis == Basis.PATIENT) {
                in.report(e.key(), Message.NEEDS_ENCOUNTER_BASIS, "measure-observation length-of-stay");
                return null;
            }
            String unit = in.oneOf(e.value(), "length-of-stay unit", MeasureObservation.TimeUnit.codes());
            return unit == null || aggregate == null ? null
                    : new MeasureObservation.LengthOfStay(MeasureObservation.TimeUnit.fromCode(unit).orElseThrow(), aggregate);
        }
        Node v = m.get("count").value();
        Criterion c = criteria.parseTop(v, "count");
        if (c instanceof Criterion.Ref r) {
            c = r.criterion();
        }
        if (c == null || aggregate == null) {
            return null;
        }
        if (!(c instanceof Criterion.Event ev) || c instanceof Criterion.Encounter enc && enc.subject()) {
            in.report(v, Message.NOT_AN_EVENT, "measure-observation count", v.getNodeId());
            return null;
        }
        if (ev instanceof Criterion.Observation o && o.pick() != null) {
            in.report(v, Message.LATEST_NOT_COUNTABLE);
            return null;
        }
        return new MeasureObservation.Count(ev, aggregate);
    }
}
