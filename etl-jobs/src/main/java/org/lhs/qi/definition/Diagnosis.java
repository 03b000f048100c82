package org.lhs.qi.definition;

import java.util.List;

/**
 * {@code diagnosis:} a verified condition (verification status absent, confirmed, unconfirmed, provisional or
 * differential; CQL {@code verified()}) whose prevalence interval — onset to abatement, open-ended while the
 * clinical status is active, recurrence or relapse — relates to the window as {@code when} says.
 */
public record Diagnosis(List<String> valueSets, EcqmTiming when) implements Criterion.Ecqm {}
