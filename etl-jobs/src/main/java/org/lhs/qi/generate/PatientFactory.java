package org.lhs.qi.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.lhs.qi.generate.PatientProfile.ChronicCondition;
import org.lhs.qi.generate.PatientProfile.CoverageSegment;
import org.lhs.qi.generate.PatientProfile.Hba1cTrait;
import org.lhs.qi.generate.PatientProfile.Kind;

/** Draws demographics, coverage history and chronic conditions of one patient (US-like population mix). */
final class PatientFactory {

    private static final int[][] AGE_BANDS = {{0, 17}, {18, 34}, {35, 49}, {50, 64}, {65, 74}, {75, 95}};
    private static final double[] AGE_WEIGHTS = {0.18, 0.20, 0.18, 0.20, 0.13, 0.11};
    private static final String[] RACES = {"white", "black-or-african-american", "asian",
        "american-indian-or-alaska-native", "native-hawaiian-or-other-pacific-islander", "other", "unknown"};
    private static final double[] RACE_WEIGHTS = {0.60, 0.13, 0.06, 0.01, 0.003, 0.127, 0.07};

    private final Window window;
    private final List<Site> sites;

    PatientFactory(Window window, List<Site> sites) {
        this.window = window;
        this.sites = sites;
    }

    PatientProfile create(int number, RandomGenerator rng) {
        LocalDate end = window.endDate();
        int band = pick(rng, AGE_WEIGHTS);
        int age = AGE_BANDS[band][0] + rng.nextInt(AGE_BANDS[band][1] - AGE_BANDS[band][0] + 1);
        LocalDate birth = end.minusYears(age).minusDays(1 + rng.nextInt(365));

        double s = rng.nextDouble();
        String sex = s < 0.51 ? "female" : s < 0.997 ? "male" : s < 0.998 ? "other" : "unknown";
        String race = RACES[pick(rng, RACE_WEIGHTS)];
        double e = rng.nextDouble();
        String ethnicity = e < 0.18 ? "hispanic-or-latino" : e < 0.97 ? "not-hispanic-or-latino" : "unknown";
        String language = language(rng, race, ethnicity);

        Site site = sites.get(pickSite(rng));
        int quintile = 1 + rng.nextInt(5);
        String zip = site.zip(quintile, rng.nextInt(2));

        LocalDate activeFrom;
        if (birth.isAfter(window.startDate())) {
            activeFrom = birth;
        } else if (rng.nextDouble() < 0.06) {
            // newcomers balance deaths so that volumes stay flat over the window
            activeFrom = window.startDate().plusDays(rng.nextLong(daysBetween(window.startDate(), end)));
        } else {
            activeFrom = window.startDate();
        }

        List<CoverageSegment> coverage = coverage(rng, birth, activeFrom, quintile);
        List<ChronicCondition> chronic = chronic(rng, birth, age, race, activeFrom);
        Hba1cTrait trait = null;
        if (chronic.stream().anyMatch(c -> c.kind() == Kind.DIABETES)) {
            boolean poor = rng.nextDouble() < PlantedEffects.poorControlProbability(race);
            if (poor && rng.nextDouble() < 0.35) {
                trait = new Hba1cTrait(false, 0);
            } else {
                trait = new Hba1cTrait(true, poor ? 10.2 + 0.9 * rng.nextGaussian() : 6.9 + 0.6 * rng.nextGaussian());
            }
        }
        return new PatientProfile(number, birth, age, sex, race, ethnicity, language, site, quintile, zip,
                activeFrom, coverage, chronic, trait);
    }

    private static String language(RandomGenerator rng, String race, String ethnicity) {
        double l = rng.nextDouble();
        if (ethnicity.equals("hispanic-or-latino")) {
            return l < 0.55 ? "es" : "en";
        }
        if (race.equals("asian")) {
            return l < 0.25 ? "zh" : l < 0.40 ? "vi" : l < 0.47 ? "ko" : l < 0.53 ? "tl" : "en";
        }
        return l < 0.975 ? "en" : l < 0.985 ? "ar" : l < 0.993 ? "ru" : "fr";
    }

    private int pickSite(RandomGenerator rng) {
        double u = rng.nextDouble();
        for (Site site : sites) {
            u -= site.weight();
            if (u < 0) {
                return site.index();
            }
        }
        return sites.size() - 1;
    }

    /** Payer at a given age; Medicaid and being uninsured are more common in deprived neighbourhoods. */
    private static String payer(RandomGenerator rng, int age, int quintile) {
        double u = rng.nextDouble();
        if (age >= 65) {
            return u < 0.96 ? "medicare" : "commercial";
        }
        double medicaid = age < 18 ? new double[] {0.60, 0.45, 0.30, 0.15, 0.08}[quintile - 1]
                : new double[] {0.40, 0.25, 0.12, 0.06, 0.03}[quintile - 1];
        double uninsured = age < 18 ? 0.04 : new double[] {0.10, 0.07, 0.05, 0.03, 0.02}[quintile - 1];
        if (u < medicaid) {
            return "medicaid";
        }
        u -= medicaid;
        if (u < uninsured) {
            return "uninsured";
        }
        u -= uninsured;
        return u < 0.02 ? "self-pay" : u < 0.05 ? "other" : "commercial";
    }

    private List<CoverageSegment> coverage(RandomGenerator rng, LocalDate birth, LocalDate activeFrom, int quintile) {
        LocalDate end = window.endDate();
        String first = payer(rng, ageAt(birth, activeFrom), quintile);
        LocalDate start = activeFrom;
        if (activeFrom.equals(window.startDate())) {
            start = activeFrom.minusDays(rng.nextInt(8 * 365));
            if (start.isBefore(birth)) {
                start = birth;
            }
        }
        LocalDate turns65 = birth.plusYears(65);
        LocalDate change = null;
        String next = null;
        if (turns65.isAfter(activeFrom) && turns65.isBefore(end) && !first.equals("medicare")) {
            change = turns65;
            next = "medicare";
        } else if (rng.nextDouble() < 0.08) {
            LocalDate at = activeFrom.plusDays(1 + rng.nextLong(Math.max(1, daysBetween(activeFrom, end) - 1)));
            String drawn = payer(rng, ageAt(birth, at), quintile);
            if (!drawn.equals(first) && at.isBefore(end)) {
                change = at;
                next = drawn;
            }
        }
        List<CoverageSegment> out = new ArrayList<>(2);
        if (change == null) {
            addSegment(out, first, start, null);
        } else {
            addSegment(out, first, start, change.minusDays(1));
            addSegment(out, next, change, null);
        }
        return out;
    }

    private static void addSegment(List<CoverageSegment> out, String payer, LocalDate start, LocalDate end) {
        if (!payer.equals("uninsured")) {
            out.add(new CoverageSegment(payer, start, end));
        }
    }

    private List<ChronicCondition> chronic(RandomGenerator rng, LocalDate birth, int age, String race,
                                           LocalDate activeFrom) {
        List<ChronicCondition> out = new ArrayList<>(2);
        if (age < 18) {
            return out;
        }
        boolean black = race.equals("black-or-african-american");
        double diabetes = (age < 45 ? 0.04 : age < 65 ? 0.14 : 0.22) * (black ? 1.5 : 1.0);
        boolean diabetic = rng.nextDouble() < diabetes;
        if (diabetic) {
            double c = rng.nextDouble();
            String code = c < 0.05 ? "E10.9" : c < 0.62 ? "E11.9" : c < 0.82 ? "E11.65" : "E11.22";
            out.add(new ChronicCondition(Kind.DIABETES, code, onset(rng, birth, activeFrom)));
        }
        double htn = age < 35 ? 0.06 : age < 50 ? 0.18 : age < 65 ? 0.38 : age < 75 ? 0.55 : 0.65;
        if (rng.nextDouble() < htn) {
            double c = rng.nextDouble();
            String code = c < 0.88 ? "I10" : c < 0.98 ? "I11.9" : "I12.9";
            out.add(new ChronicCondition(Kind.HYPERTENSION, code, onset(rng, birth, activeFrom)));
        }
        if (age >= 40 && rng.nextDouble() < 0.004 + (diabetic ? 0.015 : 0)) {
            out.add(new ChronicCondition(Kind.ESRD, "N18.6", onset(rng, birth, activeFrom)));
        }
        double palliative = age >= 75 ? 0.03 : age >= 65 ? 0.008 : 0.001;
        if (rng.nextDouble() < palliative) {
            out.add(new ChronicCondition(Kind.PALLIATIVE, "Z51.5", onset(rng, birth, activeFrom)));
        }
        return out;
    }

    /** Mostly diagnosed before the window (no encounter); 6% are new diagnoses made at a visit in the window. */
    private LocalDate onset(RandomGenerator rng, LocalDate birth, LocalDate activeFrom) {
        LocalDate adult = birth.plusYears(18);
        LocalDate latestNew = window.endDate().minusDays(60);
        if (rng.nextDouble() >= 0.06 || !latestNew.isAfter(activeFrom)) {
            LocalDate onset = activeFrom.minusDays(60 + rng.nextInt(15 * 365));
            if (!onset.isBefore(adult)) {
                return onset;
            }
            if (adult.isBefore(activeFrom)) {
                return adult.plusDays(rng.nextLong(daysBetween(adult, activeFrom)));
            }
        }
        LocalDate from = adult.isAfter(activeFrom) ? adult : activeFrom;
        return from.isBefore(latestNew) ? from.plusDays(rng.nextLong(daysBetween(from, latestNew))) : from;
    }

    static int ageAt(LocalDate birth, LocalDate at) {
        return (int) ChronoUnit.YEARS.between(birth, at);
    }

    private static long daysBetween(LocalDate a, LocalDate b) {
        return Math.max(1, ChronoUnit.DAYS.between(a, b));
    }

    static int pick(RandomGenerator rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
