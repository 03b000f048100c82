-- diabetes-hba1c-poor-control 1.0.0: proportion, patient basis. Binds :business_date, :run_id, :period_kinds, :period_starts, :period_ends.
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
    SELECT pt.id AS subject_id, pd.period_no, pt.id AS patient_id, pt.site_id,
           CAST(NULL AS bigint) AS encounter_id, CAST(NULL AS text) AS encounter_class,
           CAST(NULL AS timestamptz) AS admit_time, CAST(NULL AS timestamptz) AS discharge_time,
           CAST(NULL AS text) AS discharge_disposition,
           pt.sex, pt.race, pt.ethnicity, pt.language, pt.deprivation_quintile,
           CAST(date_part('year', age(CAST(pd.last_day AS timestamp), CAST(pt.birth_date AS timestamp))) AS integer) AS age_years
    FROM ehr.patient pt CROSS JOIN period pd
),
m_ip2 AS (
    SELECT s.subject_id, s.period_no
    FROM subject s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.condition c ON c.patient_id = s.patient_id
    WHERE (c.code_system, c.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :ip2_value_set)
      AND c.status <> 'entered-in-error'
      AND c.onset_time < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
m_ip3 AS (
    SELECT s.subject_id, s.period_no
    FROM subject s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.encounter e ON e.patient_id = s.patient_id
    WHERE e.status NOT IN ('cancelled', 'entered-in-error')
      AND e.class IN (:ip3_class)
      AND e.admit_time >= pd.start_time
      AND e.admit_time < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
initial_population AS (
    SELECT s.* FROM subject s JOIN period pd ON pd.period_no = s.period_no
    LEFT JOIN m_ip2 ON m_ip2.subject_id = s.subject_id AND m_ip2.period_no = s.period_no
    LEFT JOIN m_ip3 ON m_ip3.subject_id = s.subject_id AND m_ip3.period_no = s.period_no
    WHERE (
        (
            s.age_years >= :ip1_age_min
            AND s.age_years <= :ip1_age_max
        )
        AND (m_ip2.subject_id IS NOT NULL)
        AND (m_ip3.subject_id IS NOT NULL)
    )
),
m_denex1 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.encounter e ON e.patient_id = s.patient_id
    WHERE e.status NOT IN ('cancelled', 'entered-in-error')
      AND (e.discharge_disposition IS NOT NULL AND e.discharge_disposition IN (:denex1_disposition_in))
      AND e.discharge_time >= pd.start_time
      AND e.discharge_time < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
m_denex2 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.condition c ON c.patient_id = s.patient_id
    WHERE (c.code_system, c.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :denex2_value_set)
      AND c.status <> 'entered-in-error'
      AND c.onset_time < pd.end_time
      AND (c.abatement_time IS NULL OR c.abatement_time >= pd.start_time)
    GROUP BY s.subject_id, s.period_no
),
m_num1 AS (
    SELECT DISTINCT ON (s.subject_id, s.period_no) s.subject_id, s.period_no, o.value_num, o.unit
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.observation o ON o.patient_id = s.patient_id
    WHERE (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num1_value_set)
      AND o.status <> 'entered-in-error'
      AND o.effective_time >= pd.end_time - CAST(:num1_lookback AS interval)
      AND o.effective_time < pd.end_time
    ORDER BY s.subject_id, s.period_no, o.effective_time DESC, o.id DESC
),
m_num2 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.observation o ON o.patient_id = s.patient_id
    WHERE (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :num2_value_set)
      AND o.status <> 'entered-in-error'
      AND o.effective_time >= pd.end_time - CAST(:num2_lookback AS interval)
      AND o.effective_time < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
m_ev1 AS (
    SELECT DISTINCT ON (s.subject_id, s.period_no) s.subject_id, s.period_no, jsonb_build_object('value', o.value_num, 'unit', o.unit, 'time', o.effective_time) AS evidence
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.observation o ON o.patient_id = s.patient_id
    WHERE (o.code_system, o.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set = :ev1_value_set)
      AND o.status <> 'entered-in-error'
      AND o.effective_time >= pd.end_time - CAST(:ev1_lookback AS interval)
      AND o.effective_time < pd.end_time
    ORDER BY s.subject_id, s.period_no, o.effective_time DESC, o.id DESC
),
criteria AS (
    SELECT s.*,
           TRUE AS den_met,
           coalesce(/* library/exclusions#hospice-or-palliative-care */ (
               /* library/exclusions#hospice */ (m_denex1.subject_id IS NOT NULL)
               OR /* library/exclusions#palliative-care */ (m_denex2.subject_id IS NOT NULL)
           ), FALSE) AS denex_met,
           FALSE AS denexcep_met,
           coalesce((
               coalesce((
                   m_num1.subject_id IS NOT NULL
                   AND m_num1.value_num > :num1_value
                   AND m_num1.unit = :num1_unit
               ), FALSE)
               OR NOT (m_num2.subject_id IS NOT NULL)
           ), FALSE) AS num_met,
           FALSE AS numex_met,
           CAST(NULL AS numeric) AS numerator_count,
           CAST(NULL AS numeric) AS exposure,
           CAST(NULL AS numeric) AS observation,
           jsonb_strip_nulls(jsonb_build_object(
               CAST(:ev1_key AS text), m_ev1.evidence)) AS evidence
    FROM initial_population s JOIN period pd ON pd.period_no = s.period_no
    LEFT JOIN m_denex1 ON m_denex1.subject_id = s.subject_id AND m_denex1.period_no = s.period_no
    LEFT JOIN m_denex2 ON m_denex2.subject_id = s.subject_id AND m_denex2.period_no = s.period_no
    LEFT JOIN m_num1 ON m_num1.subject_id = s.subject_id AND m_num1.period_no = s.period_no
    LEFT JOIN m_num2 ON m_num2.subject_id = s.subject_id AND m_num2.period_no = s.period_no
    LEFT JOIN m_ev1 ON m_ev1.subject_id = s.subject_id AND m_ev1.period_no = s.period_no
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
