package org.lhs.qi.definition;

import java.util.List;

/**
 * {@code encounter-performed:} a finished encounter of the patient whose type is in one of the value sets
 * (QDM "Encounter, Performed"; CQL {@code isEncounterPerformed()}); {@code dischargeIn} tests the coded discharge
 * disposition; timing applies to the encounter period [admission, discharge].
 */
public record EncounterPerformed(List<String> types, String dischargeIn, EcqmTiming when) implements Criterion.Ecqm {
    @Override
    public List<String> valueSets() {
        return dischargeIn == null ? types : java.util.stream.Stream.concat(types.stream(), java.util.stream.Stream.of(dischargeIn)).toList();
    }
}
