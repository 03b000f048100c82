package org.lhs.qi.cli;

/** Exit codes of {@code qi}, documented in the README for schedulers. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The nightly job ran and failed (the reason is on stderr and in {@code qi.run}); rerun the same date to restart. */
    public static final int RUN_FAILED = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Indicator definitions have errors. */
    public static final int INVALID_DEFINITIONS = 3;
    /** Environment problem: no database configured or reachable, unreadable folder. */
    public static final int ENVIRONMENT = 4;
    /** Another run for the same business date is in progress. */
    public static final int ALREADY_RUNNING = 5;

    private ExitCodes() {}
}
