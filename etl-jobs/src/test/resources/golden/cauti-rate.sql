-- cauti-rate 1.0.0: ratio, encounter basis. Binds :business_date, :run_id, :period_kind, :period_start, :period_end.
INSERT INTO qi.member (
    business_date, indicator_id, period_kind, period_start, period_end, subject_type, subject_id, patient_id, site_id,
    initial_population, denominator, denominator_exclusion, denominator_exception, numerator, numerator_exclusion,
    numerator_count, exposure, observation_value, numerator_initial_population,
    sex, race, ethnicity, age_band, payer, language, deprivation, evidence, run_id)
WITH period AS (
    SELECT CAST(:period_start AS date) AS start_date,
           CAST(:period_end AS date) AS end_date,
           CAST(:period_end AS date) - 1 AS last_day,
           -- midnight in the session time zone (QI_TIME_ZONE, UTC by default)
           CAST(CAST(:period_start AS date) AS timestamptz) AS start_time,
           CAST(CAST(:period_end AS date) AS timestamptz) AS end_time
),
subject AS (
    SELECT en.id AS subject_id, en.patient_id, en.site_id,
           en.id AS encounter_id, en.class AS encounter_class,
           en.admit_time, en.discharge_time, en.discharge_disposition,
           pt.sex, pt.race, pt.ethnicity, pt.language, pt.deprivation_quintile,
           CAST(date_part('year', age(CAST(pd.last_day AS timestamp), CAST(pt.birth_date AS timestamp))) AS integer) AS age_years
    FROM ehr.encounter en JOIN ehr.patient pt ON pt.id = en.patient_id CROSS JOIN period pd
),
initial_population AS (
    SELECT s.* FROM subject s CROSS JOIN period pd
    WHERE (
        s.encounter_class IN (:ip1_class)
        AND EXISTS (
            SELECT 1 FROM ehr.device_episode d
            WHERE d.encounter_id = s.encounter_id
              AND d.status IS DISTINCT FROM 'entered-in-error'
              AND d.device_type IN (:ip2_device_type)
              AND d.start_time < pd.end_time
              AND (d.end_time IS NULL OR d.end_time >= pd.start_time)
        )
    )
),
criteria AS (
    SELECT s.*,
           TRUE AS den_met,
           FALSE AS denex_met,
           FALSE AS denexcep_met,
           FALSE AS num_met,
           FALSE AS numex_met,
           (
               SELECT count(*) FROM ehr.condition c
               WHERE c.encounter_id = s.encounter_id
                 AND (c.code_system, c.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num1_value_set)
                 AND c.status <> 'entered-in-error'
                 AND c.onset_time >= pd.start_time
                 AND c.onset_time < pd.end_time
                 AND c.present_on_admission IN (:num1_present_on_admission)
           ) AS numerator_count,
           (
               SELECT coalesce(sum(extract(epoch FROM
                          least(coalesce(de.end_time, pd.end_time), pd.end_time) - greatest(de.start_time, pd.start_time)
                      ) / 86400), 0)
               FROM ehr.device_episode de
               WHERE de.encounter_id = s.encounter_id
                 AND de.device_type = :exp_device_type
                 AND de.start_time < pd.end_time
                 AND coalesce(de.end_time, pd.end_time) > pd.start_time
           ) AS exposure,
           CAST(NULL AS numeric) AS observation,
           CAST(NULL AS jsonb) AS evidence
    FROM initial_population s CROSS JOIN period pd
),
-- population flags are nested: exclusions and exceptions only among the denominator,
-- exceptions only for those not excluded and not in the numerator (FHIR proportion semantics)
flags AS (
    SELECT c.*,
           c.den_met AS den,
           c.den_met AND c.denex_met AS denex,
           c.den_met AND NOT c.denex_met AND NOT (c.numerator_count > 0) AND c.denexcep_met AS denexcep,
           c.den_met AND NOT c.denex_met AND c.numerator_count > 0 AS num,
           c.den_met AND NOT c.denex_met AND c.numerator_count > 0 AND c.numex_met AS numex
    FROM criteria c
)
SELECT CAST(:business_date AS date), CAST(:indicator_id AS text), CAST(:period_kind AS text),
       pd.start_date, pd.end_date,
       CAST(:subject_type AS text), f.subject_id, f.patient_id, f.site_id,
       TRUE, f.den, f.denex, f.denexcep, f.num, f.numex,
       f.numerator_count, f.exposure,
       CAST(NULL AS numeric), CAST(NULL AS boolean),
       coalesce(f.sex, 'unknown'),
       coalesce(f.race, 'unknown'),
       coalesce(f.ethnicity, 'unknown'),
       CASE WHEN f.age_years < 18 THEN '0-17'
            WHEN f.age_years < 35 THEN '18-34'
            WHEN f.age_years < 50 THEN '35-49'
            WHEN f.age_years < 65 THEN '50-64'
            WHEN f.age_years < 75 THEN '65-74'
            ELSE '75+' END,
       coalesce((
           SELECT cv.payer_type FROM ehr.coverage cv
           WHERE cv.patient_id = f.patient_id
             AND cv.start_date <= pd.last_day
             AND (cv.end_date IS NULL OR cv.end_date >= pd.last_day)
           ORDER BY cv.start_date DESC, cv.id DESC
           LIMIT 1), 'uninsured'),
       coalesce(f.language, 'unknown'),
       coalesce(CAST(f.deprivation_quintile AS text), 'unknown'),
       f.evidence, CAST(:run_id AS bigint)
FROM flags f CROSS JOIN period pd
