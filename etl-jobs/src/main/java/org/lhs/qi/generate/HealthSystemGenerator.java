package org.lhs.qi.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a deterministic synthetic health system as canonical CSV extract files (one per warehouse table).
 *
 * <p><b>Determinism and scale.</b> Each patient is simulated on its own {@link SplittableRandom} seeded from the
 * settings' seed and the patient number, patients are written in number order, and no hash-ordered collection
 * reaches the output: the same settings give byte-identical files. Rows are streamed patient by patient, so memory
 * does not grow with the number of patients (and patients could later be generated in parallel chunks).
 *
 * <p><b>Population.</b> Ages 0–95 at the end date (18% children, 24% 65+), 51% female; race white 60%, Black 13%,
 * Asian 6%, American Indian 1%, Pacific Islander 0.3%, other 13%, unknown 7%; Hispanic 18%; language mostly
 * {@code en}, {@code es} for half of Hispanic patients, {@code zh/vi/ko/tl} for some Asian patients. Sites S01…
 * ("North General", "East Community", "South Medical Center", "West Valley", then "Site n") with decreasing patient
 * shares; ZIPs belong to the attributed site's area and map to a deprivation quintile. Payer depends on age (65+
 * Medicare) and deprivation (Medicaid and being uninsured are more common in quintile 1); 8% change payer during the
 * window and everybody turning 65 moves to Medicare. About 6% of adults register during the window so that
 * arrivals balance deaths and volumes stay flat.
 *
 * <p><b>Chronic disease.</b> Diabetes in ~12% of adults rising with age (E11.9/E11.65/E11.22, 5% E10.9), 1.5x as
 * prevalent among Black patients; hypertension in ~30% of adults rising with age (I10/I11.9/I12.9); a few ESRD
 * (N18.6) and palliative care (Z51.5) patients. Chronic patients are seen every 1–4 months (15% virtual visits),
 * others have a yearly check-up 60% of the time. Blood pressure (8480-6/8462-4, mm[Hg]) is taken at 90% of in-person
 * visits of hypertensive patients (60% for other adults); HbA1c (4548-4, 5% 17856-6, %) at most visits of
 * diabetics at least 80 days after the previous test. Diabetics start metformin/insulin, hypertensive patients
 * lisinopril/amlodipine (orders, occasional dispenses).
 *
 * <p><b>Hospital.</b> Admissions arrive as a Poisson process whose rate rises with age and chronic disease (roughly
 * 120–200 discharges per site per month at 5,000 patients), 85% at the attributed site; 60% of unplanned admissions
 * come through the emergency department; length of stay 1–14 days (mean about 4.5); ICU patients step down to MED,
 * a few MED patients go to ICU; dispositions home, snf, transfer, hospice, expired, ama, other. After each discharge
 * 13.5% are readmitted within 30 days (the only source of 30-day readmissions). Stays still open at the end date
 * have no discharge time. Safety events per patient-day: falls 3.5/1,000 (30% with injury), pressure injuries
 * 1.2/1,000 (x2.5 in ICU), medication errors 3/1,000, other incidents 1/1,000 (mostly near misses), each placed in
 * the unit occupied at the time. Devices mostly in ICU; HCAHPS-like surveys after 20% of home discharges.
 *
 * <p><b>Planted effects</b> (magnitudes in {@code PlantedEffects} and {@link GenerationSummary#plantedEffects()}): an HbA1c poor-control disparity for Black patients
 * (the only one); steadily improving blood-pressure control at S01; a one-month spike of falls with injury at S02 four
 * months before the end date. Outcome rates are otherwise independent of sex, race, ethnicity, language, age and
 * payer, and stable over time.
 */
public final class HealthSystemGenerator {

    /**
     * Bumped whenever the same settings produce different data (e.g. a planted effect changes), so that a kept demo
     * extract and its database are rebuilt instead of showing the old effects.
     */
    public static final int DATA_VERSION = 2;

    private final GeneratorSettings settings;

    public HealthSystemGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** Writes all canonical CSV files into {@code outputDir} (created if missing; existing files are replaced). */
    public GenerationSummary write(Path outputDir) throws IOException {
        return write(outputDir, OutputFormat.CSV);
    }

    /** Writes the extract in a format: canonical CSV, FHIR NDJSON, or both (NDJSON then in {@code outputDir/fhir}). */
    public GenerationSummary write(Path outputDir, OutputFormat format) throws IOException {
        Files.createDirectories(outputDir);
        Window window = new Window(settings.endDate(), settings.months());
        List<Site> sites = Site.catalog(settings.sites());
        PlantedEffects effects = new PlantedEffects(window, sites.size());
        PatientFactory factory = new PatientFactory(window, sites);
        try (Outputs out = new Outputs(outputDir, format)) {
            for (Site site : sites) {
                out.row(CanonicalFile.SITE, site.id(), site.name());
            }
            PatientSimulator simulator = new PatientSimulator(window, sites, effects, out);
            for (int n = 1; n <= settings.patients(); n++) {
                SplittableRandom rng = new SplittableRandom(patientSeed(settings.seed(), n));
                simulator.simulate(new PatientContext(factory.create(n, rng), rng));
            }
            out.close();
            return new GenerationSummary(out.counts(), effects.describe(sites));
        }
    }

    /** SplitMix64 finaliser of seed and patient number: independent, reproducible streams per patient. */
    static long patientSeed(long seed, long patient) {
        long z = seed + patient * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
