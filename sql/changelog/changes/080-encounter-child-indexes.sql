--liquibase formatted sql

--changeset qi:080-encounter-child-indexes
--comment: Encounter-basis indicators correlate child rows with the subject encounter (same-encounter: true, device-day
--comment: exposures): without these indexes each subject scans the whole child table (CAUTI took minutes on the demo).
CREATE INDEX device_episode_encounter_ix ON ehr.device_episode (encounter_id);
CREATE INDEX condition_encounter_ix ON ehr.condition (encounter_id);
CREATE INDEX procedure_encounter_ix ON ehr.procedure (encounter_id);
CREATE INDEX observation_encounter_ix ON ehr.observation (encounter_id);
CREATE INDEX medication_encounter_ix ON ehr.medication (encounter_id);
CREATE INDEX survey_response_encounter_ix ON ehr.survey_response (encounter_id);
