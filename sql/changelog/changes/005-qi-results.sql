--liquibase formatted sql

--changeset qi:005-qi-runs-and-extracts
--comment: One row per nightly job execution; results are keyed by business date so a rerun replaces them.
CREATE TABLE qi.run (
    run_id            bigint PRIMARY KEY,            -- = Spring Batch job execution id
    job_instance_id   bigint NOT NULL,
    business_date     date NOT NULL,
    extract_dir       text,
    output_dir        text,
    definitions_hash  text,
    status            text NOT NULL,
    started_at        timestamptz NOT NULL DEFAULT now(),
    ended_at          timestamptz,
    message           text
);
CREATE INDEX run_business_date_ix ON qi.run (business_date);

CREATE TABLE qi.extract_file (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name        text NOT NULL,
    file_name         text NOT NULL,
    checksum          text NOT NULL,                 -- SHA-256 of the file bytes
    size_bytes        bigint NOT NULL,
    status            text NOT NULL CHECK (status IN ('staged', 'loaded')),
    rows_read         bigint NOT NULL DEFAULT 0,
    rows_staged       bigint NOT NULL DEFAULT 0,
    rows_quarantined  bigint NOT NULL DEFAULT 0,
    rows_loaded       bigint NOT NULL DEFAULT 0,
    run_id            bigint NOT NULL,
    staged_at         timestamptz NOT NULL DEFAULT now(),
    loaded_at         timestamptz,
    CONSTRAINT extract_file_uk UNIQUE (table_name, checksum)
);

CREATE TABLE qi.quarantine (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            bigint NOT NULL,
    extract_file_id   bigint,
    table_name        text NOT NULL,
    file_name         text NOT NULL,
    line_no           bigint NOT NULL,
    raw               text,
    reason            text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarantine_run_ix ON qi.quarantine (run_id);
CREATE INDEX quarantine_file_ix ON qi.quarantine (extract_file_id);

--changeset qi:005-qi-definitions
CREATE TABLE qi.value_set (
    name              text PRIMARY KEY,
    version           text,
    source_file       text NOT NULL,
    content_hash      text NOT NULL,
    loaded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE qi.value_set_code (
    value_set         text NOT NULL REFERENCES qi.value_set (name) ON DELETE CASCADE,
    code_system       text NOT NULL,
    code              text NOT NULL,
    display           text,
    PRIMARY KEY (value_set, code_system, code)
);
CREATE INDEX value_set_code_lookup_ix ON qi.value_set_code (code_system, code);

CREATE TABLE qi.indicator (
    indicator_id      text PRIMARY KEY,
    version           text NOT NULL,
    content_hash      text NOT NULL,
    title             text NOT NULL,
    description       text,
    domain            text NOT NULL,
    scoring           text NOT NULL,
    basis             text NOT NULL,
    improvement       text NOT NULL,
    target            numeric,
    multiplier        numeric,
    source_file       text NOT NULL,
    definition_text   text,                          -- plain-language rendering for the report
    updated_at        timestamptz NOT NULL DEFAULT now()
);

--changeset qi:005-qi-member-result
--comment: member: one row per business date x indicator x period x subject, the audit/drill-down grain.
CREATE TABLE qi.member (
    business_date          date NOT NULL,
    indicator_id           text NOT NULL,
    period_start           date NOT NULL,
    period_end             date NOT NULL,            -- exclusive
    subject_type           text NOT NULL CHECK (subject_type IN ('patient', 'encounter')),
    subject_id             bigint NOT NULL,
    patient_id             bigint NOT NULL,
    site_id                bigint,
    initial_population     boolean NOT NULL,
    denominator            boolean NOT NULL,
    denominator_exclusion  boolean NOT NULL,
    denominator_exception  boolean NOT NULL,
    numerator              boolean NOT NULL,
    numerator_exclusion    boolean NOT NULL,
    numerator_count        numeric,                  -- ratio: events counted for this subject
    exposure               numeric,                  -- ratio: exposure (e.g. patient-days) in the period
    sex                    text,
    race                   text,
    ethnicity              text,
    age_band               text,
    payer                  text,
    language               text,
    deprivation            text,
    evidence               jsonb,
    run_id                 bigint NOT NULL,
    PRIMARY KEY (business_date, indicator_id, period_start, subject_id)
);

--comment: result: one row per business date x indicator x period x site (or ALL) x stratifier x stratum.
CREATE TABLE qi.result (
    business_date          date NOT NULL,
    indicator_id           text NOT NULL,
    period_start           date NOT NULL,
    period_end             date NOT NULL,
    site_key               text NOT NULL,            -- site source id, or 'ALL'
    site_name              text NOT NULL,
    stratifier             text NOT NULL,            -- 'overall' or sex | race | ethnicity | age_band | payer
    stratum                text NOT NULL,            -- 'all' for overall
    initial_population     bigint NOT NULL,
    denominator            bigint NOT NULL,          -- DEN - DENEX - DENEXCEP (proportion); subjects (ratio)
    denominator_exclusion  bigint NOT NULL,
    denominator_exception  bigint NOT NULL,
    numerator              bigint NOT NULL,          -- NUM - NUMEX (proportion); events (ratio)
    numerator_exclusion    bigint NOT NULL,
    exposure               numeric,                  -- ratio only
    rate                   numeric,                  -- null when suppressed or undefined
    ci_low                 numeric,
    ci_high                numeric,
    ci_method              text,
    suppressed             boolean NOT NULL,
    suppression_reason     text,
    target                 numeric,
    meets_target           boolean,
    indicator_version      text NOT NULL,
    content_hash           text NOT NULL,
    run_id                 bigint NOT NULL,
    PRIMARY KEY (business_date, indicator_id, period_start, site_key, stratifier, stratum)
);

--changeset qi:005-qi-dq-and-reports
CREATE TABLE qi.dq_result (
    run_id            bigint NOT NULL,
    business_date     date NOT NULL,
    check_id          text NOT NULL,
    table_name        text NOT NULL,
    site_key          text NOT NULL DEFAULT 'ALL',
    severity          text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    passed            boolean NOT NULL,
    observed          numeric,
    threshold         numeric,
    message           text NOT NULL,
    PRIMARY KEY (run_id, check_id, table_name, site_key)
);

CREATE TABLE qi.report_file (
    run_id            bigint NOT NULL,
    business_date     date NOT NULL,
    audience          text NOT NULL,                 -- 'ALL' or a site source id
    path              text NOT NULL,
    sha256            text NOT NULL,
    size_bytes        bigint NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, audience)
);
