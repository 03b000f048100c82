package org.lhs.qi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates the default demo system once and checks that each planted effect (and the stable background) shows. */
class PlantedEffectsTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 24);
    private static final Set<String> INJURY = Set.of("mild", "moderate", "severe", "death");

    @TempDir
    static Path dir;
    static Map<String, Map<String, String>> patients = new HashMap<>();
    static List<Map<String, String>> encounters;
    static List<Map<String, String>> observations;

    @BeforeAll
    static void generate() throws IOException {
        new HealthSystemGenerator(GeneratorSettings.defaults(END)).write(dir);
        for (var p : GeneratedFiles.read(dir, "patient.csv")) {
            patients.put(p.get("patient_id"), p);
        }
        encounters = GeneratedFiles.read(dir, "encounter.csv");
        observations = GeneratedFiles.read(dir, "observation.csv");
    }

    @Test
    void defaultSizeHasFiveThousandPatients() {
        // generation speed is measured by the benchmark script, never asserted in a unit test
        assertThat(patients).hasSize(5_000);
    }

    /** Latest HbA1c in the 12 months before November 2026 above 9%, or none, among diabetics alive then. */
    @Test
    void poorHbA1cControlIsAboutThreeTimesAsCommonAmongBlackPatients() throws IOException {
        Set<String> diabetics = new HashSet<>();
        for (var c : GeneratedFiles.read(dir, "condition.csv")) {
            if (c.get("code").startsWith("E1") && c.get("onset_time").compareTo("2026-11-01") < 0) {
                diabetics.add(c.get("patient_id"));
            }
        }
        Map<String, String[]> latest = new HashMap<>();
        for (var o : observations) {
            String t = o.get("effective_time");
            if ((o.get("code").equals("4548-4") || o.get("code").equals("17856-6"))
                    && t.compareTo("2025-11-01") >= 0 && t.compareTo("2026-11-01") < 0) {
                latest.merge(o.get("patient_id"), new String[] {t, o.get("value_num")},
                        (a, b) -> a[0].compareTo(b[0]) >= 0 ? a : b);
            }
        }
        int[] black = new int[2];
        int[] white = new int[2];
        for (String id : diabetics) {
            var p = patients.get(id);
            if (!p.get("death_date").isEmpty() && p.get("death_date").compareTo("2026-11-01") < 0) {
                continue;
            }
            String[] l = latest.get(id);
            boolean poor = l == null || Double.parseDouble(l[1]) > 9.0;
            int[] group = switch (p.get("race")) {
                case "black-or-african-american" -> black;
                case "white" -> white;
                default -> null;
            };
            if (group != null) {
                group[0]++;
                group[1] += poor ? 1 : 0;
            }
        }
        double pb = black[1] / (double) black[0];
        double pw = white[1] / (double) white[0];
        double se = Math.sqrt(pb * (1 - pb) / black[0] + pw * (1 - pw) / white[0]);
        System.out.printf("HbA1c poor control: Black %d/%d = %.3f, white %d/%d = %.3f%n", black[1], black[0], pb,
                white[1], white[0], pw);
        // by hand: a poor-control patient counts when untested (35%) or tested with a value above 9% (mean 10.2,
        // spread √(0.9² + 0.5²) = 1.03 → P(> 9) = Φ(1.17) = 0.88), so 0.35 + 0.65 · 0.88 = 0.92 of them count; the
        // others (mean 6.9, spread 0.78) almost never do. Expected shares: white 0.19 · 0.92 = 0.175, Black
        // 0.57 · 0.92 = 0.525, ratio 3.0; seed 42 gives 0.17 and 0.53
        assertThat(black[0]).isGreaterThan(50);
        assertThat(pw).isBetween(0.12, 0.24);
        assertThat(pb).isBetween(0.40, 0.65);
        assertThat(pb / pw).isGreaterThan(2.2);
        // strong enough to survive the scorecard-wide correction (≈130 comparisons: a lone flag needs z ≳ 3.6)
        assertThat((pb - pw) / se).as("z of the difference").isGreaterThan(5.0);
    }

    /** Share of hypertensive patients whose latest BP of the month is below 140/90, per site and month. */
    @Test
    void northGeneralBloodPressureControlImprovesWhileOtherSitesStayFlat() throws IOException {
        Set<String> hypertensive = new HashSet<>();
        for (var c : GeneratedFiles.read(dir, "condition.csv")) {
            if (c.get("code").startsWith("I1")) {
                hypertensive.add(c.get("patient_id"));
            }
        }
        // patient|month -> [time, systolic, diastolic] of the latest reading (both codes share the time)
        Map<String, String[]> latest = new HashMap<>();
        for (var o : observations) {
            boolean sys = o.get("code").equals("8480-6");
            if (!(sys || o.get("code").equals("8462-4")) || !hypertensive.contains(o.get("patient_id"))) {
                continue;
            }
            String key = o.get("patient_id") + "|" + o.get("effective_time").substring(0, 7);
            String[] cur = latest.get(key);
            if (cur == null || o.get("effective_time").compareTo(cur[0]) > 0) {
                cur = new String[] {o.get("effective_time"), null, null};
                latest.put(key, cur);
            }
            if (o.get("effective_time").equals(cur[0])) {
                cur[sys ? 1 : 2] = o.get("value_num");
            }
        }
        Map<String, int[]> bySiteMonth = new TreeMap<>();
        latest.forEach((key, v) -> {
            String[] pm = key.split("\\|");
            int[] cell = bySiteMonth.computeIfAbsent(patients.get(pm[0]).get("site_id") + "|" + pm[1], k -> new int[2]);
            cell[0]++;
            cell[1] += Integer.parseInt(v[1]) < 140 && Integer.parseInt(v[2]) < 90 ? 1 : 0;
        });
        List<String> first = List.of("2024-11", "2024-12", "2025-01");
        List<String> last = List.of("2026-08", "2026-09", "2026-10");
        double s01First = rate(bySiteMonth, "S01", first);
        double s01Last = rate(bySiteMonth, "S01", last);
        System.out.printf("S01 BP control %.3f -> %.3f%n", s01First, s01Last);
        assertThat(s01First).isBetween(0.40, 0.60);
        assertThat(s01Last).isBetween(0.65, 0.85);
        for (String site : List.of("S02", "S03", "S04")) {
            double a = rate(bySiteMonth, site, first);
            double b = rate(bySiteMonth, site, last);
            System.out.printf("%s BP control %.3f -> %.3f%n", site, a, b);
            assertThat(Math.abs(b - a)).as(site).isLessThan(0.13); // about 3 standard errors of a difference of two 3-month shares
            assertThat(a).as(site).isBetween(0.52, 0.72);
        }
    }

    @Test
    void eastCommunityHasOneMonthWithASpikeOfFallsWithInjury() throws IOException {
        Map<String, Integer> injuryFalls = new TreeMap<>();
        for (var s : GeneratedFiles.read(dir, "safety_event.csv")) {
            if (s.get("event_type").equals("fall") && INJURY.contains(s.get("harm_level"))) {
                injuryFalls.merge(s.get("site_id") + "|" + s.get("event_time").substring(0, 7), 1, Integer::sum);
            }
        }
        String spike = YearMonth.from(END).minusMonths(4).toString();
        int[] s02 = new int[24];
        YearMonth m = YearMonth.of(2024, 11);
        for (int i = 0; i < 24; i++, m = m.plusMonths(1)) {
            s02[i] = injuryFalls.getOrDefault("S02|" + m, 0);
        }
        int spikeCount = injuryFalls.getOrDefault("S02|" + spike, 0);
        int[] sorted = s02.clone();
        java.util.Arrays.sort(sorted);
        int median = sorted[12];
        int maxOther = 0;
        for (var e : injuryFalls.entrySet()) {
            if (!e.getKey().equals("S02|" + spike)) {
                maxOther = Math.max(maxOther, e.getValue());
            }
        }
        System.out.printf("S02 falls with injury %s = %d, median month %d, max of any other site-month %d%n",
                spike, spikeCount, median, maxOther);
        assertThat(spikeCount).isGreaterThanOrEqualTo(Math.max(5, 4 * Math.max(1, median)));
        assertThat(spikeCount).isGreaterThan(maxOther);
        // at least 11 events, or the scorecard would have to suppress the very month the committee must see
        assertThat(spikeCount).isGreaterThanOrEqualTo(11);
    }

    @Test
    void backgroundIsPlausibleAndStable() {
        Map<String, Integer> discharges = new TreeMap<>();
        Map<String, String[]> lastStay = new HashMap<>();
        int readmitted = 0;
        int eligible = 0;
        long losDays = 0;
        int stays = 0;
        List<Map<String, String>> inpatient = encounters.stream()
                .filter(e -> e.get("class").equals("inpatient"))
                .sorted((a, b) -> a.get("admit_time").compareTo(b.get("admit_time"))).toList();
        for (var e : inpatient) {
            String[] prev = lastStay.get(e.get("patient_id"));
            if (prev != null && prev[0].compareTo("2026-10-01") < 0 && !prev[1].equals("expired")) {
                long gap = java.time.Duration.between(java.time.Instant.parse(prev[0]),
                        java.time.Instant.parse(e.get("admit_time"))).toDays();
                readmitted += gap < 30 ? 1 : 0;
            }
            if (!e.get("discharge_time").isEmpty()) {
                discharges.merge(e.get("site_id") + "|" + e.get("discharge_time").substring(0, 7), 1, Integer::sum);
                losDays += java.time.temporal.ChronoUnit.DAYS.between(
                        LocalDate.parse(e.get("admit_time").substring(0, 10)),
                        LocalDate.parse(e.get("discharge_time").substring(0, 10)));
                stays++;
                lastStay.put(e.get("patient_id"), new String[] {e.get("discharge_time"),
                    e.get("discharge_disposition")});
                if (e.get("discharge_time").compareTo("2026-10-01") < 0 && !e.get("discharge_disposition").equals("expired")) {
                    eligible++;
                }
            }
        }
        double readmissionRate = readmitted / (double) eligible;
        double meanLos = losDays / (double) stays;
        System.out.printf("readmission %.3f, mean LOS %.2f%n", readmissionRate, meanLos);
        assertThat(readmissionRate).isBetween(0.11, 0.16);
        assertThat(meanLos).isBetween(4.0, 5.0);
        discharges.forEach((key, n) -> {
            if (!key.endsWith("2026-11")) {
                assertThat(n).as(key).isBetween(100, 230);
            }
        });
    }

    private static double rate(Map<String, int[]> cells, String site, List<String> months) {
        int den = 0;
        int num = 0;
        for (String m : months) {
            int[] c = cells.getOrDefault(site + "|" + m, new int[2]);
            den += c[0];
            num += c[1];
        }
        return num / (double) den;
    }
}
