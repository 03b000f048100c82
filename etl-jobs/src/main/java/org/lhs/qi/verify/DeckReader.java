package org.lhs.qi.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a MADiE test deck folder: {@code .madie} (patient id, title, series, description of every case) and, per
 * case folder, the {@code MeasureReport-*.json} with the expected populations and the measurement period.
 */
public final class DeckReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeckReader() {}

    public static Deck read(Path dir) {
        Path madie = dir.resolve(".madie");
        if (!Files.isRegularFile(madie)) {
            throw new IllegalArgumentException(dir + " is not a MADiE test deck (no .madie file)");
        }
        List<Deck.Case> cases = new ArrayList<>();
        for (JsonNode t : json(madie)) {
            String id = t.path("patientId").asText();
            Path caseDir = dir.resolve(id);
            if (!Files.isDirectory(caseDir)) {
                throw new IllegalArgumentException(dir + ": .madie lists case " + id + " but its folder is missing");
            }
            JsonNode report = report(caseDir);
            Map<String, Integer> expected = new LinkedHashMap<>();
            JsonNode group = report.path("group").path(0);
            for (JsonNode p : group.path("population")) {
                expected.put(p.path("code").path("coding").path(0).path("code").asText(), p.path("count").asInt());
            }
            cases.add(new Deck.Case(id, t.path("title").asText(), t.path("series").asText(),
                    t.path("description").asText(""), caseDir,
                    LocalDate.parse(report.path("period").path("start").asText()),
                    LocalDate.parse(report.path("period").path("end").asText()), expected));
        }
        return new Deck(dir.getFileName().toString(), dir, List.copyOf(cases));
    }

    private static JsonNode report(Path caseDir) {
        try (Stream<Path> s = Files.list(caseDir)) {
            Path f = s.filter(p -> p.getFileName().toString().startsWith("MeasureReport")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(caseDir + " has no MeasureReport-*.json"));
            JsonNode r = json(f);
            if (!"individual".equals(r.path("type").asText())) {
                throw new IllegalArgumentException(f + " is not an individual MeasureReport");
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": " + e.getMessage(), e);
        }
    }
}
