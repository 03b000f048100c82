package org.lhs.qi.definition;

import java.util.List;

/** {@code procedure-performed:} a completed procedure (CQL {@code isProcedurePerformed()}); timing on its performed interval. */
public record ProcedurePerformed(List<String> valueSets, EcqmTiming when) implements Criterion.Ecqm {}
