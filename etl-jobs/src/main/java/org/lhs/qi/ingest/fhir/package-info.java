/** Import of FHIR R4 resources (Bulk Data NDJSON, single-resource JSON files and Bundles) into the staging tables. */
package org.lhs.qi.ingest.fhir;
