--liquibase formatted sql

--changeset qi:070-ecqm-warehouse
--comment: What eCQM (QI-Core) logic needs beyond the canonical extract: encounter status, raw class code, coded
--comment: discharge disposition and type codes; condition clinical/verification status; the start of an
--comment: observation's effective period and the end of a procedure's performed period; medication request intent;
--comment: device and service requests. All additive: canonical CSV rows get the defaults (an encounter in an extract
--comment: took place, so 'finished').
ALTER TABLE ehr.encounter
    ADD COLUMN status text NOT NULL DEFAULT 'finished',
    ADD COLUMN class_code text,                          -- HL7 v3 ActCode as sent (AMB, IMP, EMER, SS, PRENC, ...)
    ADD COLUMN discharge_disposition_system text,        -- coded disposition as sent (e.g. SNOMED-CT)
    ADD COLUMN discharge_disposition_code text;

CREATE TABLE ehr.encounter_type (
    encounter_id bigint NOT NULL REFERENCES ehr.encounter (id) ON DELETE CASCADE,
    code_system  text NOT NULL,
    code         text NOT NULL,
    PRIMARY KEY (encounter_id, code_system, code)
);
CREATE INDEX encounter_type_code_ix ON ehr.encounter_type (code_system, code);

ALTER TABLE ehr.condition
    ADD COLUMN clinical_status text,                     -- active | recurrence | relapse | inactive | remission | resolved
    ADD COLUMN verification_status text;                 -- confirmed | unconfirmed | provisional | differential | refuted | entered-in-error

ALTER TABLE ehr.observation
    ADD COLUMN effective_start timestamptz;              -- start of effectivePeriod (effective_time is its latest point)

ALTER TABLE ehr.procedure
    ADD COLUMN performed_end timestamptz;                -- end of performedPeriod (performed_time is its start)

ALTER TABLE ehr.medication
    ADD COLUMN intent text;                              -- order | original-order | plan | proposal | ...

CREATE TABLE ehr.request (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system  text NOT NULL,
    source_id      text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('device', 'service')),
    patient_id     bigint NOT NULL REFERENCES ehr.patient (id),
    encounter_id   bigint REFERENCES ehr.encounter (id),
    code_system    text NOT NULL,
    code           text NOT NULL,
    status         text NOT NULL,
    intent         text NOT NULL,
    do_not_perform boolean NOT NULL DEFAULT false,
    authored_time  timestamptz NOT NULL,
    CONSTRAINT request_source_uk UNIQUE (kind, source_system, source_id)
);
CREATE INDEX request_patient_ix ON ehr.request (patient_id, authored_time);
