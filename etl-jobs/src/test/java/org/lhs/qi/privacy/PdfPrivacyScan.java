package org.lhs.qi.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Scans the text of a scorecard PDF for small counts. Every table row that shows counts prints them as two
 * integers (numerator or events, then denominator or patient-days) right before the rate ("845 1,270 66.5%",
 * "14 3,100 4.52"), so the scan finds every such pair in the text and requires each count to be 0 or at least 11.
 * Page numbers, dates, years, percentages, interval bounds and "12 months" never take that shape, which keeps
 * the scan strict without exceptions. A masked count ("&lt;11") outside the label of a suppressed cell also
 * fails: a suppressed cell shows as such, never as a number. Text comes from PDFBox with words separated by
 * their position (openpdf's extractor glues neighbouring cells into one token).
 */
public final class PdfPrivacyScan {

    /** Smallest count that may be printed (zero aside). */
    public static final int MIN_CELL = 11;

    private static final String COUNT = "(\\d{1,3}(?:,\\d{3})*)";
    /** count, count, then a rate: a proportion in % or a ratio with two decimals, * when unstable. */
    private static final Pattern COUNT_PAIR = Pattern.compile(
            "(?<![\\w.,:/<–-])" + COUNT + "(?![\\d.,%])\\s+" + COUNT + "(?![\\d.,%])\\s+(?=\\d+\\.\\d+%?\\*?(?:\\s|$))");
    /** "<11" anywhere except inside "(n<11)", the suppressed label. */
    private static final Pattern MASKED = Pattern.compile("(?<!n)<\\s?" + MIN_CELL);

    private PdfPrivacyScan() {}

    /** What one PDF showed: the count pairs read and the offending texts. */
    public record Result(Path pdf, int countPairs, List<String> violations) {}

    /** Scans one PDF. */
    public static Result scan(Path pdf) {
        String text = text(pdf);
        List<String> violations = new ArrayList<>();
        int pairs = 0;
        for (String line : text.lines().toList()) {
            Matcher m = COUNT_PAIR.matcher(line);
            while (m.find()) {
                pairs++;
                for (int g = 1; g <= 2; g++) {
                    long n = Long.parseLong(m.group(g).replace(",", ""));
                    if (n >= 1 && n < MIN_CELL) {
                        violations.add("count " + n + " in: " + line.strip());
                    }
                }
            }
            if (MASKED.matcher(line).find()) {
                violations.add("masked count in: " + line.strip());
            }
        }
        return new Result(pdf, pairs, violations);
    }

    /** Fails when the PDF prints a count between 1 and 10; returns how many count pairs it read. */
    public static int assertNoSmallCounts(Path pdf) {
        Result r = scan(pdf);
        if (!r.violations().isEmpty()) {
            throw new AssertionError("small counts printed in " + pdf + ":\n  " + String.join("\n  ", r.violations()));
        }
        return r.countPairs();
    }

    /** Scans every PDF below {@code dir}; returns the PDFs scanned. */
    public static List<Result> assertNoSmallCountsBelow(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Result> results = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted()
                    .map(PdfPrivacyScan::scan).toList();
            List<String> violations = results.stream()
                    .flatMap(r -> r.violations().stream().map(v -> r.pdf().getFileName() + ": " + v)).toList();
            if (!violations.isEmpty()) {
                throw new AssertionError("small counts printed:\n  " + String.join("\n  ", violations));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of all pages, sorted by position, words separated. */
    public static String text(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pdf, e);
        }
    }
}
