package org.lhs.qi;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Test material of {@code ../shared} (not part of the repository): found through the environment variable
 * {@code QI_SHARED_DIR}, the system property {@code qi.shared.dir} (set by failsafe) or {@code ../../shared}
 * seen from the module; tests that need it are skipped with a clear message when it is absent.
 */
public final class SharedMaterial {

    private SharedMaterial() {}

    /** The folder below the shared material, or the test is skipped (aborted) saying what is missing. */
    public static Path require(String relative) {
        for (String candidate : new String[] {System.getenv("QI_SHARED_DIR"), System.getProperty("qi.shared.dir"),
                "../../shared"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate).resolve(relative))) {
                return Path.of(candidate).resolve(relative).toAbsolutePath().normalize();
            }
        }
        Assumptions.abort("skipped: shared test material '" + relative + "' not found (looked at $QI_SHARED_DIR="
                + System.getenv("QI_SHARED_DIR") + ", -Dqi.shared.dir=" + System.getProperty("qi.shared.dir")
                + ", ../../shared); put the project's shared/ folder beside the repository to run this test");
        throw new IllegalStateException("unreachable");
    }
}
