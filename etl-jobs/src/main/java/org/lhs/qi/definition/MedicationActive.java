package org.lhs.qi.definition;

import java.util.List;

/**
 * {@code medication-active:} an active medication order (status active, order intent; CQL
 * {@code isMedicationActive()}) whose request period [start, end] relates to the window; requests whose period is
 * unknown (no supply information, so no end) never match, as in CQL {@code medicationRequestPeriod()}.
 */
public record MedicationActive(List<String> valueSets, EcqmTiming when) implements Criterion.Ecqm {}
