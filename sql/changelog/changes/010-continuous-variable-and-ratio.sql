--liquibase formatted sql

--changeset qi:010-continuous-variable-and-ratio
--comment: Continuous-variable scoring stores each subject's measure observation (e.g. ED length of stay in
--comment: minutes); ratio scoring with separate numerator and denominator populations (HL7 CQM "Initial
--comment: Population 2") stores whether the subject is in the numerator's initial population. qi.indicator
--comment: keeps how the observations are aggregated and their unit, and the exposure of ratio indicators,
--comment: so summarise and the reports do not need the definition files.
ALTER TABLE qi.member ADD COLUMN observation_value numeric;
ALTER TABLE qi.member ADD COLUMN numerator_initial_population boolean;
ALTER TABLE qi.indicator ADD COLUMN aggregate_method text CHECK (aggregate_method IN ('median', 'mean'));
ALTER TABLE qi.indicator ADD COLUMN observation_unit text;
ALTER TABLE qi.indicator ADD COLUMN exposure text;
