-- Database roles for running LHS Quality Indicators with least privilege.
--
-- NOT a Liquibase changeset: a DBA runs this once per database, as the role that owns the schema (the role
-- that ran the migrations), after the first migration and again after upgrades that add tables:
--
--     psql -v ON_ERROR_STOP=1 -d qi -f sql/roles/qi-app-role.sql
--     psql -d qi -c "ALTER ROLE qi_loader PASSWORD '…'"      -- or use certificate/peer authentication
--
-- The honest split. The nightly job (`qi run`) loads the warehouse: its normalise step INSERTs, UPDATEs and (for
-- incremental extracts) DELETEs rows of `ehr`, so the job cannot run on a role that only reads `ehr`. Instead:
--   qi_owner      owns every table; runs the schema migrations (Liquibase). Nobody runs the nightly job as it.
--   qi_loader     the nightly job: reads and writes ehr, staging, qi and the Spring Batch tables; cannot create,
--                 alter or drop anything, so a compromised job cannot change the schema or read other schemas.
--   qi_reporting  dashboards and BI tools: reads the aggregated results, run records and report
--                 list only. It cannot read ehr (patient-level data), qi.member (patient-level flags) or
--                 qi.quarantine (raw extract lines, which may hold identifiers and clinical values).
--
-- Schema migrations: the job runs Liquibase at start-up. With qi_loader, Liquibase only checks that the schema
-- is current (it needs the lock-table rights below); to apply an upgrade run the new version once as qi_owner,
-- or set SPRING_LIQUIBASE_ENABLED=false for qi_loader and migrate separately.
-- ANALYZE after a load needs table ownership (or, on PostgreSQL 17+, the MAINTAIN privilege granted below);
-- without it PostgreSQL skips the statistics refresh with a warning and the job carries on.

\set ON_ERROR_STOP on

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'qi_loader') THEN
        CREATE ROLE qi_loader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'qi_reporting') THEN
        CREATE ROLE qi_reporting LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
END $$;

-- nobody may create objects in public (PostgreSQL < 15 allows it by default)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- ---------------------------------------------------------------- qi_loader: the nightly job
GRANT USAGE ON SCHEMA public, ehr, staging, qi TO qi_loader;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ehr TO qi_loader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA staging TO qi_loader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA qi TO qi_loader;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ehr, staging, qi TO qi_loader;

-- tables that later migrations add (run by the owner, who runs this script) get the same rights
ALTER DEFAULT PRIVILEGES IN SCHEMA ehr, staging, qi GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO qi_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA ehr, staging, qi GRANT USAGE, SELECT ON SEQUENCES TO qi_loader;

-- Spring Batch job repository (restart bookkeeping), in public
GRANT SELECT, INSERT, UPDATE ON batch_job_instance, batch_job_execution, batch_job_execution_params,
    batch_job_execution_context, batch_step_execution, batch_step_execution_context TO qi_loader;
GRANT USAGE, SELECT ON batch_job_instance_seq, batch_job_execution_seq, batch_step_execution_seq TO qi_loader;

-- Liquibase's "is the schema current?" check at start-up
GRANT SELECT ON databasechangelog TO qi_loader;
GRANT SELECT, UPDATE ON databasechangeloglock TO qi_loader;

-- the compute step uses temporary tables (granted to PUBLIC by default; explicit in case a DBA revoked it)
DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO qi_loader', current_database()); END $$;

-- PostgreSQL 17+: let the job refresh planner statistics after a load
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON ALL TABLES IN SCHEMA ehr TO qi_loader';
    END IF;
END $$;

-- ---------------------------------------------------------------- qi_reporting: read results, nothing patient-level
GRANT USAGE ON SCHEMA public, qi TO qi_reporting;
GRANT SELECT ON qi.result, qi.indicator, qi.run, qi.report_file, qi.dq_result, qi.extract_file,
    qi.dq_extract_run, qi.dq_extract_count,
    qi.value_set, qi.value_set_code TO qi_reporting;
GRANT SELECT ON batch_job_execution, batch_step_execution TO qi_reporting;     -- step timings for `qi status`
-- `qi status` is an operator tool: it counts rows of qi.quarantine, so run it with qi_loader's credentials.
