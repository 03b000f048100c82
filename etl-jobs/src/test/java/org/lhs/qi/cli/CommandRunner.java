package org.lhs.qi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a qi sub-command in-process and captures its exit code, stdout and stderr. */
record CommandRunner(int exitCode, String out, String err) {

    static CommandRunner run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandRunner(code, out.toString(), err.toString());
    }
}
