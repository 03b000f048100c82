package org.lhs.qi.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders a nightly run reads and writes, shared by {@code qi run} and {@code qi demo} (a picocli mixin). */
final class NightlyFolders {

    @Option(names = "--definitions", defaultValue = "indicator-definitions",
            description = "Definitions folder (default ${DEFAULT-VALUE}).")
    Path definitions;

    @Option(names = "--data-quality",
            description = "Folder of data-quality check files (default: data-quality inside the definitions folder).")
    Path dataQuality;

    @Option(names = "--output", defaultValue = "qi-output", description = "Report folder (default ${DEFAULT-VALUE}).")
    Path output;
}
