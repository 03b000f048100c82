package org.lhs.qi.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every JRXML template compiles with JasperReports 7 and names its fonts explicitly. */
class TemplatesCompileTest {

    private static final Path TEMPLATES = Path.of("templates");
    private static final List<String> EXPECTED = List.of("appendix-definitions", "appendix-dq", "equity", "monthly", "scorecard",
            "sites", "summary");

    @Test
    void theScorecardTemplatesArePresent() throws IOException {
        assertEquals(EXPECTED, templateNames());
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateCompiles() throws IOException {
        return templateNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            JasperReport report;
            try (InputStream in = Files.newInputStream(TEMPLATES.resolve(name + ".jrxml"))) {
                report = JasperCompileManager.compileReport(in);
            } catch (JRException e) {
                throw new AssertionError(name + ".jrxml does not compile: " + e.getMessage(), e);
            }
            assertEquals(name, report.getName());
        }));
    }

    /** The templates ship on the class path as reports/*.jrxml, where the renderer looks for them. */
    @TestFactory
    Stream<DynamicTest> everyTemplateIsOnTheClassPath() throws IOException {
        return templateNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("reports/" + name + ".jrxml")) {
                assertNotNull(in, "reports/" + name + ".jrxml not on the class path");
            }
        }));
    }

    /**
     * Without an explicit embedded font the PDF falls back to Helvetica silently, losing bold and symbols such
     * as ≥ and ↑; so every style must name DejaVu Sans and no element may name another font.
     */
    @TestFactory
    Stream<DynamicTest> everyStyleNamesDejaVuSans() throws IOException {
        Pattern style = Pattern.compile("<style\\s[^>]*>");
        Pattern fontName = Pattern.compile("fontName=\"([^\"]*)\"");
        return templateNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String xml = Files.readString(TEMPLATES.resolve(name + ".jrxml"));
            Matcher styles = style.matcher(xml);
            List<String> bad = new ArrayList<>();
            boolean hasDefault = false;
            while (styles.find()) {
                String tag = styles.group();
                hasDefault |= tag.contains("default=\"true\"");
                if (!tag.contains("fontName=\"DejaVu Sans\"") && !tag.contains(" style=\"")) {
                    bad.add(tag);
                }
            }
            Matcher fonts = fontName.matcher(xml);
            while (fonts.find()) {
                if (!fonts.group(1).equals("DejaVu Sans")) {
                    bad.add(fonts.group());
                }
            }
            assertTrue(hasDefault, name + " has no default style");
            assertTrue(bad.isEmpty(), name + ": styles without DejaVu Sans: " + bad);
            assertFalse(xml.contains("xmlns="), name + " uses the JasperReports 6 format");
        }));
    }

    /**
     * Styles of subreports land in the master report's style table by name, so a "status" style in a subreport
     * silently restyles the master's "status" elements: style names must be unique across all templates.
     */
    @Test
    void styleNamesAreUniqueAcrossTemplates() throws IOException {
        Pattern styleName = Pattern.compile("<style name=\"([^\"]+)\"");
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String name : templateNames()) {
            Matcher m = styleName.matcher(Files.readString(TEMPLATES.resolve(name + ".jrxml")));
            while (m.find()) {
                String previous = owner.putIfAbsent(m.group(1), name);
                if (previous != null) {
                    clashes.add(m.group(1) + " in " + previous + " and " + name);
                }
            }
        }
        assertTrue(clashes.isEmpty(), "style names used by more than one template: " + clashes);
    }

    private static List<String> templateNames() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jrxml"))
                    .map(n -> n.substring(0, n.length() - ".jrxml".length())).sorted().toList();
        }
    }
}
