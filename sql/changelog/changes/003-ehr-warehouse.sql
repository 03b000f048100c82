--liquibase formatted sql

--changeset qi:003-ehr-warehouse
--comment: Canonical warehouse. Every row keeps (source_system, source_id); surrogate ids make joins cheap.
--comment: Codes are (code_system, code) with the system as a short name (ICD-10-CM, SNOMED-CT, LOINC, RxNorm, CPT, HCPCS, ICD-10-PCS, CVX, LOCAL).
CREATE TABLE ehr.site (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    name          text NOT NULL,
    CONSTRAINT site_source_uk UNIQUE (source_system, source_id)
);

CREATE TABLE ehr.patient (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system        text NOT NULL,
    source_id            text NOT NULL,
    birth_date           date NOT NULL,
    death_date           date,
    sex                  text NOT NULL,          -- female | male | other | unknown
    race                 text NOT NULL,          -- OMB categories, see README
    ethnicity            text NOT NULL,          -- hispanic | non-hispanic | unknown
    language             text,                   -- ISO 639-1 preferred language
    zip                  text,
    deprivation_quintile smallint CHECK (deprivation_quintile BETWEEN 1 AND 5), -- 1 = most deprived
    site_id              bigint REFERENCES ehr.site (id),           -- attributed (primary care) site
    CONSTRAINT patient_source_uk UNIQUE (source_system, source_id)
);

CREATE TABLE ehr.coverage (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    patient_id    bigint NOT NULL REFERENCES ehr.patient (id),
    payer_type    text NOT NULL,                 -- medicare | medicaid | commercial | self-pay | other
    start_date    date NOT NULL,
    end_date      date,
    CONSTRAINT coverage_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX coverage_patient_ix ON ehr.coverage (patient_id, start_date);

CREATE TABLE ehr.encounter (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system         text NOT NULL,
    source_id             text NOT NULL,
    patient_id            bigint NOT NULL REFERENCES ehr.patient (id),
    site_id               bigint NOT NULL REFERENCES ehr.site (id),
    class                 text NOT NULL CHECK (class IN ('inpatient', 'emergency', 'ambulatory', 'observation', 'virtual')),
    unit                  text,
    admit_time            timestamptz NOT NULL,
    discharge_time        timestamptz,
    discharge_disposition text,                  -- home | transfer | snf | hospice | expired | ama | other
    CONSTRAINT encounter_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX encounter_patient_ix ON ehr.encounter (patient_id, admit_time);
CREATE INDEX encounter_class_time_ix ON ehr.encounter (class, admit_time);

CREATE TABLE ehr.unit_stay (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    encounter_id  bigint NOT NULL REFERENCES ehr.encounter (id),
    patient_id    bigint NOT NULL REFERENCES ehr.patient (id),
    site_id       bigint NOT NULL REFERENCES ehr.site (id),
    unit          text NOT NULL,
    start_time    timestamptz NOT NULL,
    end_time      timestamptz,
    CONSTRAINT unit_stay_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX unit_stay_encounter_ix ON ehr.unit_stay (encounter_id);

CREATE TABLE ehr.device_episode (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    patient_id    bigint NOT NULL REFERENCES ehr.patient (id),
    encounter_id  bigint REFERENCES ehr.encounter (id),
    device_type   text NOT NULL,                 -- central-line | urinary-catheter | ventilator
    start_time    timestamptz NOT NULL,
    end_time      timestamptz,
    CONSTRAINT device_episode_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX device_episode_patient_ix ON ehr.device_episode (patient_id);

CREATE TABLE ehr.condition (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system        text NOT NULL,
    source_id            text NOT NULL,
    patient_id           bigint NOT NULL REFERENCES ehr.patient (id),
    encounter_id         bigint REFERENCES ehr.encounter (id),
    code_system          text NOT NULL,
    code                 text NOT NULL,
    onset_time           timestamptz NOT NULL,
    abatement_time       timestamptz,
    present_on_admission text CHECK (present_on_admission IN ('Y', 'N', 'U', 'W')),
    diagnosis_rank       text CHECK (diagnosis_rank IN ('principal', 'secondary')),
    status               text NOT NULL DEFAULT 'active',
    CONSTRAINT condition_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX condition_patient_ix ON ehr.condition (patient_id, onset_time);
CREATE INDEX condition_code_ix ON ehr.condition (code_system, code);

CREATE TABLE ehr.procedure (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system  text NOT NULL,
    source_id      text NOT NULL,
    patient_id     bigint NOT NULL REFERENCES ehr.patient (id),
    encounter_id   bigint REFERENCES ehr.encounter (id),
    code_system    text NOT NULL,
    code           text NOT NULL,
    performed_time timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'completed',
    CONSTRAINT procedure_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX procedure_patient_ix ON ehr.procedure (patient_id, performed_time);

CREATE TABLE ehr.observation (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system     text NOT NULL,
    source_id         text NOT NULL,
    patient_id        bigint NOT NULL REFERENCES ehr.patient (id),
    encounter_id      bigint REFERENCES ehr.encounter (id),
    code_system       text NOT NULL,
    code              text NOT NULL,
    effective_time    timestamptz NOT NULL,
    value_num         numeric,
    value_code_system text,
    value_code        text,
    unit              text,
    status            text NOT NULL DEFAULT 'final',
    CONSTRAINT observation_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX observation_patient_code_ix ON ehr.observation (patient_id, code, effective_time);

CREATE TABLE ehr.medication (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    patient_id    bigint NOT NULL REFERENCES ehr.patient (id),
    encounter_id  bigint REFERENCES ehr.encounter (id),
    kind          text NOT NULL CHECK (kind IN ('order', 'administration', 'dispense')),
    code_system   text NOT NULL,
    code          text NOT NULL,
    start_time    timestamptz NOT NULL,
    end_time      timestamptz,
    status        text NOT NULL DEFAULT 'completed',
    CONSTRAINT medication_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX medication_patient_ix ON ehr.medication (patient_id, start_time);

CREATE TABLE ehr.safety_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    patient_id    bigint REFERENCES ehr.patient (id),
    encounter_id  bigint REFERENCES ehr.encounter (id),
    site_id       bigint NOT NULL REFERENCES ehr.site (id),
    unit          text,
    event_type    text NOT NULL,                 -- fall | pressure-injury | medication-error | ...
    harm_level    text NOT NULL CHECK (harm_level IN ('near-miss', 'none', 'mild', 'moderate', 'severe', 'death')),
    event_time    timestamptz NOT NULL,
    CONSTRAINT safety_event_source_uk UNIQUE (source_system, source_id)
);
CREATE INDEX safety_event_encounter_ix ON ehr.safety_event (encounter_id);
CREATE INDEX safety_event_patient_ix ON ehr.safety_event (patient_id, event_time);

CREATE TABLE ehr.survey_response (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system text NOT NULL,
    source_id     text NOT NULL,
    patient_id    bigint REFERENCES ehr.patient (id),
    encounter_id  bigint REFERENCES ehr.encounter (id),
    site_id       bigint NOT NULL REFERENCES ehr.site (id),
    survey        text NOT NULL,
    item          text NOT NULL,
    answer_num    numeric,
    answer_code   text,
    response_time timestamptz NOT NULL,
    CONSTRAINT survey_response_source_uk UNIQUE (source_system, source_id)
);
