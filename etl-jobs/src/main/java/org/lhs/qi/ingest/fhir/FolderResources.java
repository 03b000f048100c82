package org.lhs.qi.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resources of an export folder that other resources point at and that are read up front, because Bulk
 * Data puts each type in its own file: Device (for DeviceUseStatement.device) and Location (an adverse
 * event's site and unit). Both are few compared with the resources citing them. Encounter sites are looked up
 * only for the encounters adverse events cite ({@link #loadEncounterSites}), so memory does not grow with
 * the number of encounters. Resources met inside the file being imported (Bundles) are remembered too.
 */
final class FolderResources {

    private static final Logger log = LoggerFactory.getLogger(FolderResources.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, JsonNode> devices = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> locations = new ConcurrentHashMap<>();
    private final Map<String, String> encounterSites = new ConcurrentHashMap<>();

    private FolderResources(Path dir) {
        this.dir = dir;
    }

    /** Nothing pre-read (a single file outside a Bulk export, tests). */
    static FolderResources empty() {
        return new FolderResources(null);
    }

    /** Reads the Device and Location files of a folder. */
    static FolderResources of(Path dir) {
        FolderResources f = new FolderResources(dir);
        for (Path file : FhirImporter.files(dir)) {
            String n = file.getFileName().toString();
            if (startsWithType(n, "Device") || startsWithType(n, "Location")) {
                f.readEach(file, f::remember);
            }
        }
        return f;
    }

    /** Keeps a Device or Location (from a Bundle of the file being read, or the pre-read files). */
    void remember(JsonNode r) {
        String type = Fhir.text(r, "resourceType");
        String id = Fhir.text(r, "id");
        if (type == null || id == null) {
            return;
        }
        switch (type) {
            case "Device" -> devices.put(id, r);
            case "Location" -> locations.put(id, r);
            default -> { }
        }
    }

    JsonNode device(String id) {
        return id == null ? null : devices.get(id);
    }

    JsonNode location(String id) {
        return id == null ? null : locations.get(id);
    }

    /** The serviceProvider of an encounter loaded by {@link #loadEncounterSites} or seen in this file; else null. */
    String encounterSite(String encounterId) {
        return encounterId == null ? null : encounterSites.get(encounterId);
    }

    /** Records an Encounter's site (an Encounter met in the file being read, before the events citing it). */
    void rememberEncounterSite(JsonNode encounter) {
        String id = Fhir.text(encounter, "id");
        String site = Fhir.referenceId(encounter, "serviceProvider");
        if (id != null && site != null) {
            encounterSites.put(id, site);
        }
    }

    /** Forgets the encounter sites of the previous file (they are looked up per file, to bound memory). */
    void clearEncounterSites() {
        encounterSites.clear();
    }

    /** Reads the sites of these encounters from the folder's Encounter NDJSON files (one streaming pass). */
    void loadEncounterSites(Collection<String> encounterIds) {
        Set<String> wanted = new HashSet<>(encounterIds);
        wanted.removeAll(encounterSites.keySet());
        if (dir == null || wanted.isEmpty()) {
            return;
        }
        for (Path file : FhirImporter.files(dir)) {
            String n = file.getFileName().toString();
            if (startsWithType(n, "Encounter") && n.endsWith(".ndjson")) {
                readEach(file, r -> {
                    if (wanted.contains(Fhir.text(r, "id"))) {
                        rememberEncounterSite(r);
                    }
                });
            }
        }
    }

    /** {@code Device.ndjson}, {@code Device-2.ndjson}, {@code Device.json} — not {@code DeviceUseStatement…}. */
    static boolean startsWithType(String fileName, String type) {
        return fileName.startsWith(type + ".") || fileName.startsWith(type + "-");
    }

    /** Each resource of an NDJSON file, or the single resource / Bundle entries of a JSON file; bad lines are ignored here. */
    private void readEach(Path file, java.util.function.Consumer<JsonNode> each) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
            if (file.getFileName().toString().endsWith(".ndjson")) {
                BoundedLines lines = new BoundedLines(in, BoundedLines.MAX_LINE_CHARS);
                for (BoundedLines.Line line; (line = lines.next()) != null; ) {
                    JsonNode r = line.tooLong() ? null : parse(line.text());
                    if (r != null) {
                        each.accept(r);
                    }
                }
            } else {
                JsonNode r = JSON.readTree(in);
                JsonNode entries = r == null ? null : r.get("entry");
                if (entries != null && entries.isArray()) {
                    entries.forEach(e -> {
                        if (e.get("resource") != null) {
                            each.accept(e.get("resource"));
                        }
                    });
                } else if (r != null) {
                    each.accept(r);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("{}: cannot read referenced resources: {}", file, e.getMessage());
        }
    }

    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode r = JSON.readTree(line);
            return r != null && r.isObject() ? r : null;
        } catch (IOException e) {
            return null; // quarantined when its own file is imported
        }
    }

    /** Encounter references of the adverse events in an NDJSON file (to look up their sites). */
    static List<String> adverseEventEncounters(Path file) {
        FolderResources scan = new FolderResources(null);
        List<String> ids = new java.util.ArrayList<>();
        scan.readEach(file, r -> {
            if ("AdverseEvent".equals(Fhir.text(r, "resourceType"))) {
                String e = Fhir.referenceId(r, "encounter");
                if (e != null) {
                    ids.add(e);
                }
            }
        });
        return ids;
    }
}
