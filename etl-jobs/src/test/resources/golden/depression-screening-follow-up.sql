-- depression-screening-follow-up 1.0.0: proportion, patient basis. Binds :business_date, :run_id, :period_kind, :period_start, :period_end.
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
    SELECT pt.id AS subject_id, pt.id AS patient_id, pt.site_id,
           CAST(NULL AS bigint) AS encounter_id, CAST(NULL AS text) AS encounter_class,
           CAST(NULL AS timestamptz) AS admit_time, CAST(NULL AS timestamptz) AS discharge_time,
           CAST(NULL AS text) AS discharge_disposition,
           pt.sex, pt.race, pt.ethnicity, pt.language, pt.deprivation_quintile,
           CAST(date_part('year', age(CAST(pd.last_day AS timestamp), CAST(pt.birth_date AS timestamp))) AS integer) AS age_years
    FROM ehr.patient pt CROSS JOIN period pd
),
initial_population AS (
    SELECT s.* FROM subject s CROSS JOIN period pd
    WHERE (
        s.age_years >= :ip1_age_min
        AND EXISTS (
            SELECT 1 FROM ehr.encounter e
            WHERE e.patient_id = s.patient_id
              AND e.class IN (:ip2_class)
              AND e.admit_time >= pd.start_time
              AND e.admit_time < pd.end_time
        )
    )
),
criteria AS (
    SELECT s.*,
           TRUE AS den_met,
           coalesce(EXISTS (
               SELECT 1 FROM ehr.condition c
               WHERE c.patient_id = s.patient_id
                 AND (c.code_system, c.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denex1_value_set)
                 AND c.status <> 'entered-in-error'
                 AND c.onset_time < pd.end_time
           ), FALSE) AS denex_met,
           coalesce((
               EXISTS (
                   SELECT 1 FROM ehr.observation o
                   WHERE o.patient_id = s.patient_id
                     AND (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denexcep1_value_set)
                     AND (o.value_code_system, o.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denexcep1_value_in)
                     AND o.status <> 'entered-in-error'
                     AND o.effective_time >= pd.start_time
                     AND o.effective_time < pd.end_time
               )
               AND NOT (
                   EXISTS (
                       SELECT 1 FROM ehr.observation o
                       WHERE o.patient_id = s.patient_id
                         AND (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denexcep2_value_set)
                         AND (o.value_code_system, o.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denexcep2_value_in)
                         AND o.status <> 'entered-in-error'
                         AND o.effective_time >= pd.start_time
                         AND o.effective_time < pd.end_time
                   )
                   OR EXISTS (
                       SELECT 1 FROM ehr.observation o
                       WHERE o.patient_id = s.patient_id
                         AND (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denexcep3_value_set)
                         AND (o.value_code_system, o.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denexcep3_value_in)
                         AND o.status <> 'entered-in-error'
                         AND o.effective_time >= pd.start_time
                         AND o.effective_time < pd.end_time
                   )
               )
           ), FALSE) AS denexcep_met,
           coalesce((
               /* screened-negative */ EXISTS (
                   SELECT 1 FROM (
                       SELECT o.value_num, o.unit, o.value_code_system, o.value_code FROM ehr.observation o
                       WHERE o.patient_id = s.patient_id
                         AND (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num1_value_set)
                         AND o.status <> 'entered-in-error'
                         AND o.effective_time >= pd.start_time
                         AND o.effective_time < pd.end_time
                       ORDER BY o.effective_time DESC, o.id DESC
                       LIMIT 1
                   ) latest
                   WHERE (latest.value_code_system, latest.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num1_picked_value_in)
               )
               OR /* screened-positive-with-follow-up */ (
                   EXISTS (
                       SELECT 1 FROM (
                           SELECT o.value_num, o.unit, o.value_code_system, o.value_code FROM ehr.observation o
                           WHERE o.patient_id = s.patient_id
                             AND (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num2_value_set)
                             AND o.status <> 'entered-in-error'
                             AND o.effective_time >= pd.start_time
                             AND o.effective_time < pd.end_time
                           ORDER BY o.effective_time DESC, o.id DESC
                           LIMIT 1
                       ) latest
                       WHERE (latest.value_code_system, latest.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num2_picked_value_in)
                   )
                   AND EXISTS (
                       SELECT 1 FROM ehr.procedure pr
                       WHERE pr.patient_id = s.patient_id
                         AND (pr.code_system, pr.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num3_value_set)
                         AND pr.status <> 'entered-in-error'
                         AND pr.performed_time >= pd.start_time
                         AND pr.performed_time < pd.end_time
                   )
               )
           ), FALSE) AS num_met,
           FALSE AS numex_met,
           CAST(NULL AS numeric) AS numerator_count,
           CAST(NULL AS numeric) AS exposure,
           CAST(NULL AS numeric) AS observation,
           jsonb_strip_nulls(jsonb_build_object(
               CAST(:ev1_key AS text), (
                   SELECT jsonb_build_object('value', o.value_num, 'unit', o.unit, 'time', o.effective_time) FROM ehr.observation o
                   WHERE o.patient_id = s.patient_id
                     AND (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :ev1_value_set)
                     AND o.status <> 'entered-in-error'
                     AND o.effective_time >= pd.start_time
                     AND o.effective_time < pd.end_time
                   ORDER BY o.effective_time DESC, o.id DESC
                   LIMIT 1
               ))) AS evidence
    FROM initial_population s CROSS JOIN period pd
),
-- population flags are nested: exclusions and exceptions only among the denominator,
-- exceptions only for those not excluded and not in the numerator (FHIR proportion semantics)
flags AS (
    SELECT c.*,
           c.den_met AS den,
           c.den_met AND c.denex_met AS denex,
           c.den_met AND NOT c.denex_met AND NOT (c.num_met) AND c.denexcep_met AS denexcep,
           c.den_met AND NOT c.denex_met AND c.num_met AS num,
           c.den_met AND NOT c.denex_met AND c.num_met AND c.numex_met AS numex
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
