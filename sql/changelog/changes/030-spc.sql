--liquibase formatted sql

--changeset qi:030-spc
--comment: Statistical process control of the monthly overall cells (per site and ALL): chart type, the period's
--comment: centre line and 3-sigma limits, and the special-cause signals it takes part in. Null for 12-month,
--comment: stratified and suppressed cells (limits of a suppressed cell would give its denominator away).
ALTER TABLE qi.result ADD COLUMN spc_chart text CHECK (spc_chart IN ('p', 'u', 'p-prime', 'u-prime'));
ALTER TABLE qi.result ADD COLUMN spc_centre numeric;
ALTER TABLE qi.result ADD COLUMN spc_lower numeric;
ALTER TABLE qi.result ADD COLUMN spc_upper numeric;
-- comma-separated Signal codes (OUTSIDE_LIMITS, SHIFT, TREND, RUN_LONG, RUN_FEW_CROSSINGS); null when none
ALTER TABLE qi.result ADD COLUMN spc_signals text;
-- the direction of the period's directional signals: 'up' or 'down'; null when none
ALTER TABLE qi.result ADD COLUMN spc_side text CHECK (spc_side IN ('up', 'down'));
