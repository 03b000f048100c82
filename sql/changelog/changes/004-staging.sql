--liquibase formatted sql

--changeset qi:004-staging
--comment: Typed rows of the extract files, validated by the ingest step and written with COPY.
--comment: References to other records stay as source identifiers (*_ref) until normalise resolves them.
--comment: UNLOGGED: staging is rebuilt from the extract files on any restart, so WAL would be wasted work.
CREATE UNLOGGED TABLE staging.site (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    name text NOT NULL
);
CREATE UNLOGGED TABLE staging.patient (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    birth_date date NOT NULL, death_date date, sex text NOT NULL, race text NOT NULL, ethnicity text NOT NULL,
    language text, zip text, deprivation_quintile smallint, site_ref text
);
CREATE UNLOGGED TABLE staging.coverage (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, payer_type text NOT NULL, start_date date NOT NULL, end_date date
);
CREATE UNLOGGED TABLE staging.encounter (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, site_ref text NOT NULL, class text NOT NULL, unit text,
    admit_time timestamptz NOT NULL, discharge_time timestamptz, discharge_disposition text
);
CREATE UNLOGGED TABLE staging.unit_stay (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    encounter_ref text NOT NULL, unit text NOT NULL, start_time timestamptz NOT NULL, end_time timestamptz
);
CREATE UNLOGGED TABLE staging.device_episode (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, encounter_ref text, device_type text NOT NULL,
    start_time timestamptz NOT NULL, end_time timestamptz
);
CREATE UNLOGGED TABLE staging.condition (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, encounter_ref text, code_system text NOT NULL, code text NOT NULL,
    onset_time timestamptz NOT NULL, abatement_time timestamptz, present_on_admission text,
    diagnosis_rank text, status text NOT NULL
);
CREATE UNLOGGED TABLE staging.procedure (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, encounter_ref text, code_system text NOT NULL, code text NOT NULL,
    performed_time timestamptz NOT NULL, status text NOT NULL
);
CREATE UNLOGGED TABLE staging.observation (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, encounter_ref text, code_system text NOT NULL, code text NOT NULL,
    effective_time timestamptz NOT NULL, value_num numeric, value_code_system text, value_code text,
    unit text, status text NOT NULL
);
CREATE UNLOGGED TABLE staging.medication (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text NOT NULL, encounter_ref text, kind text NOT NULL, code_system text NOT NULL,
    code text NOT NULL, start_time timestamptz NOT NULL, end_time timestamptz, status text NOT NULL
);
CREATE UNLOGGED TABLE staging.safety_event (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text, encounter_ref text, site_ref text NOT NULL, unit text,
    event_type text NOT NULL, harm_level text NOT NULL, event_time timestamptz NOT NULL
);
CREATE UNLOGGED TABLE staging.survey_response (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    patient_ref text, encounter_ref text, site_ref text NOT NULL, survey text NOT NULL, item text NOT NULL,
    answer_num numeric, answer_code text, response_time timestamptz NOT NULL
);
