package org.lhs.qi.generate;

import static org.lhs.qi.generate.CanonicalFile.CONDITION;
import static org.lhs.qi.generate.CanonicalFile.COVERAGE;
import static org.lhs.qi.generate.CanonicalFile.ENCOUNTER;
import static org.lhs.qi.generate.CanonicalFile.MEDICATION;
import static org.lhs.qi.generate.CanonicalFile.OBSERVATION;
import static org.lhs.qi.generate.CanonicalFile.PATIENT;
import static org.lhs.qi.generate.Window.DAY;
import static org.lhs.qi.generate.Window.HOUR;
import static org.lhs.qi.generate.Window.timestamp;

import java.time.LocalDate;
import java.util.List;
import org.lhs.qi.generate.PatientContext.Deferred;
import org.lhs.qi.generate.PatientContext.IdKind;
import org.lhs.qi.generate.PatientProfile.ChronicCondition;
import org.lhs.qi.generate.PatientProfile.CoverageSegment;
import org.lhs.qi.generate.PatientProfile.Kind;

/** Simulates one patient's timeline (admissions, emergency and ambulatory visits, death) and writes all its rows. */
final class PatientSimulator {

    /** Admissions per day for a reference patient (50–64, no chronic disease); tuned for ~150 discharges/site/month. */
    static final double BASE_ADMISSION_RATE = 0.0042;
    /** Planned share of discharges followed by a readmission within 30 days (flat across patients). */
    static final double READMISSION = 0.135;
    static final double EMERGENCY_RATE = 0.0008;

    private final Window window;
    private final List<Site> sites;
    private final PlantedEffects effects;
    private final Outputs out;
    private final InpatientStays stays;
    private final CareData care;

    PatientSimulator(Window window, List<Site> sites, PlantedEffects effects, Outputs out) {
        this.window = window;
        this.sites = sites;
        this.effects = effects;
        this.out = out;
        this.stays = new InpatientStays(window, sites, effects, out);
        this.care = new CareData(window, out);
    }

    void simulate(PatientContext ctx) {
        PatientProfile p = ctx.profile;
        long activeStart = Window.epoch(p.activeFrom());
        double mortality = (p.ageAtEnd() < 50 ? 0.0005 : p.ageAtEnd() < 65 ? 0.002 : p.ageAtEnd() < 75 ? 0.006 : 0.02)
                * (p.hasEver(Kind.PALLIATIVE) ? 5 : 1) * (p.hasEver(Kind.ESRD) ? 3 : 1);
        long death = activeStart + (long) (ctx.rng.nextExponential() * 365 / mortality * DAY);
        ctx.death = death < window.end() ? death : Long.MAX_VALUE;

        admissions(ctx, activeStart);
        long limit = Math.min(window.end(), ctx.death);
        emergencies(ctx, activeStart, limit);
        String[] diagnosingVisit = new String[p.chronic().size()];
        long[] diagnosingTime = new long[p.chronic().size()];
        ambulatory(ctx, activeStart, limit, diagnosingVisit, diagnosingTime);

        LocalDate deathDate = ctx.death == Long.MAX_VALUE ? null : Window.date(ctx.death);
        out.row(PATIENT, ctx.patientId, p.birthDate().toString(), deathDate == null ? null : deathDate.toString(),
                p.sex(), p.race(), p.ethnicity(), p.language(), p.zip(), Integer.toString(p.quintile()),
                p.site().id());
        for (CoverageSegment c : p.coverage()) {
            if (deathDate != null && c.start().isAfter(deathDate)) {
                continue;
            }
            LocalDate end = deathDate != null && (c.end() == null || c.end().isAfter(deathDate)) ? deathDate : c.end();
            out.row(COVERAGE, ctx.id(IdKind.COVERAGE), ctx.patientId, c.payer(), c.start().toString(),
                    end == null ? null : end.toString());
        }
        for (int i = 0; i < p.chronic().size(); i++) {
            ChronicCondition c = p.chronic().get(i);
            long onset = diagnosingVisit[i] != null ? diagnosingTime[i] : Window.epoch(c.onset());
            out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, diagnosingVisit[i], "ICD-10-CM", c.code(),
                    timestamp(onset), null, null, null, "active");
        }
        care.screeningHistory(ctx, Math.min(limit, ctx.death));
        for (Deferred d : ctx.surveys) {
            if (d.time() < limit && d.time() < ctx.death) {
                out.row(d.file(), d.values());
            }
        }
    }

    /** Poisson admissions with a 30-day gap after each discharge, so readmissions come only from the planned share. */
    private void admissions(PatientContext ctx, long activeStart) {
        PatientProfile p = ctx.profile;
        int age = p.ageAtEnd();
        double ageFactor = age < 18 ? 0.25 : age < 35 ? 0.4 : age < 50 ? 0.6 : age < 65 ? 1.0 : age < 75 ? 1.8 : 2.8;
        double chronicFactor = 1 + (p.hasEver(Kind.DIABETES) ? 0.5 : 0) + (p.hasEver(Kind.HYPERTENSION) ? 0.4 : 0)
                + (p.hasEver(Kind.ESRD) ? 2 : 0) + (p.hasEver(Kind.PALLIATIVE) ? 1 : 0);
        double perDay = BASE_ADMISSION_RATE * ageFactor * chronicFactor;
        long next = activeStart + waitSeconds(ctx, perDay);
        while (next < window.end() && next < ctx.death) {
            long discharge = stays.write(ctx, next);
            if (discharge < 0 || ctx.death < Long.MAX_VALUE) {
                return;
            }
            if (ctx.chance(READMISSION)) {
                int days = 1 + (int) (29 * Math.pow(ctx.rng.nextDouble(), 1.6));
                next = discharge + days * DAY - ctx.rng.nextLong(8 * HOUR);
            } else {
                next = discharge + 30 * DAY + waitSeconds(ctx, perDay);
            }
        }
    }

    private void emergencies(PatientContext ctx, long activeStart, long limit) {
        PatientProfile p = ctx.profile;
        double perDay = EMERGENCY_RATE * (p.ageAtEnd() < 18 ? 1.2 : p.ageAtEnd() >= 75 ? 1.5 : 1.0);
        var rng = ctx.rng;
        for (long t = activeStart + waitSeconds(ctx, perDay); t < limit; t += waitSeconds(ctx, perDay)) {
            long observationEnd = t + 20 * HOUR + rng.nextLong(20 * HOUR);
            boolean observation = ctx.chance(0.08) && p.adultAt(Window.date(t));
            long end = observation ? observationEnd : t + 2 * HOUR + rng.nextLong(6 * HOUR);
            if (end >= limit || ctx.busy(t) || ctx.busy(end)) {
                continue;
            }
            String site = ctx.chance(0.8) ? p.site().id() : sites.get(rng.nextInt(sites.size())).id();
            if (observation) {
                out.row(ENCOUNTER, ctx.id(IdKind.ENCOUNTER), ctx.patientId, site, "observation", "MED", timestamp(t),
                        timestamp(end), "home");
            } else {
                double u = rng.nextDouble();
                String disposition = u < 0.92 ? "home" : u < 0.95 ? "ama" : u < 0.97 ? "transfer" : "other";
                out.row(ENCOUNTER, ctx.id(IdKind.ENCOUNTER), ctx.patientId, site, "emergency", "ED", timestamp(t),
                        timestamp(end), disposition);
            }
        }
    }

    /** Chronic patients are seen every 1–4 months (15% virtual), others have a yearly check-up 60% of the time. */
    private void ambulatory(PatientContext ctx, long activeStart, long limit, String[] diagnosingVisit,
                            long[] diagnosingTime) {
        PatientProfile p = ctx.profile;
        var rng = ctx.rng;
        boolean checkups = ctx.chance(0.6);
        LocalDate firstOnset = null;
        for (ChronicCondition c : p.chronic()) {
            firstOnset = firstOnset == null || c.onset().isBefore(firstOnset) ? c.onset() : firstOnset;
        }
        boolean[] medsStarted = new boolean[4];
        long lastHba1c = Long.MIN_VALUE / 2; // halved: visit - lastHba1c must not overflow
        long t = activeStart + rng.nextLong(firstOnset != null && !firstOnset.isAfter(p.activeFrom()) ? 90 * DAY
                : 365 * DAY);
        while (t < limit) {
            LocalDate day = weekday(Window.date(t));
            long visit = Window.epoch(day) + 8 * HOUR + rng.nextLong(9 * HOUR);
            boolean chronicNow = firstOnset != null && !firstOnset.isAfter(day);
            if (visit >= limit) {
                break;
            }
            if (ctx.busy(visit)) {
                t = visit + (3 + rng.nextInt(8)) * DAY;
                continue;
            }
            if (!chronicNow && !checkups) {
                if (firstOnset == null || Window.epoch(firstOnset) >= limit) {
                    break;
                }
                t = Math.max(visit + DAY, Window.epoch(firstOnset));
                continue;
            }
            boolean virtual = chronicNow && ctx.chance(0.15);
            String encounterId = ctx.id(IdKind.ENCOUNTER);
            out.row(ENCOUNTER, encounterId, ctx.patientId, p.site().id(), virtual ? "virtual" : "ambulatory", null,
                    timestamp(visit), timestamp(visit + 20 * 60 + rng.nextLong(40 * 60)), null);
            for (int i = 0; i < p.chronic().size(); i++) {
                ChronicCondition c = p.chronic().get(i);
                if (diagnosingVisit[i] == null && !c.onset().isBefore(p.activeFrom())
                        && !c.onset().isBefore(window.startDate()) && !c.onset().isAfter(day)) {
                    diagnosingVisit[i] = encounterId;
                    diagnosingTime[i] = visit;
                }
            }
            medications(ctx, encounterId, visit, day, medsStarted);
            care.visit(ctx, encounterId, visit, limit);
            if (!virtual) {
                bloodPressure(ctx, encounterId, visit + 5 * 60, day);
                if (p.has(Kind.DIABETES, day) && p.hba1c().tested() && visit - lastHba1c >= 80 * DAY
                        && ctx.chance(0.85)) {
                    lastHba1c = visit;
                    double value = Math.max(4.8, Math.min(15.0, p.hba1c().mean() + 0.5 * rng.nextGaussian()));
                    String code = ctx.chance(0.05) ? "17856-6" : "4548-4";
                    observation(ctx, encounterId, code, visit + 15 * 60, tenths(value), "%");
                }
            }
            t = visit + (chronicNow ? 30 + rng.nextInt(91) : 330 + rng.nextInt(71)) * DAY;
        }
    }

    private void bloodPressure(PatientContext ctx, String encounterId, long at, LocalDate day) {
        PatientProfile p = ctx.profile;
        if (!p.adultAt(day)) {
            return;
        }
        var rng = ctx.rng;
        boolean hypertensive = p.has(Kind.HYPERTENSION, day);
        if (!ctx.chance(hypertensive ? 0.9 : 0.6)) {
            return;
        }
        int systolic;
        int diastolic;
        if (!hypertensive) {
            systolic = (int) Math.round(Math.max(92, Math.min(138, 118 + 9 * rng.nextGaussian())));
            diastolic = (int) Math.round(Math.max(56, Math.min(88, 75 + 7 * rng.nextGaussian())));
        } else if (ctx.chance(effects.bpControlProbability(p.site().index(), window.monthIndex(at)))) {
            systolic = 112 + rng.nextInt(28);
            diastolic = 62 + rng.nextInt(28);
        } else if (ctx.chance(0.75)) {
            systolic = 140 + (int) Math.abs(14 * rng.nextGaussian());
            diastolic = 72 + rng.nextInt(26);
        } else {
            systolic = 122 + rng.nextInt(18);
            diastolic = 90 + rng.nextInt(12);
        }
        observation(ctx, encounterId, "8480-6", at, Integer.toString(systolic), "mm[Hg]");
        observation(ctx, encounterId, "8462-4", at, Integer.toString(diastolic), "mm[Hg]");
    }

    /** Chronic medication orders at the first visit after diagnosis, and occasional dispenses later. */
    private void medications(PatientContext ctx, String encounterId, long at, LocalDate day, boolean[] started) {
        PatientProfile p = ctx.profile;
        if (p.has(Kind.DIABETES, day)) {
            boolean type1 = p.chronic().stream().anyMatch(c -> c.code().equals("E10.9"));
            boolean insulin = type1 || (p.hba1c().tested() && p.hba1c().mean() > 9 && ctx.profile.number() % 3 == 0);
            medication(ctx, encounterId, at, started, 0, type1 ? null : "6809"); // metformin
            medication(ctx, encounterId, at, started, 1, insulin ? "274783" : null); // insulin glargine
        }
        if (p.has(Kind.HYPERTENSION, day)) {
            medication(ctx, encounterId, at, started, 2, "29046"); // lisinopril
            medication(ctx, encounterId, at, started, 3, p.number() % 3 == 1 ? "17767" : null); // amlodipine
        }
    }

    private void medication(PatientContext ctx, String encounterId, long at, boolean[] started, int slot,
                            String rxnorm) {
        if (rxnorm == null) {
            return;
        }
        if (!started[slot]) {
            started[slot] = true;
            out.row(MEDICATION, ctx.id(IdKind.MEDICATION), ctx.patientId, encounterId, "order", "RxNorm", rxnorm,
                    timestamp(at), null, "active");
        } else if (ctx.chance(0.2)) {
            out.row(MEDICATION, ctx.id(IdKind.MEDICATION), ctx.patientId, encounterId, "dispense", "RxNorm", rxnorm,
                    timestamp(at + 2 * HOUR), null, "completed");
        }
    }

    private void observation(PatientContext ctx, String encounterId, String loinc, long at, String value, String unit) {
        out.row(OBSERVATION, ctx.id(IdKind.OBSERVATION), ctx.patientId, encounterId, "LOINC", loinc, timestamp(at),
                value, null, null, unit, "final");
    }

    private static long waitSeconds(PatientContext ctx, double perDay) {
        return (long) (ctx.rng.nextExponential() / perDay * DAY);
    }

    private static LocalDate weekday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.plusDays(2);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static String tenths(double v) {
        long t = Math.round(v * 10);
        return (t / 10) + "." + (t % 10);
    }
}
