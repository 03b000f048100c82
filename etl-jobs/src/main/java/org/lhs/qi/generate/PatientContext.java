package org.lhs.qi.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Mutable state of one patient's simulation: their RNG, id counters, death time and deferred rows. */
final class PatientContext {

    final PatientProfile profile;
    final RandomGenerator rng;
    final String patientId;
    /** Death instant, or {@link Long#MAX_VALUE} when the patient is alive at the end of the window. */
    long death = Long.MAX_VALUE;
    /** Inpatient stays as [admit, discharge) pairs; ambulatory visits avoid them. */
    final List<long[]> stays = new ArrayList<>();
    /** Survey rows, written at the end because a later death may cancel them. */
    final List<Deferred> surveys = new ArrayList<>();

    private final String number;
    private final int[] counters = new int[16];

    /** A row of a file that is only written if the patient is alive at {@code time}. */
    record Deferred(long time, CanonicalFile file, String[] values) {
    }

    /**
     * A second stream for the starter-library care data ({@link CareData}): drawing from it never shifts {@link #rng},
     * so the planted effects and every row the generator wrote before stay exactly as they were.
     */
    final RandomGenerator care;
    /** Month (year × 12 + month) of the last depression-screening opportunity: one per patient and month. */
    int lastScreeningMonth = -1;
    /** Whether this patient's clinicians screen for depression (drawn once, at the first opportunity). */
    Boolean screenedForDepression;

    PatientContext(PatientProfile profile, RandomGenerator rng) {
        this.profile = profile;
        this.rng = rng;
        this.care = new java.util.SplittableRandom(HealthSystemGenerator.patientSeed(0x5EEDCA4EL, profile.number()));
        this.patientId = profile.patientId();
        this.number = patientId.substring(1);
    }

    /** Next source id of a row kind, unique per patient: prefix + patient number + sequence. */
    String id(IdKind kind) {
        return kind.prefix + number + "-" + (++counters[kind.ordinal()]);
    }

    boolean busy(long time) {
        for (long[] s : stays) {
            if (time >= s[0] && time < s[1]) {
                return true;
            }
        }
        return false;
    }

    double uniform(double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    /** Id prefixes per row kind. */
    enum IdKind {
        COVERAGE("C"), ENCOUNTER("E"), UNIT_STAY("U"), DEVICE("D"), CONDITION("X"), PROCEDURE("R"),
        OBSERVATION("O"), MEDICATION("M"), SAFETY("SE"), SURVEY("Q");

        private final String prefix;

        IdKind(String prefix) {
            this.prefix = prefix;
        }
    }
}
