--liquibase formatted sql

--changeset qi:022-fhir-ecqm-staging
--comment: The eCQM fields of 070 travel the nightly path (extract -> staging -> normalise -> ehr) instead of being
--comment: written straight into ehr by the deck verifier: one mapping from FHIR to the warehouse. All columns are
--comment: optional (canonical CSV extracts may carry them too); a condition's category and recorded date are new in ehr.
ALTER TABLE staging.encounter
    ADD COLUMN status text,
    ADD COLUMN class_code text,
    ADD COLUMN discharge_disposition_system text,
    ADD COLUMN discharge_disposition_code text,
    ADD COLUMN type_codes text;                           -- "SNOMED-CT|185463005;CPT|99213" -> ehr.encounter_type

ALTER TABLE ehr.condition
    ADD COLUMN category text,                             -- problem-list-item | encounter-diagnosis | health-concern | ...
    ADD COLUMN recorded_time timestamptz;
ALTER TABLE staging.condition
    ADD COLUMN clinical_status text,
    ADD COLUMN verification_status text,
    ADD COLUMN category text,
    ADD COLUMN recorded_time timestamptz;

ALTER TABLE staging.observation ADD COLUMN effective_start timestamptz;
ALTER TABLE staging.procedure ADD COLUMN performed_end timestamptz;
ALTER TABLE staging.medication ADD COLUMN intent text;

-- ServiceRequest and DeviceRequest (FHIR only: there is no canonical request.csv).
CREATE UNLOGGED TABLE staging.request (
    extract_file_id bigint NOT NULL, line_no integer NOT NULL,
    source_system text NOT NULL, source_id text NOT NULL,
    kind text NOT NULL, patient_ref text NOT NULL, encounter_ref text, code_system text NOT NULL, code text NOT NULL,
    status text NOT NULL, intent text NOT NULL, do_not_perform boolean NOT NULL, authored_time timestamptz NOT NULL
);
