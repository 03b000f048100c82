package org.lhs.qi.definition;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * Size and shape limits that keep a hostile or runaway definition from exhausting memory, stack or the
 * database: every limit ends as a positioned error, never as an exception or a huge SQL statement.
 */
public final class DefinitionLimits {

    /** Largest definition file read (the starter definitions are under 10 KB). */
    public static final long MAX_DEFINITION_BYTES = 512 * 1024;
    /** Largest value set CSV read (a full VSAC expansion is a few hundred KB). */
    public static final long MAX_VALUE_SET_BYTES = 8 * 1024 * 1024;
    /** Deepest YAML nesting SnakeYAML accepts (mappings and lists). */
    public static final int MAX_YAML_DEPTH = 40;
    /** Deepest nesting of criteria (all/any/not) in one population or named criterion. */
    public static final int MAX_CRITERION_DEPTH = 12;
    /** Most data criteria one population or named criterion may expand to, counting a named criterion at each use. */
    public static final int MAX_EXPANDED_CRITERIA = 200;
    /** Most YAML nodes in one file. */
    public static final int MAX_NODES = 50_000;

    private DefinitionLimits() {}

    /** SnakeYAML options: no duplicate or recursive keys, few aliases, bounded depth and size. */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        // aliases are rejected after composing anyway; this bounds the composer's own work ("billion laughs")
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_YAML_DEPTH);
        options.setCodePointLimit((int) MAX_DEFINITION_BYTES);
        return options;
    }
}
