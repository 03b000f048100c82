package org.lhs.qi.terminology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lhs.qi.ingest.CodeSystems;

/** Reads FHIR ValueSet resources (single resources or Bundles of them) into {@link Expansion}s. */
public final class FhirValueSetReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirValueSetReader() {}

    /** The expansions of one JSON file: a ValueSet, or a Bundle whose entries hold ValueSets (others are ignored). */
    public static List<Expansion> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        List<Expansion> out = new ArrayList<>();
        String type = root == null ? null : root.path("resourceType").asText(null);
        if ("ValueSet".equals(type)) {
            out.add(expansion(root, file));
        } else if ("Bundle".equals(type)) {
            for (JsonNode e : root.path("entry")) {
                JsonNode r = e.path("resource");
                if ("ValueSet".equals(r.path("resourceType").asText(null))) {
                    out.add(expansion(r, file));
                }
            }
        } else {
            throw new IllegalArgumentException(file + ": resourceType is " + type + ", expected ValueSet or Bundle");
        }
        return out;
    }

    static Expansion expansion(JsonNode vs, Path file) {
        String url = vs.path("url").asText(null);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(file + ": a ValueSet has no url");
        }
        String version = vs.path("version").asText("");
        JsonNode expansion = vs.path("expansion");
        Integer total = expansion.has("total") ? expansion.get("total").asInt() : null;
        Map<String, Expansion.Code> codes = new LinkedHashMap<>();
        TreeSet<String> skipped = new TreeSet<>();
        int[] listed = {0};
        collect(expansion.path("contains"), codes, skipped, listed);
        return new Expansion(url, version, vs.path("title").asText(vs.path("name").asText("")), total, listed[0],
                List.copyOf(codes.values()), skipped, file.toString());
    }

    /** contains[] may nest (hierarchical expansions); abstract entries are groupings, not codes. */
    private static void collect(JsonNode contains, Map<String, Expansion.Code> codes, TreeSet<String> skipped,
                                int[] listed) {
        for (JsonNode c : contains) {
            String system = c.path("system").asText(null);
            String code = c.path("code").asText(null);
            if (system != null && code != null && !c.path("abstract").asBoolean(false)) {
                listed[0]++;
                String shortName = CodeSystems.normalise(system).orElse(null);
                if (shortName == null) {
                    skipped.add(system);
                } else {
                    codes.putIfAbsent(shortName + "|" + code, new Expansion.Code(shortName, code, c.path("display").asText("")));
                }
            }
            collect(c.path("contains"), codes, skipped, listed);
        }
    }
}
