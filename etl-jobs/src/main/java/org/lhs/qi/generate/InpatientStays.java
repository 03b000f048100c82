package org.lhs.qi.generate;

import static org.lhs.qi.generate.CanonicalFile.CONDITION;
import static org.lhs.qi.generate.CanonicalFile.DEVICE_EPISODE;
import static org.lhs.qi.generate.CanonicalFile.ENCOUNTER;
import static org.lhs.qi.generate.CanonicalFile.MEDICATION;
import static org.lhs.qi.generate.CanonicalFile.PROCEDURE;
import static org.lhs.qi.generate.CanonicalFile.SAFETY_EVENT;
import static org.lhs.qi.generate.CanonicalFile.SURVEY_RESPONSE;
import static org.lhs.qi.generate.CanonicalFile.UNIT_STAY;
import static org.lhs.qi.generate.Window.DAY;
import static org.lhs.qi.generate.Window.HOUR;
import static org.lhs.qi.generate.Window.timestamp;

import java.util.ArrayList;
import java.util.List;
import org.lhs.qi.generate.PatientContext.Deferred;
import org.lhs.qi.generate.PatientContext.IdKind;
import org.lhs.qi.generate.PatientProfile.ChronicCondition;

/**
 * Writes one inpatient stay: the encounter (with a preceding emergency visit for most unplanned admissions), its unit
 * stays, diagnoses, procedures, devices, VTE prophylaxis, safety events and a patient-experience survey.
 */
final class InpatientStays {

    /** Principal diagnosis, admitting unit, optional ICD-10-PCS procedure and whether the admission is planned. */
    private record Dx(String code, double weight, String unit, String procedure, boolean elective) {
    }

    private static final List<Dx> ADULT = List.of(
            new Dx("J18.9", 12, "MED", null, false), new Dx("I50.9", 10, "MED", null, false),
            new Dx("A41.9", 8, "ICU", null, false), new Dx("J44.1", 6, "MED", null, false),
            new Dx("N39.0", 6, "MED", null, false), new Dx("I21.4", 5, "ICU", null, false),
            new Dx("I63.9", 5, "MED", null, false), new Dx("L03.90", 5, "MED", null, false),
            new Dx("K57.92", 4, "SURG", null, false), new Dx("K35.80", 4, "SURG", "0DTJ4ZZ", false),
            new Dx("K80.20", 4, "SURG", "0FT44ZZ", true), new Dx("S72.001A", 4, "ORTHO", "0SR9019", false),
            new Dx("M17.11", 4, "ORTHO", "0SRC0J9", true), new Dx("N17.9", 4, "MED", null, false),
            new Dx("K92.2", 4, "MED", null, false));
    private static final List<Dx> CHILD = List.of(
            new Dx("J21.9", 4, "PEDS", null, false), new Dx("J45.901", 4, "PEDS", null, false),
            new Dx("A08.4", 3, "PEDS", null, false), new Dx("K35.80", 2, "SURG", "0DTJ4ZZ", false));
    private static final double[] ADULT_WEIGHTS = ADULT.stream().mapToDouble(Dx::weight).toArray();
    private static final double[] CHILD_WEIGHTS = CHILD.stream().mapToDouble(Dx::weight).toArray();

    private record Segment(String unit, long start, long end) {
    }

    private final Window window;
    private final List<Site> sites;
    private final PlantedEffects effects;
    private final Outputs out;
    private final CareData care;

    InpatientStays(Window window, List<Site> sites, PlantedEffects effects, Outputs out) {
        this.window = window;
        this.sites = sites;
        this.effects = effects;
        this.out = out;
        this.care = new CareData(window, out);
    }

    /** Start of the stay's ICU segment, or -1. */
    private static long icuStart(List<Segment> segments, long admit) {
        return segments.stream().filter(s -> s.unit().equals("ICU")).mapToLong(Segment::start).findFirst().orElse(-1);
    }

    /**
     * Writes a stay admitted at {@code admit}.
     *
     * @return the discharge instant, or -1 when the patient is still in hospital at the end date or died
     */
    long write(PatientContext ctx, long admit) {
        PatientProfile p = ctx.profile;
        var rng = ctx.rng;
        Site site = ctx.chance(0.85) || sites.size() == 1 ? p.site()
                : sites.get((p.site().index() + 1 + rng.nextInt(sites.size() - 1)) % sites.size());
        boolean adult = p.adultAt(Window.date(admit));
        Dx dx = adult ? ADULT.get(PatientFactory.pick(rng, ADULT_WEIGHTS))
                : CHILD.get(PatientFactory.pick(rng, CHILD_WEIGHTS));
        if (dx.elective()) {
            admit = Window.epoch(Window.date(admit)) + 6 * HOUR + rng.nextLong(3 * HOUR);
        }
        int los = dx.elective() ? 1 + rng.nextInt(3) : 1 + Math.min(13, geometric(ctx, 4.0));
        long discharge = Window.epoch(Window.date(admit).plusDays(los)) + 10 * HOUR + rng.nextLong(8 * HOUR);
        boolean ongoing = discharge >= window.end();
        String encounterId = ctx.id(IdKind.ENCOUNTER);

        if (!dx.elective() && ctx.chance(0.6) && admit - 8 * HOUR >= Window.epoch(p.activeFrom())) {
            long edStart = admit - 2 * HOUR - rng.nextLong(6 * HOUR);
            out.row(ENCOUNTER, ctx.id(IdKind.ENCOUNTER), ctx.patientId, site.id(), "emergency", "ED",
                    timestamp(edStart), timestamp(admit), null);
        }

        String disposition = null;
        if (!ongoing) {
            if (ctx.death <= discharge) {
                disposition = "expired";
            } else {
                disposition = disposition(ctx, p.ageAtEnd() >= 65);
            }
            if (disposition.equals("expired")) {
                ctx.death = discharge;
            } else if (disposition.equals("hospice")) {
                ctx.death = Math.min(ctx.death, discharge + (1 + rng.nextInt(45)) * DAY);
            }
        }
        long stop = ongoing ? window.end() : discharge;
        List<Segment> segments = segments(ctx, dx.unit(), admit, stop);
        out.row(ENCOUNTER, encounterId, ctx.patientId, site.id(), "inpatient", segments.getLast().unit(),
                timestamp(admit), ongoing ? null : timestamp(discharge), disposition);
        for (Segment s : segments) {
            boolean last = s == segments.getLast();
            out.row(UNIT_STAY, ctx.id(IdKind.UNIT_STAY), encounterId, s.unit(), timestamp(s.start()),
                    last && ongoing ? null : timestamp(s.end()));
        }
        diagnoses(ctx, encounterId, dx, admit, ongoing ? -1 : discharge);
        if (dx.procedure() != null) {
            long at = admit + 4 * HOUR + rng.nextLong(20 * HOUR);
            if (at < stop) {
                out.row(PROCEDURE, ctx.id(IdKind.PROCEDURE), ctx.patientId, encounterId, "ICD-10-PCS",
                        dx.procedure(), timestamp(at), "completed");
            }
        }
        for (Segment s : segments) {
            devices(ctx, encounterId, s, ongoing && s == segments.getLast());
        }
        if (adult && ctx.chance(0.5)) {
            String drug = ctx.chance(0.8) ? "67108" : "5224"; // enoxaparin, heparin
            long start = admit + 3 * HOUR;
            if (start < stop) {
                out.row(MEDICATION, ctx.id(IdKind.MEDICATION), ctx.patientId, encounterId, "order", "RxNorm", drug,
                        timestamp(start), ongoing ? null : timestamp(discharge), ongoing ? "active" : "completed");
                if (start + HOUR < stop) {
                    out.row(MEDICATION, ctx.id(IdKind.MEDICATION), ctx.patientId, encounterId, "administration",
                            "RxNorm", drug, timestamp(start + HOUR), null, "completed");
                }
            }
        }
        care.stay(ctx, encounterId, admit, stop, adult, icuStart(segments, admit));
        safetyEvents(ctx, encounterId, site, segments, admit, los, stop);
        if (!ongoing && "home".equals(disposition) && ctx.chance(0.2)) {
            survey(ctx, encounterId, site, discharge + (14 + rng.nextInt(29)) * DAY + rng.nextLong(10 * HOUR));
        }
        ctx.stays.add(new long[] {admit, stop});
        return ongoing || ctx.death <= discharge ? -1 : discharge;
    }

    private static int geometric(PatientContext ctx, double mean) {
        double p = 1.0 / (1.0 + mean);
        return (int) Math.floor(Math.log(1.0 - ctx.rng.nextDouble()) / Math.log(1.0 - p));
    }

    /** Discharge disposition; outcomes other than SNF do not depend on demographics (no unplanted disparity). */
    private static String disposition(PatientContext ctx, boolean senior) {
        double u = ctx.rng.nextDouble();
        if ((u -= 0.006) < 0) {
            return "expired";
        }
        if ((u -= 0.006) < 0) {
            return "hospice";
        }
        if ((u -= 0.03) < 0) {
            return "transfer";
        }
        if ((u -= 0.02) < 0) {
            return "ama";
        }
        if ((u -= 0.01) < 0) {
            return "other";
        }
        return u < (senior ? 0.14 : 0.03) ? "snf" : "home";
    }

    /** ICU patients step down to MED; a few MED patients deteriorate to ICU. */
    private static List<Segment> segments(PatientContext ctx, String unit, long admit, long stop) {
        List<Segment> out = new ArrayList<>(2);
        long span = stop - admit;
        String next = switch (unit) {
            case "ICU" -> span > DAY && ctx.chance(0.85) ? "MED" : null;
            case "MED" -> span > DAY && ctx.chance(0.06) ? "ICU" : null;
            default -> null;
        };
        if (next == null) {
            out.add(new Segment(unit, admit, stop));
        } else {
            long at = admit + (long) (span * ctx.uniform(0.3, 0.6));
            at -= at % HOUR;
            if (at <= admit) {
                at = admit + HOUR;
            }
            out.add(new Segment(unit, admit, at));
            out.add(new Segment(next, at, stop));
        }
        return out;
    }

    private void diagnoses(PatientContext ctx, String encounterId, Dx dx, long admit, long discharge) {
        boolean done = discharge >= 0;
        out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, encounterId, "ICD-10-CM", dx.code(),
                timestamp(admit), done ? timestamp(discharge) : null, "Y", "principal", done ? "resolved" : "active");
        for (ChronicCondition c : ctx.profile.chronic()) {
            if (!c.onset().isAfter(Window.date(admit))) {
                out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, encounterId, "ICD-10-CM", c.code(),
                        timestamp(admit), null, "Y", "secondary", "active");
            }
        }
    }

    private void devices(PatientContext ctx, String encounterId, Segment s, boolean open) {
        double line;
        double catheter;
        double vent;
        switch (s.unit()) {
            case "ICU" -> { line = 0.6; catheter = 0.7; vent = 0.3; }
            case "SURG", "ORTHO" -> { line = 0.05; catheter = 0.4; vent = 0; }
            case "MED" -> { line = 0.08; catheter = 0.1; vent = 0; }
            default -> { line = 0.02; catheter = 0.02; vent = 0; }
        }
        device(ctx, encounterId, s, open, "central-line", line, "02HV33Z");
        device(ctx, encounterId, s, open, "urinary-catheter", catheter, null);
        device(ctx, encounterId, s, open, "ventilator", vent, "5A1945Z");
    }

    private void device(PatientContext ctx, String encounterId, Segment s, boolean open, String type, double p,
                        String procedure) {
        if (!ctx.chance(p)) {
            return;
        }
        long start = s.start() + ctx.rng.nextLong(2 * HOUR);
        long end = start + (long) ((s.end() - start) * ctx.uniform(0.4, 0.95));
        if (end <= start) {
            return;
        }
        boolean stillIn = open && ctx.chance(0.5);
        out.row(DEVICE_EPISODE, ctx.id(IdKind.DEVICE), ctx.patientId, encounterId, type, timestamp(start),
                stillIn ? null : timestamp(end));
        care.deviceInfection(ctx, encounterId, type, start, stillIn ? s.end() : end);
        if (procedure != null) {
            out.row(PROCEDURE, ctx.id(IdKind.PROCEDURE), ctx.patientId, encounterId, "ICD-10-PCS", procedure,
                    timestamp(start), "completed");
        }
    }

    /** One Bernoulli draw per event type and patient-day; rates are constant except the planted falls spike. */
    private void safetyEvents(PatientContext ctx, String encounterId, Site site, List<Segment> segments, long admit,
                              int los, long stop) {
        var rng = ctx.rng;
        for (int day = 0; day < los; day++) {
            long t = admit + day * DAY + rng.nextLong(DAY);
            double uFall = rng.nextDouble();
            double uPressure = rng.nextDouble();
            double uMed = rng.nextDouble();
            double uOther = rng.nextDouble();
            if (t >= stop) {
                continue;
            }
            String unit = unitAt(segments, t);
            int month = window.monthIndex(t);
            if (uFall < effects.fallRate(site.index(), month)) {
                String harm = ctx.chance(effects.fallInjuryShare(site.index(), month))
                        ? pickHarm(ctx, new String[] {"mild", "moderate", "severe"}, new double[] {0.65, 0.28, 0.07})
                        : "none";
                event(ctx, encounterId, site, unit, "fall", harm, t);
            }
            if (uPressure < 0.0012 * (unit.equals("ICU") ? 2.5 : 1.0)) {
                String harm = pickHarm(ctx, new String[] {"mild", "moderate", "severe"}, new double[] {0.6, 0.35, 0.05});
                event(ctx, encounterId, site, unit, "pressure-injury", harm, t);
                out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, encounterId, "ICD-10-CM", "L89.152",
                        timestamp(t), null, "N", "secondary", "active");
            }
            if (uMed < 0.003) {
                event(ctx, encounterId, site, unit, "medication-error", pickHarm(ctx,
                        new String[] {"near-miss", "none", "mild", "moderate"}, new double[] {0.4, 0.45, 0.12, 0.03}), t);
            }
            if (uOther < 0.001) {
                String harm = pickHarm(ctx, new String[] {"near-miss", "none", "mild"}, new double[] {0.6, 0.3, 0.1});
                boolean anonymous = harm.equals("near-miss") && ctx.chance(0.4);
                out.row(SAFETY_EVENT, ctx.id(IdKind.SAFETY), anonymous ? null : ctx.patientId,
                        anonymous ? null : encounterId, site.id(), unit, "other", harm, timestamp(t));
            }
        }
    }

    private void event(PatientContext ctx, String encounterId, Site site, String unit, String type, String harm,
                       long t) {
        out.row(SAFETY_EVENT, ctx.id(IdKind.SAFETY), ctx.patientId, encounterId, site.id(), unit, type, harm,
                timestamp(t));
    }

    private static String pickHarm(PatientContext ctx, String[] levels, double[] weights) {
        return levels[PatientFactory.pick(ctx.rng, weights)];
    }

    private static String unitAt(List<Segment> segments, long t) {
        for (Segment s : segments) {
            if (t < s.end()) {
                return s.unit();
            }
        }
        return segments.getLast().unit();
    }

    /** HCAHPS-like items; answers are independent of patient characteristics. */
    private static void survey(PatientContext ctx, String encounterId, Site site, long at) {
        var rng = ctx.rng;
        int rating = Math.max(0, Math.min(10, (int) Math.round(8.6 + 1.4 * rng.nextGaussian())));
        String[] recommend = {"definitely-yes", "probably-yes", "probably-no", "definitely-no"};
        String[] frequency = {"always", "usually", "sometimes", "never"};
        ctx.surveys.add(new Deferred(at, SURVEY_RESPONSE, new String[] {ctx.id(IdKind.SURVEY), ctx.patientId,
            encounterId, site.id(), "HCAHPS", "overall-rating", Integer.toString(rating), null, timestamp(at)}));
        ctx.surveys.add(new Deferred(at, SURVEY_RESPONSE, new String[] {ctx.id(IdKind.SURVEY), ctx.patientId,
            encounterId, site.id(), "HCAHPS", "recommend-hospital", null,
            recommend[PatientFactory.pick(rng, new double[] {0.70, 0.22, 0.05, 0.03})], timestamp(at)}));
        ctx.surveys.add(new Deferred(at, SURVEY_RESPONSE, new String[] {ctx.id(IdKind.SURVEY), ctx.patientId,
            encounterId, site.id(), "HCAHPS", "nurse-communication", null,
            frequency[PatientFactory.pick(rng, new double[] {0.78, 0.16, 0.05, 0.01})], timestamp(at)}));
    }
}
