package org.lhs.qi.quality;

import java.util.List;

/** One check kind's executable form: set-based SQL over the warehouse, then the verdict per site. */
sealed interface DataQualityCheck permits RowShareCheck, FreshnessCheck, VolumeChangeCheck, TableNotEmptyCheck,
        ExtractNotEmptyCheck, ExtractVolumeChangeCheck {

    CheckDefinition definition();

    List<CheckOutcome> run(CheckContext context);

    /** The executable check for a parsed definition. */
    static DataQualityCheck of(CheckDefinition d) {
        return switch (d.kind()) {
            case REQUIRED_SHARE -> new RequiredShareCheck(d);
            case PATIENTS_WITH_ENCOUNTER_SHARE -> new PatientsWithEncounterShareCheck(d);
            case CODE_SYSTEM_CONFORMANCE -> new CodeSystemConformanceCheck(d);
            case UNIT_CONFORMANCE -> new UnitConformanceCheck(d);
            case VALUE_RANGE -> new ValueRangeCheck(d);
            case TEMPORAL_ORDER -> new TemporalOrderCheck(d);
            case FRESHNESS -> new FreshnessCheck(d);
            case VOLUME_CHANGE -> new VolumeChangeCheck(d);
            case TABLE_NOT_EMPTY -> new TableNotEmptyCheck(d);
            case EXTRACT_NOT_EMPTY -> new ExtractNotEmptyCheck(d);
            case EXTRACT_VOLUME_CHANGE -> new ExtractVolumeChangeCheck(d);
        };
    }
}
