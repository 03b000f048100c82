-- ecqm-kinds 1: proportion, patient basis. Binds :business_date, :run_id, :period_kinds, :period_starts, :period_ends.
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
    JOIN ehr.encounter ep ON ep.patient_id = s.patient_id
    WHERE ep.status = :ip2_status
      AND EXISTS (SELECT 1 FROM ehr.encounter_type et WHERE et.encounter_id = ep.id AND (et.code_system, et.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:ip2_type)))
      AND ep.admit_time >= pd.start_time
      AND coalesce(ep.discharge_time, 'infinity'::timestamptz) < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
initial_population AS (
    SELECT s.* FROM subject s JOIN period pd ON pd.period_no = s.period_no
    LEFT JOIN m_ip2 ON m_ip2.subject_id = s.subject_id AND m_ip2.period_no = s.period_no
    WHERE (
        (
            s.age_years >= :ip1_age_min
            AND s.age_years <= :ip1_age_max
        )
        AND (m_ip2.subject_id IS NOT NULL)
    )
),
m_den1 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.condition dx ON dx.patient_id = s.patient_id
    WHERE (dx.code_system, dx.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:den1_value_set))
      AND dx.status <> 'entered-in-error'
      AND (dx.verification_status IS NULL OR dx.verification_status IN (:den1_verified))
      AND dx.onset_time < pd.end_time
      AND CASE WHEN dx.abatement_time IS NOT NULL THEN dx.abatement_time WHEN coalesce(dx.clinical_status, dx.status) IN (:den1_active) THEN 'infinity'::timestamptz END >= pd.start_time
    GROUP BY s.subject_id, s.period_no
),
m_denex1 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.procedure pp ON pp.patient_id = s.patient_id
    WHERE (pp.code_system, pp.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex1_value_set))
      AND pp.status = :denex1_status
      AND pp.performed_time >= pd.start_time
      AND coalesce(pp.performed_end, pp.performed_time) < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
m_denex2 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.medication ma ON ma.patient_id = s.patient_id
    WHERE ma.kind = :denex2_kind
      AND (ma.code_system, ma.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex2_value_set))
      AND ma.status = :denex2_status
      AND ma.intent IN (:denex2_intent)
      AND ma.end_time IS NOT NULL
      AND ma.start_time < pd.end_time
      AND ma.end_time >= pd.start_time
    GROUP BY s.subject_id, s.period_no
),
m_denex3 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.request rq ON rq.patient_id = s.patient_id
    WHERE rq.kind = :denex3_kind
      AND (rq.code_system, rq.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex3_value_set))
      AND rq.status IN (:denex3_status)
      AND rq.intent IN (:denex3_intent)
      AND NOT rq.do_not_perform
      AND rq.authored_time >= (pd.start_time - CAST(:denex3_extend_back AS interval))
      AND rq.authored_time < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
m_denex4 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.request rq ON rq.patient_id = s.patient_id
    WHERE rq.kind = :denex4_kind
      AND (rq.code_system, rq.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex4_value_set))
      AND rq.status IN (:denex4_status)
      AND rq.intent IN (:denex4_intent)
      AND NOT rq.do_not_perform
      AND rq.authored_time >= pd.start_time
      AND rq.authored_time < LEAST(pd.end_time, pd.start_time + CAST(:denex4_first AS interval))
    GROUP BY s.subject_id, s.period_no
),
m_denex5 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.encounter ep ON ep.patient_id = s.patient_id
    WHERE ep.status = :denex5_status
      AND EXISTS (SELECT 1 FROM ehr.encounter_type et WHERE et.encounter_id = ep.id AND (et.code_system, et.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex5_type)))
      AND (ep.discharge_disposition_system, ep.discharge_disposition_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex5_discharge_in))
      AND coalesce(ep.discharge_time, 'infinity'::timestamptz) >= pd.start_time
      AND coalesce(ep.discharge_time, 'infinity'::timestamptz) < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
m_denex6 AS (
    SELECT DISTINCT ON (s.subject_id, s.period_no) s.subject_id, s.period_no, ob.value_code_system, ob.value_code
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.observation ob ON ob.patient_id = s.patient_id
    WHERE (ob.code_system, ob.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex6_value_set))
      AND ob.status IN (:denex6_status)
      AND ob.effective_time < pd.end_time
    ORDER BY s.subject_id, s.period_no, ob.effective_time DESC, ob.id DESC
),
m_denexcep1 AS (
    SELECT s.subject_id, s.period_no
    FROM initial_population s
    JOIN period pd ON pd.period_no = s.period_no
    JOIN ehr.observation ob ON ob.patient_id = s.patient_id
    WHERE (ob.code_system, ob.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denexcep1_value_set))
      AND ob.status IN (:denexcep1_status)
      AND (ob.value_code_system, ob.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denexcep1_value_in))
      AND coalesce(ob.effective_start, ob.effective_time) < pd.end_time
    GROUP BY s.subject_id, s.period_no
),
criteria AS (
    SELECT s.*,
           coalesce((m_den1.subject_id IS NOT NULL), FALSE) AS den_met,
           coalesce((
               (m_denex1.subject_id IS NOT NULL)
               OR (m_denex2.subject_id IS NOT NULL)
               OR (m_denex3.subject_id IS NOT NULL)
               OR (m_denex4.subject_id IS NOT NULL)
               OR (m_denex5.subject_id IS NOT NULL)
               OR coalesce((m_denex6.value_code_system, m_denex6.value_code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:denex6_latest_value_in)), FALSE)
           ), FALSE) AS denex_met,
           coalesce((m_denexcep1.subject_id IS NOT NULL), FALSE) AS denexcep_met,
           coalesce(EXISTS (
               SELECT 1 FROM (
                   SELECT lv.value_num, lv.value_code, lv.unit FROM ehr.observation lv
                   WHERE lv.patient_id = s.patient_id
                   AND (lv.code_system, lv.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:num1_value_set))
                   AND lv.status IN (:num1_status)
                   AND ((
                           lv.effective_time >= pd.start_time
                           AND lv.effective_time < pd.end_time
                       ))
                   AND CAST(lv.effective_time AS date) = (SELECT max(CAST(rd.effective_time AS date)) FROM ehr.observation rd
                                WHERE rd.patient_id = s.patient_id
                                AND (rd.code_system, rd.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:num1_value_set))
                                AND rd.status IN (:num1_status)
                                AND ((
                                        rd.effective_time >= pd.start_time
                                        AND rd.effective_time < pd.end_time
                                    )))
                   ORDER BY lv.value_num ASC NULLS FIRST, lv.id
                   LIMIT 1
               ) low
               WHERE ((low.value_num IS NULL AND low.value_code IS NULL) OR (
               low.value_num > :num1_value
               AND low.unit = :num1_unit
           ))
           ), FALSE) AS num_met,
           coalesce(EXISTS (
               SELECT 1 FROM (
                   SELECT lv.value_num, lv.value_code, lv.unit FROM ehr.observation lv
                   WHERE lv.patient_id = s.patient_id
                   AND (lv.code_system, lv.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:numex1_component))
                   AND lv.status IN (:numex1_status)
                   AND (NOT EXISTS (SELECT 1 FROM ehr.encounter de WHERE de.patient_id = lv.patient_id AND de.status = :numex1r1_status AND EXISTS (SELECT 1 FROM ehr.encounter_type dt WHERE dt.encounter_id = de.id AND (dt.code_system, dt.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:numex1r1_not_on_day_of))) AND CAST(lv.effective_time AS date) >= CAST(de.admit_time AS date) AND (de.discharge_time IS NULL OR CAST(lv.effective_time AS date) <= CAST(de.discharge_time AS date)))
                        OR (
                           lv.effective_time >= pd.start_time
                           AND lv.effective_time < pd.end_time
                           AND EXISTS (SELECT 1 FROM ehr.encounter ce WHERE ce.id = lv.encounter_id AND ce.class NOT IN (:numex1r2_class_not_in))
                       ))
                   AND CAST(lv.effective_time AS date) = (SELECT max(CAST(rd.effective_time AS date)) FROM ehr.observation rd
                                WHERE rd.patient_id = s.patient_id
                                AND (rd.code_system, rd.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:numex1_value_set))
                                AND rd.status IN (:numex1_status)
                                AND (NOT EXISTS (SELECT 1 FROM ehr.encounter de WHERE de.patient_id = rd.patient_id AND de.status = :numex1r1_status AND EXISTS (SELECT 1 FROM ehr.encounter_type dt WHERE dt.encounter_id = de.id AND (dt.code_system, dt.code) IN (SELECT v.code_system, v.code FROM qi.value_set_code v WHERE v.value_set IN (:numex1r1_not_on_day_of))) AND CAST(rd.effective_time AS date) >= CAST(de.admit_time AS date) AND (de.discharge_time IS NULL OR CAST(rd.effective_time AS date) <= CAST(de.discharge_time AS date)))
                                     OR (
                                        rd.effective_time >= pd.start_time
                                        AND rd.effective_time < pd.end_time
                                        AND EXISTS (SELECT 1 FROM ehr.encounter ce WHERE ce.id = rd.encounter_id AND ce.class NOT IN (:numex1r2_class_not_in))
                                    )))
                   ORDER BY lv.value_num ASC NULLS FIRST, lv.id
                   LIMIT 1
               ) low
               WHERE (
               low.value_num < :numex1_value
               AND low.unit = :numex1_unit
           )
           ), FALSE) AS numex_met,
           CAST(NULL AS numeric) AS numerator_count,
           CAST(NULL AS numeric) AS exposure,
           CAST(NULL AS numeric) AS observation,
           CAST(NULL AS jsonb) AS evidence
    FROM initial_population s JOIN period pd ON pd.period_no = s.period_no
    LEFT JOIN m_den1 ON m_den1.subject_id = s.subject_id AND m_den1.period_no = s.period_no
    LEFT JOIN m_denex1 ON m_denex1.subject_id = s.subject_id AND m_denex1.period_no = s.period_no
    LEFT JOIN m_denex2 ON m_denex2.subject_id = s.subject_id AND m_denex2.period_no = s.period_no
    LEFT JOIN m_denex3 ON m_denex3.subject_id = s.subject_id AND m_denex3.period_no = s.period_no
    LEFT JOIN m_denex4 ON m_denex4.subject_id = s.subject_id AND m_denex4.period_no = s.period_no
    LEFT JOIN m_denex5 ON m_denex5.subject_id = s.subject_id AND m_denex5.period_no = s.period_no
    LEFT JOIN m_denex6 ON m_denex6.subject_id = s.subject_id AND m_denex6.period_no = s.period_no
    LEFT JOIN m_denexcep1 ON m_denexcep1.subject_id = s.subject_id AND m_denexcep1.period_no = s.period_no
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
