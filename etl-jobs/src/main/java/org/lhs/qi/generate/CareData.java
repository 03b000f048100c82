package org.lhs.qi.generate;

import static org.lhs.qi.generate.CanonicalFile.CONDITION;
import static org.lhs.qi.generate.CanonicalFile.MEDICATION;
import static org.lhs.qi.generate.CanonicalFile.OBSERVATION;
import static org.lhs.qi.generate.CanonicalFile.PROCEDURE;
import static org.lhs.qi.generate.Window.DAY;
import static org.lhs.qi.generate.Window.HOUR;
import static org.lhs.qi.generate.Window.timestamp;

import java.time.LocalDate;
import java.util.random.RandomGenerator;
import org.lhs.qi.generate.PatientContext.IdKind;
import org.lhs.qi.generate.PatientProfile.Kind;

/**
 * Care data for the starter library (cancer screening, depression screening, low back pain imaging, glucose and
 * insulin, ICU VTE prophylaxis, present-on-admission pressure injuries, device infections). Every draw comes from
 * the patient's separate {@code care} stream, so the rows and planted effects of the main stream are unchanged.
 * Rates are flat across sites and groups: these indicators show plausible levels, not planted signals.
 */
final class CareData {

    private static final String[] IMAGING = {"BR09ZZZ", "BR39ZZZ", "BR29ZZZ"}; // ICD-10-PCS: X-ray, MRI, CT lumbar spine
    private static final String[] BACK_PAIN = {"M54.50", "M54.59", "M54.16", "S39.012A", "M51.26"};

    private final Window window;
    private final Outputs out;

    CareData(Window window, Outputs out) {
        this.window = window;
        this.out = out;
    }

    /** At an ambulatory or virtual visit: depression screening (age 12+) and, now and then, a new low back pain. */
    void visit(PatientContext ctx, String encounterId, long visit, long limit) {
        RandomGenerator r = ctx.care;
        LocalDate day = Window.date(visit);
        int age = ctx.profile.birthDate().until(day).getYears();
        // screening is a property of the patient's care (70% of patients are screened, at the first visit of each
        // month), not a chance per visit: older patients visit more often, and a per-visit chance would plant an
        // age (and Medicare) gradient that the committee would rightly read as a disparity
        int month = day.getYear() * 12 + day.getMonthValue();
        boolean firstVisitOfMonth = month != ctx.lastScreeningMonth;
        ctx.lastScreeningMonth = month;
        if (age >= 12 && ctx.screenedForDepression == null) {
            ctx.screenedForDepression = r.nextDouble() < 0.70;
        }
        if (age >= 12 && firstVisitOfMonth && ctx.screenedForDepression) {
            double u = r.nextDouble();
            String value = u < 0.86 ? "428171000124102" : u < 0.96 ? "428181000124104" : "720834000";
            out.row(OBSERVATION, ctx.id(IdKind.OBSERVATION), ctx.patientId, encounterId, "LOINC",
                    age < 18 ? "73831-0" : "73832-8", timestamp(visit + 10 * 60), null, "SNOMED-CT", value, null,
                    "final");
            if (value.equals("428181000124104") && r.nextDouble() < 0.65) {
                out.row(PROCEDURE, ctx.id(IdKind.PROCEDURE), ctx.patientId, encounterId, "SNOMED-CT", "228557008",
                        timestamp(visit + 30 * 60), "completed");
            }
        }
        if (age >= 18 && age <= 75 && r.nextDouble() < 0.03) {
            out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, encounterId, "ICD-10-CM",
                    BACK_PAIN[r.nextInt(BACK_PAIN.length)], timestamp(visit), timestamp(visit + 42 * DAY), null,
                    "principal", "resolved");
            long imaged = visit + (1 + r.nextInt(27)) * DAY;
            if (r.nextDouble() < 0.28 && imaged < limit) {
                out.row(PROCEDURE, ctx.id(IdKind.PROCEDURE), ctx.patientId, null, "ICD-10-PCS",
                        IMAGING[r.nextInt(IMAGING.length)], timestamp(imaged), "completed");
            }
        }
    }

    /** Colorectal and breast cancer screening over the years up to {@code limit} (also before the window). */
    void screeningHistory(PatientContext ctx, long limit) {
        RandomGenerator r = ctx.care;
        PatientProfile p = ctx.profile;
        long earliest = Window.epoch(p.birthDate().plusYears(40));
        if (p.ageAtEnd() >= 45) {
            double u = r.nextDouble();
            if (u < 0.50) { // colonoscopy in the 10 years before the end
                long at = Math.max(earliest, limit - (long) (r.nextDouble() * 3650) * DAY);
                if (at < limit) {
                    out.row(PROCEDURE, ctx.id(IdKind.PROCEDURE), ctx.patientId, null, "SNOMED-CT", "367535003",
                            timestamp(at), "completed");
                }
            } else if (u < 0.70) { // yearly stool test, sometimes missed
                for (long at = window.start() - 400 * DAY + r.nextInt(300) * DAY; at < limit; at += (330 + r.nextInt(90)) * DAY) {
                    if (at >= earliest && r.nextDouble() < 0.8) {
                        out.row(OBSERVATION, ctx.id(IdKind.OBSERVATION), ctx.patientId, null, "LOINC", "2335-8",
                                timestamp(at), null, "SNOMED-CT", "260385009", null, "final");
                    }
                }
            }
            if (r.nextDouble() < 0.004) {
                out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, null, "ICD-10-CM", "C18.7",
                        timestamp(window.start() - r.nextInt(2000) * DAY), null, null, null, "active");
            }
        }
        if (p.sex().equals("female") && p.ageAtEnd() >= 41 && r.nextDouble() < 0.74) { // biennial mammography
            for (long at = window.start() - 700 * DAY + r.nextInt(365) * DAY; at < limit; at += (540 + r.nextInt(240)) * DAY) {
                if (at >= earliest) {
                    out.row(OBSERVATION, ctx.id(IdKind.OBSERVATION), ctx.patientId, null, "LOINC", "24606-6",
                            timestamp(at), null, null, null, null, "final");
                }
            }
        }
    }

    /**
     * An inpatient stay: insulin and glucose checks for diabetics (a few severe lows), VTE prophylaxis on ICU
     * transfer, and the odd pressure injury present on admission.
     */
    void stay(PatientContext ctx, String encounterId, long admit, long stop, boolean adult, long icuStart) {
        RandomGenerator r = ctx.care;
        if (adult && ctx.profile.has(Kind.DIABETES, Window.date(admit))) {
            boolean low = r.nextDouble() < 0.04;
            int lowDay = (int) ((stop - admit) / DAY) > 0 ? r.nextInt((int) ((stop - admit) / DAY) + 1) : 0;
            for (long t = admit + 2 * HOUR, d = 0; t < stop; t += DAY, d++) {
                out.row(MEDICATION, ctx.id(IdKind.MEDICATION), ctx.patientId, encounterId, "administration", "RxNorm",
                        "1652639", timestamp(t), null, "completed"); // insulin lispro pen
                if (t + 4 * HOUR < stop) {
                    long value = low && d == lowDay ? 28 + r.nextInt(12) : Math.round(Math.max(55, 150 + 40 * r.nextGaussian()));
                    out.row(OBSERVATION, ctx.id(IdKind.OBSERVATION), ctx.patientId, encounterId, "LOINC", "2345-7",
                            timestamp(t + 4 * HOUR), Long.toString(value), null, null, "mg/dL", "final");
                }
            }
        }
        if (adult && icuStart > admit && r.nextDouble() < 0.75 && icuStart + 3 * HOUR < stop) {
            out.row(MEDICATION, ctx.id(IdKind.MEDICATION), ctx.patientId, encounterId, "administration", "RxNorm",
                    "67108", timestamp(icuStart + 3 * HOUR), null, "completed"); // enoxaparin on ICU transfer
        }
        if (adult && r.nextDouble() < 0.012) {
            out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, encounterId, "ICD-10-CM", "L89.153",
                    timestamp(admit), null, "Y", "secondary", "active");
        }
    }

    /** Device-associated infections: about 1.5 per 1,000 central-line days and 2 per 1,000 catheter days. */
    void deviceInfection(PatientContext ctx, String encounterId, String type, long start, long end) {
        double perDay = switch (type) {
            case "central-line" -> 0.0015;
            case "urinary-catheter" -> 0.002;
            default -> 0;
        };
        double days = (end - start) / (double) DAY;
        if (perDay > 0 && days > 2 && ctx.care.nextDouble() < perDay * days) {
            long at = start + 2 * DAY + (long) (ctx.care.nextDouble() * (end - start - 2 * DAY));
            out.row(CONDITION, ctx.id(IdKind.CONDITION), ctx.patientId, encounterId, "ICD-10-CM",
                    type.equals("central-line") ? "T80.211A" : "T83.511A", timestamp(at), null, "N", "secondary",
                    "active");
        }
    }
}
