package org.lhs.qi.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lhs.qi.quality.ExtractVolumes.Delivered;
import org.lhs.qi.quality.ExtractVolumes.ExtractRun;
import org.lhs.qi.quality.ExtractVolumes.Snapshot;

/**
 * {@code extract-not-empty}: in a full extract, every table (and, per site, every site) the previous full extract
 * delivered rows for must deliver at least {@code threshold} rows again. A file that is missing or holds only
 * its header fails, naming the file. On an incremental night the check is not applicable: a daily-changes
 * extract legitimately has no file, or an empty one, for a table nobody touched.
 */
final class ExtractNotEmptyCheck implements DataQualityCheck {

    private final CheckDefinition definition;

    ExtractNotEmptyCheck(CheckDefinition definition) {
        this.definition = definition;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    @Override
    public List<CheckOutcome> run(CheckContext context) {
        String table = definition.table() == null ? ALL_TABLES : definition.table().tableName();
        Optional<ExtractRun> tonight = ExtractVolumes.run(context.jdbc(), context.runId());
        if (tonight.isEmpty()) {
            return List.of(CheckOutcome.notApplicable(definition, table, "ALL", "tonight's extract volumes were not recorded"));
        }
        if (tonight.get().mode() != ExtractMode.FULL) {
            return List.of(CheckOutcome.notApplicable(definition, table, "ALL", "tonight's extract is "
                    + tonight.get().mode().label() + " (" + tonight.get().reason() + "); this check judges full extracts"));
        }
        Optional<ExtractRun> previous = ExtractVolumes.previous(context.jdbc(), context.runId(), ExtractMode.FULL);
        if (previous.isEmpty()) {
            return List.of(CheckOutcome.notApplicable(definition, table, "ALL",
                    "no earlier completed full extract to compare with"));
        }
        return judge(ExtractVolumes.snapshot(context.jdbc(), context.runId()),
                ExtractVolumes.snapshot(context.jdbc(), previous.get().runId()), previous.get());
    }

    /** Table name of outcomes about every table at once. */
    static final String ALL_TABLES = "*";

    List<CheckOutcome> judge(Snapshot current, Snapshot previous, ExtractRun previousRun) {
        List<CheckOutcome> out = new ArrayList<>();
        for (String table : ExtractVolumes.tables(definition, current, previous)) {
            Map<String, Delivered> before = previous.byTable().getOrDefault(table, Map.of());
            for (Map.Entry<String, Delivered> site : before.entrySet()) {
                if (site.getKey().equals("ALL") || definition.perSite()) {
                    out.add(judge(table, site.getKey(), current.get(table, "ALL"), current.get(table, site.getKey()),
                            site.getValue(), previousRun));
                }
            }
            if (before.isEmpty()) {
                String what = current.get(table, "ALL").map(d -> d.files() + " delivered " + d.rows() + " row(s)")
                        .orElse("no file tonight");
                out.add(CheckOutcome.notApplicable(definition, table, "ALL", what + "; " + ExtractVolumes.describe(
                        previousRun) + " had no file for " + table));
            }
        }
        return out;
    }

    CheckOutcome judge(String table, String siteKey, Optional<Delivered> tableTonight, Optional<Delivered> tonight,
            Delivered before, ExtractRun previousRun) {
        String site = siteKey.equals("ALL") ? "" : " for site " + siteKey;
        String then = ExtractVolumes.describe(previousRun) + " delivered " + before.rows() + " row(s)" + site + " in "
                + before.files();
        if (before.rows() == 0) {
            return CheckOutcome.notApplicable(definition, table, siteKey, then);
        }
        long rows = tonight.map(Delivered::rows).orElse(0L);
        boolean passed = definition.kind().passes(rows, definition.threshold());
        String message;
        if (tableTonight.isEmpty()) {
            message = "no " + table + " file in tonight's extract (expected " + before.files() + "); " + then;
        } else if (tableTonight.get().rows() == 0) {
            message = tableTonight.get().files() + " delivered 0 rows (empty or header only); " + then;
        } else {
            message = tableTonight.get().files() + " delivered " + rows + " row(s)" + site + " (at least "
                    + Formats.number(definition.threshold()) + " required); " + then;
        }
        return new CheckOutcome(definition, siteKey, passed, (double) rows, message, rows, null, List.of(), table,
                false, List.of());
    }
}
