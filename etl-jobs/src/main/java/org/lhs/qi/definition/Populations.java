package org.lhs.qi.definition;

/**
 * The population criteria of a definition (FHIR Measure names). Null means "not given": denominator
 * defaults to the initial population, exclusions/exceptions to nobody. Ratio indicators use
 * {@code numeratorEvents} (rows counted per subject) and {@code exposure} instead of {@code numerator}.
 */
public record Populations(Criterion initialPopulation, Criterion denominator, Criterion denominatorExclusion,
                          Criterion denominatorException, Criterion numerator, Criterion numeratorExclusion,
                          Criterion.Event numeratorEvents, Exposure exposure) {}
