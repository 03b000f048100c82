package org.lhs.qi.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one patient that is fixed before their timeline is simulated.
 *
 * @param number      1-based patient number (ids are derived from it)
 * @param birthDate   date of birth
 * @param ageAtEnd    age in whole years on the day before the end date
 * @param sex         vocabulary value
 * @param race        OMB vocabulary value
 * @param ethnicity   vocabulary value
 * @param language    ISO 639-1 code
 * @param site        attributed site
 * @param quintile    deprivation quintile (1 = most deprived)
 * @param zip         ZIP code
 * @param activeFrom  first day the patient can have encounters (registration or birth)
 * @param coverage    coverage segments in time order (empty = uninsured)
 * @param chronic     chronic conditions
 * @param hba1c       diabetes control trait, {@code null} when not diabetic
 */
record PatientProfile(int number, LocalDate birthDate, int ageAtEnd, String sex, String race, String ethnicity,
                      String language, Site site, int quintile, String zip, LocalDate activeFrom,
                      List<CoverageSegment> coverage, List<ChronicCondition> chronic, Hba1cTrait hba1c) {

    /** A payer over a date range; {@code end} is inclusive or {@code null} when open. */
    record CoverageSegment(String payer, LocalDate start, LocalDate end) {
    }

    /** A chronic diagnosis with its ICD-10-CM code and onset date. */
    record ChronicCondition(Kind kind, String code, LocalDate onset) {
    }

    /** The chronic conditions the generator models. */
    enum Kind { DIABETES, HYPERTENSION, ESRD, PALLIATIVE }

    /** Latent glycaemic control of a diabetic: never tested, or HbA1c values scattered around a personal mean. */
    record Hba1cTrait(boolean tested, double mean) {
    }

    boolean has(Kind kind, LocalDate at) {
        for (ChronicCondition c : chronic) {
            if (c.kind() == kind && !c.onset().isAfter(at)) {
                return true;
            }
        }
        return false;
    }

    boolean hasEver(Kind kind) {
        for (ChronicCondition c : chronic) {
            if (c.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    boolean adultAt(LocalDate at) {
        return !birthDate.plusYears(18).isAfter(at);
    }

    String patientId() {
        return "P%07d".formatted(number);
    }
}
