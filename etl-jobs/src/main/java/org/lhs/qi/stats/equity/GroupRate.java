package org.lhs.qi.stats.equity;

/** One group (stratum) of a proportion indicator: {@code events} of {@code denominator}. */
public record GroupRate(String group, long events, long denominator) {

    public GroupRate {
        if (denominator <= 0 || events < 0 || events > denominator) {
            throw new IllegalArgumentException("group " + group + ": need 0 <= events <= denominator, "
                    + "denominator > 0, got " + events + "/" + denominator);
        }
    }

    /** The group's proportion. */
    public double rate() {
        return (double) events / denominator;
    }
}
