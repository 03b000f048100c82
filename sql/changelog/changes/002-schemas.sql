--liquibase formatted sql

--changeset qi:002-schemas
--comment: ehr = canonical clinical warehouse, staging = raw typed rows of the current extract, qi = definitions, results and run records
CREATE SCHEMA IF NOT EXISTS ehr;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS qi;
