package org.lhs.qi.stats.equity;

/** How the reference group of a comparison is chosen. */
public sealed interface ReferenceChoice {

    /** The group with the largest denominator (earliest on ties), the usual default. */
    record Largest() implements ReferenceChoice {}

    /** The group with the most favourable rate given the improvement direction (largest on ties). */
    record MostFavourable() implements ReferenceChoice {}

    /** A named group, e.g. a policy-chosen reference. */
    record Named(String group) implements ReferenceChoice {}

    /** Largest group. */
    static ReferenceChoice largest() {
        return new Largest();
    }

    /** Most favourable group. */
    static ReferenceChoice mostFavourable() {
        return new MostFavourable();
    }
}
