--liquibase formatted sql

--changeset qi:021-device-episode-status
--comment: FHIR DeviceUseStatement status (active | completed | entered-in-error | intended | stopped | on-hold) is kept so
--comment: definitions can leave out episodes entered in error, as for conditions, procedures, observations and medications.
--comment: Nullable: canonical CSV and Synthea extracts carry no status (null = not stated).
ALTER TABLE ehr.device_episode ADD COLUMN status text;
ALTER TABLE staging.device_episode ADD COLUMN status text;
