package org.lhs.qi.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The results as a FHIR R4 {@code Bundle} (type {@code collection}) of {@code MeasureReport}s, one per indicator ×
 * period × site: type {@code summary}, status {@code complete}, {@code measure} = the indicator's canonical URL
 * ({@code <base><id>|<version>}), the site as reporter (Organization) and subject (Location) by identifier,
 * one group with the numerator and denominator populations (codes of
 * {@code http://terminology.hl7.org/CodeSystem/measure-population}) and the measure score, and a stratifier per
 * demographic stratifier. A suppressed cell's population counts and score are absent, each marked with the
 * data-absent-reason {@code masked}. Written streaming, one report at a time, so memory does not grow with the
 * number of sites. Ids are name-based UUIDs of the cell, so a rerun writes the same bytes.
 */
final class MeasureReportBundle implements AutoCloseable {

    static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
    static final String IMPROVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String SITE_SYSTEM = "urn:lhs-qi:site";
    static final String EXTENSION_BASE = "urn:lhs-qi:fhir:StructureDefinition:";
    static final String UNSTABLE = EXTENSION_BASE + "unstable-estimate";
    static final String INTERVAL = EXTENSION_BASE + "confidence-interval-95";
    static final String EXPOSURE = EXTENSION_BASE + "exposure";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonGenerator out;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String measureBase;
    private final LocalDate businessDate;
    private final String organisationName;
    private final List<ExportRow> current = new ArrayList<>();

    MeasureReportBundle(OutputStream stream, String measureBase, LocalDate businessDate, String organisationName)
            throws IOException {
        this.out = mapper.getFactory().createGenerator(stream, JsonEncoding.UTF8);
        out.useDefaultPrettyPrinter();
        this.measureBase = measureBase;
        this.businessDate = businessDate;
        this.organisationName = organisationName;
        out.writeStartObject();
        out.writeStringField("resourceType", "Bundle");
        out.writeStringField("id", uuid("bundle", businessDate.toString()));
        out.writeStringField("type", "collection");
        out.writeArrayFieldStart("entry");
    }

    /** Adds a row; rows arrive ordered by report (indicator, period, site) with the overall cell first. */
    void add(ExportRow row) {
        if (!current.isEmpty() && !sameReport(current.getFirst(), row)) {
            flush();
        }
        current.add(row);
    }

    @Override
    public void close() throws IOException {
        flush();
        out.writeEndArray();
        out.writeEndObject();
        out.close();
    }

    private static boolean sameReport(ExportRow a, ExportRow b) {
        return a.indicatorId().equals(b.indicatorId()) && a.periodKind().equals(b.periodKind())
                && a.periodStart().equals(b.periodStart()) && a.siteKey().equals(b.siteKey());
    }

    private void flush() {
        if (current.isEmpty()) {
            return;
        }
        try {
            ExportRow first = current.getFirst();
            String id = uuid(first.indicatorId(), first.periodKind(), first.periodStart().toString(), first.siteKey());
            ObjectNode entry = JSON.objectNode();
            entry.put("fullUrl", "urn:uuid:" + id);
            entry.set("resource", report(id, current));
            mapper.writeTree(out, entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current.clear();
    }

    private ObjectNode report(String id, List<ExportRow> rows) {
        ExportRow first = rows.getFirst();
        ObjectNode r = JSON.objectNode();
        r.put("resourceType", "MeasureReport");
        r.put("id", id);
        r.put("status", "complete");
        r.put("type", "summary");
        r.put("measure", measureBase + first.indicatorId() + "|" + first.version());
        boolean organisation = "ALL".equals(first.siteKey());
        String siteName = organisation ? organisationName : first.siteName();
        r.set("subject", site("Location", first.siteKey(), siteName));
        r.put("date", businessDate.toString());
        r.set("reporter", site("Organization", first.siteKey(), siteName));
        ObjectNode period = r.putObject("period");
        period.put("start", first.periodStart().toString());
        period.put("end", first.lastDay().toString());
        r.putObject("improvementNotation").putArray("coding").addObject()
                .put("system", IMPROVEMENT_SYSTEM).put("code", first.improvement());
        ObjectNode group = r.putArray("group").addObject();
        group.putObject("code").put("text", first.title());
        ExportRow overall = rows.stream().filter(ExportRow::overall).findFirst().orElse(null);
        if (overall != null) {
            cell(group, overall);
        }
        Map<String, List<ExportRow>> strata = new LinkedHashMap<>();
        rows.stream().filter(x -> !x.overall())
                .forEach(x -> strata.computeIfAbsent(x.stratifier(), k -> new ArrayList<>()).add(x));
        if (!strata.isEmpty()) {
            ArrayNode stratifiers = group.putArray("stratifier");
            strata.forEach((name, cells) -> {
                ObjectNode s = stratifiers.addObject();
                s.putArray("code").addObject().put("text", name);
                ArrayNode stratum = s.putArray("stratum");
                for (ExportRow c : cells) {
                    ObjectNode st = stratum.addObject();
                    st.putObject("value").put("text", c.stratum());
                    cell(st, c);
                }
            });
        }
        return r;
    }

    /** Populations and score of a group or stratum, in FHIR's element order (extension, populations, score). */
    private void cell(ObjectNode node, ExportRow c) {
        if (!c.suppressed()) {
            ArrayNode extensions = JSON.arrayNode();
            if (c.unstable()) {
                extensions.addObject().put("url", UNSTABLE).put("valueBoolean", true);
            }
            if (c.ciLow() != null && c.ciHigh() != null) {
                ObjectNode range = extensions.addObject().put("url", INTERVAL).putObject("valueRange");
                range.putObject("low").put("value", round(c.ciLow()));
                range.putObject("high").put("value", round(c.ciHigh()));
            }
            if (c.ratio() && c.exposure() != null) {
                extensions.addObject().put("url", EXPOSURE).putObject("valueQuantity")
                        .put("value", c.exposure().setScale(2, RoundingMode.HALF_UP)).put("unit", "patient-days");
            }
            if (!extensions.isEmpty()) {
                node.set("extension", extensions);
            }
        }
        ArrayNode populations = node.putArray("population");
        population(populations, "numerator", c.numerator(), c.suppressed());
        population(populations, "denominator", c.denominator(), c.suppressed());
        if (c.suppressed()) {
            node.set("measureScore", masked(JSON.objectNode()));
        } else if (c.rate() != null) {
            ObjectNode score = node.putObject("measureScore").put("value", round(c.rate()));
            score.put("unit", c.unit());
        }
    }

    private static void population(ArrayNode populations, String code, Long count, boolean suppressed) {
        ObjectNode p = populations.addObject();
        if (suppressed) {
            masked(p);
        }
        p.putObject("code").putArray("coding").addObject().put("system", POPULATION_SYSTEM).put("code", code);
        if (!suppressed && count != null) {
            p.put("count", count);
        }
    }

    private static ObjectNode masked(ObjectNode node) {
        node.putArray("extension").addObject().put("url", DATA_ABSENT_REASON).put("valueCode", "masked");
        return node;
    }

    private static ObjectNode site(String type, String key, String name) {
        ObjectNode ref = JSON.objectNode();
        ref.put("type", type);
        ref.putObject("identifier").put("system", SITE_SYSTEM).put("value", key);
        ref.put("display", name);
        return ref;
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
