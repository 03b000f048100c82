package org.lhs.qi.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Size, span and seed of a generated health system.
 *
 * @param patients number of patients (default 5,000)
 * @param sites    number of sites (default 4); the planted effects need S01 and S02
 * @param months   complete calendar months of history before the month of {@code endDate} (default 24)
 * @param seed     random seed; same settings and seed give byte-identical files
 * @param endDate  exclusive end: data runs up to the day before this date (the business date)
 */
public record GeneratorSettings(int patients, int sites, int months, long seed, LocalDate endDate) {

    /** Default number of patients. */
    public static final int DEFAULT_PATIENTS = 5_000;
    /** Default number of sites. */
    public static final int DEFAULT_SITES = 4;
    /** Default number of months of history. */
    public static final int DEFAULT_MONTHS = 24;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    public GeneratorSettings {
        Objects.requireNonNull(endDate, "endDate");
        if (patients < 1 || patients > 99_999_999) {
            throw new IllegalArgumentException("patients must be between 1 and 99,999,999: " + patients);
        }
        if (sites < 1 || sites > 99) {
            throw new IllegalArgumentException("sites must be between 1 and 99: " + sites);
        }
        if (months < 1 || months > 240) {
            throw new IllegalArgumentException("months must be between 1 and 240: " + months);
        }
    }

    /** The default demo system (5,000 patients, 4 sites, 24 months, seed 42) ending before {@code endDate}. */
    public static GeneratorSettings defaults(LocalDate endDate) {
        return new GeneratorSettings(DEFAULT_PATIENTS, DEFAULT_SITES, DEFAULT_MONTHS, DEFAULT_SEED, endDate);
    }
}
