-- readmission-30-day 1.1.0: proportion, encounter basis. Binds :business_date, :run_id, :period_kinds, :period_starts, :period_ends.
INSERT INTO qi.member (
    business_date, indicator_id, period_kind, period_start, period_end, subject_type, subject_id, patient_id, site_id,
    initial_population, denominator, denominator_exclusion, denominator_exception, numerator, numerator_exclusion,
    numerator_count, exposure, observation_value, numerator_initial_population,
    sex, race, ethnicity, age_band, payer, language, deprivation, evidence, run_id)
WITH period AS (
    -- every reporting period at once, numbered in the order bound
    SELECT p.period_no, p.period_kind, p.start_date, p.end_date, p.end_date - 1 AS last_day,
           -- midnight in the session time zone (QI_TIME_ZONE, UTC by default)
           CAST(p.start_date AS timestamptz) AS start_time,
           CAST(p.end_date AS timestamptz) AS end_time
    FROM unnest(CAST(ARRAY[:period_starts] AS date[]), CAST(ARRAY[:period_ends] AS date[]),
                CAST(ARRAY[:period_kinds] AS text[])) WITH ORDINALITY AS p(start_date, end_date, period_kind, period_no)
),
subject AS NOT MATERIALIZED (
    SELECT en.id AS subject_id, pd.period_no, en.patient_id, en.site_id,
           en.id AS encounter_id, en.class AS encounter_class,
           en.admit_time, en.discharge_time, en.discharge_disposition,
           pt.sex, pt.race, pt.ethnicity, pt.language, pt.deprivation_quintile,
           CAST(date_part('year', age(CAST(pd.last_day AS timestamp), CAST(pt.birth_date AS timestamp))) AS integer) AS age_years
    FROM ehr.encounter en JOIN ehr.patient pt ON pt.id = en.patient_id CROSS JOIN period pd
    WHERE en.status NOT IN ('cancelled', 'entered-in-error')
),
initial_population AS (
    SELECT s.* FROM subject s JOIN period pd ON pd.period_no = s.period_no
    WHERE (
        (
            s.encounter_class IN (:ip1_class)
            AND (s.discharge_disposition IS NULL OR s.discharge_disposition NOT IN (:ip1_disposition_not_in))
            AND s.discharge_time >= pd.start_time
            AND s.discharge_time < pd.end_time
            AND s.discharge_time + CAST(:ip1_follow_up AS interval) <= CAST(CAST(:business_date AS date) AS timestamptz)
        )
        AND s.age_years >= :ip2_age_min
    )
),
m_num1 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.encounter e ON e.patient_id = s.patient_id
    WHERE e.status NOT IN ('cancelled', 'entered-in-error')
      AND e.id <> s.encounter_id
      AND e.class IN (:num1_class)
      AND e.admit_time > s.discharge_time
      AND e.admit_time <= s.discharge_time + CAST(:num1_after_discharge AS interval)
    GROUP BY s.subject_id, s.period_no
),
criteria AS (
    SELECT s.*,
           TRUE AS den_met,
           FALSE AS denex_met,
           FALSE AS denexcep_met,
           coalesce((m_num1.subject_id IS NOT NULL), FALSE) AS num_met,
           FALSE AS numex_met,
           CAST(NULL AS numeric) AS numerator_count,
           CAST(NULL AS numeric) AS exposure,
           CAST(NULL AS numeric) AS observation,
           CAST(NULL AS jsonb) AS evidence
    FROM initial_population s JOIN period pd ON pd.period_no = s.period_no
    LEFT JOIN m_num1 ON m_num1.subject_id = s.subject_id AND m_num1.period_no = s.period_no
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
),
payer AS (
    SELECT DISTINCT ON (m.patient_id, m.period_no) m.patient_id, m.period_no, cv.payer_type
    FROM (SELECT DISTINCT f.patient_id, f.period_no FROM flags f) m
    JOIN period pd ON pd.period_no = m.period_no
    JOIN ehr.coverage cv ON cv.patient_id = m.patient_id
    WHERE cv.start_date <= pd.last_day
      AND (cv.end_date IS NULL OR cv.end_date >= pd.last_day)
    ORDER BY m.patient_id, m.period_no, cv.start_date DESC, cv.id DESC
)
SELECT CAST(:business_date AS date), CAST(:indicator_id AS text), pd.period_kind,
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
       coalesce(py.payer_type, 'uninsured'),
       coalesce(f.language, 'unknown'),
       coalesce(CAST(f.deprivation_quintile AS text), 'unknown'),
       f.evidence, CAST(:run_id AS bigint)
FROM flags f JOIN period pd ON pd.period_no = f.period_no
LEFT JOIN payer py ON py.patient_id = f.patient_id AND py.period_no = f.period_no
