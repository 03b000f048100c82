package org.lhs.qi.quality;

/** Thrown to stop a run whose data failed a critical check; the message names every blocking finding. */
public final class DataQualityFailedException extends RuntimeException {

    private final transient GateResult result;

    public DataQualityFailedException(GateResult result) {
        super(result.failureMessage());
        this.result = result;
    }

    public GateResult result() {
        return result;
    }
}
