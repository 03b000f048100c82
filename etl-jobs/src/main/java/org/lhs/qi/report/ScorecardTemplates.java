package org.lhs.qi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The compiled scorecard templates ({@code reports/*.jrxml} from the report-templates module). Compiling
 * costs seconds per template, so it happens once per JVM, on first use, shared by every renderer and thread.
 */
public record ScorecardTemplates(JasperReport main, JasperReport summary, JasperReport monthly,
        JasperReport equity, JasperReport sites, JasperReport dataQuality,
        JasperReport definitions) {

    /** Template names, without folder and extension. */
    static final String MAIN = "scorecard", SUMMARY = "summary", MONTHLY = "monthly", EQUITY = "equity", SITES = "sites",
            DATA_QUALITY = "appendix-dq", DEFINITIONS = "appendix-definitions";

    /** The shared compiled templates, compiling them on first call. */
    public static ScorecardTemplates get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        // class initialisation is lazy and thread-safe: the templates compile exactly once
        static final ScorecardTemplates INSTANCE = new ScorecardTemplates(compile(MAIN), compile(SUMMARY),
                compile(MONTHLY), compile(EQUITY), compile(SITES), compile(DATA_QUALITY),
                compile(DEFINITIONS));
    }

    /** Compiles {@code reports/<name>.jrxml} from the class path. */
    static JasperReport compile(String name) {
        String resource = "reports/" + name + ".jrxml";
        try (InputStream in = ScorecardTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template not on the class path: " + resource);
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile report template " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
