package org.lhs.qi.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lhs.qi.quality.ExtractVolumes.Delivered;
import org.lhs.qi.quality.ExtractVolumes.ExtractRun;
import org.lhs.qi.quality.ExtractVolumes.Snapshot;

/**
 * {@code extract-volume-change}: relative change |tonight − before| / before of the rows tonight's extract
 * delivered per table (and site), against the previous completed run whose extract had the check's
 * {@code extract-mode} — like with like: a full extract against the previous full one, an incremental against
 * the previous incremental. On a night of the other mode the check is not applicable and says so.
 */
final class ExtractVolumeChangeCheck implements DataQualityCheck {

    private final CheckDefinition definition;

    ExtractVolumeChangeCheck(CheckDefinition definition) {
        this.definition = definition;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    @Override
    public List<CheckOutcome> run(CheckContext context) {
        String table = definition.table() == null ? ExtractNotEmptyCheck.ALL_TABLES : definition.table().tableName();
        ExtractMode mode = definition.extractMode();
        Optional<ExtractRun> tonight = ExtractVolumes.run(context.jdbc(), context.runId());
        if (tonight.isEmpty()) {
            return List.of(CheckOutcome.notApplicable(definition, table, "ALL", "tonight's extract volumes were not recorded"));
        }
        if (tonight.get().mode() != mode) {
            return List.of(CheckOutcome.notApplicable(definition, table, "ALL", "tonight's extract is "
                    + tonight.get().mode().label() + " (" + tonight.get().reason() + "); this check compares "
                    + mode.label() + " extracts"));
        }
        Optional<ExtractRun> previous = ExtractVolumes.previous(context.jdbc(), context.runId(), mode);
        if (previous.isEmpty()) {
            return List.of(CheckOutcome.notApplicable(definition, table, "ALL",
                    "no earlier completed " + mode.label() + " extract to compare with"));
        }
        return judge(ExtractVolumes.snapshot(context.jdbc(), context.runId()),
                ExtractVolumes.snapshot(context.jdbc(), previous.get().runId()), previous.get());
    }

    List<CheckOutcome> judge(Snapshot current, Snapshot previous, ExtractRun previousRun) {
        List<CheckOutcome> out = new ArrayList<>();
        for (String table : ExtractVolumes.tables(definition, current, previous)) {
            Set<String> sites = new LinkedHashSet<>(List.of("ALL"));
            if (definition.perSite()) {
                sites.addAll(previous.byTable().getOrDefault(table, Map.of()).keySet());
                sites.addAll(current.byTable().getOrDefault(table, Map.of()).keySet());
            }
            for (String site : sites) {
                out.add(judge(table, site, current.get(table, site), previous.get(table, site), previousRun));
            }
        }
        return out;
    }

    CheckOutcome judge(String table, String siteKey, Optional<Delivered> tonight, Optional<Delivered> before,
            ExtractRun previousRun) {
        String site = siteKey.equals("ALL") ? "" : " for site " + siteKey;
        long rows = tonight.map(Delivered::rows).orElse(0L);
        String files = tonight.or(() -> before).map(Delivered::files).orElse(table);
        if (before.isEmpty() || before.get().rows() == 0) {
            return CheckOutcome.notApplicable(definition, table, siteKey, files + " delivered " + rows + " row(s)" + site
                    + "; " + ExtractVolumes.describe(previousRun) + " delivered none to compare with");
        }
        long then = before.get().rows();
        double change = VolumeChangeCheck.relativeChange(rows, then);
        boolean passed = definition.kind().passes(change, definition.threshold());
        String message = files + " delivered " + rows + " row(s)" + site + " against " + then + " in "
                + ExtractVolumes.describe(previousRun) + ": " + (rows >= then ? "up " : "down ") + Formats.percent(change) + " (at most "
                + Formats.percent(definition.threshold()) + " change allowed)";
        return new CheckOutcome(definition, siteKey, passed, change, message, rows, null, List.of(), table, false,
                List.of());
    }
}
