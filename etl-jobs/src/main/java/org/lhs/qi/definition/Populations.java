package org.lhs.qi.definition;

/**
 * The population criteria of a definition (FHIR Measure names). Null means "not given": denominator
 * defaults to the initial population, exclusions/exceptions to nobody. Ratio indicators either count
 * {@code numeratorEvents} per subject over an {@code exposure}, or (HL7 ratio with separate populations)
 * use {@code numerator} among {@code numeratorInitialPopulation} (default: the initial population) over
 * the denominator. Continuous-variable indicators keep the measure population in {@code denominator}, its
 * exclusion in {@code denominatorExclusion}, and the per-subject {@code measureObservation}.
 */
public record Populations(Criterion initialPopulation, Criterion denominator, Criterion denominatorExclusion,
                          Criterion denominatorException, Criterion numerator, Criterion numeratorExclusion,
                          Criterion.Event numeratorEvents, Exposure exposure, Criterion numeratorInitialPopulation,
                          MeasureObservation measureObservation) {

    /** Populations without a second initial population or a measure observation. */
    public Populations(Criterion initialPopulation, Criterion denominator, Criterion denominatorExclusion,
                       Criterion denominatorException, Criterion numerator, Criterion numeratorExclusion,
                       Criterion.Event numeratorEvents, Exposure exposure) {
        this(initialPopulation, denominator, denominatorExclusion, denominatorException, numerator, numeratorExclusion,
                numeratorEvents, exposure, null, null);
    }

    /** True for a ratio of two populations (numerator and denominator flags) rather than events per exposure. */
    public boolean separateRatioPopulations() {
        return numeratorEvents == null && numerator != null && exposure == null;
    }
}
