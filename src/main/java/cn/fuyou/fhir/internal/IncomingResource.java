package cn.fuyou.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource of an incoming Bundle or NDJSON line, as its JSON tree: what the import needs to
 * route it (type, source id, the patient it is about, its codes and date) without building the
 * HAPI model of resources fuyou keeps as received. Only the resources fuyou maps are parsed by HAPI.
 * {@code utf8} is the resource exactly as received: stored as those bytes, never decoded and encoded again.
 */
public record IncomingResource(int index, String fullUrl, String type, String sourceId, JsonNode json, byte[] utf8,
                               java.util.Set<String> elements) {

    /**
     * A resource from its whole JSON tree. (A bulk import reads a file as a stream instead: {@code json}
     * then holds only the elements the import routes by, {@code utf8} the resource's bytes sliced from the file.)
     */
    static IncomingResource of(int index, String fullUrl, JsonNode resource) {
        String type = resource.path("resourceType").asText(null);
        String id = resource.path("id").asText(null);
        java.util.Set<String> elements = new java.util.LinkedHashSet<>();
        resource.fieldNames().forEachRemaining(elements::add);
        return new IncomingResource(index, fullUrl, type, id, resource, resource.toString().getBytes(StandardCharsets.UTF_8), elements);
    }

    /** The resource as received, as text (for the few that are parsed or validated). */
    String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** True when the resource has the element (a choice element by its prefix: {@code value[x]}), as a value or only an extension. */
    boolean has(String element) {
        if (element.endsWith("[x]")) {
            String prefix = element.substring(0, element.length() - 3);
            for (String e : elements) if (e.startsWith(prefix) || e.startsWith("_" + prefix)) return true;
            return false;
        }
        return elements.contains(element) || elements.contains("_" + element);
    }

    /** The reference to the person the resource is about: subject, patient or beneficiary. */
    String patientReference() {
        for (String field : new String[] {"subject", "patient", "beneficiary"}) {
            JsonNode ref = json.path(field).path("reference");
            if (ref.isTextual()) return ref.asText();
        }
        return null;
    }

    /** "system|code" and "code" of each coding of the resource's code (or vaccineCode, medication, type, procedureCode). */
    List<String> codes() {
        List<String> out = new ArrayList<>();
        for (String field : new String[] {"code", "vaccineCode", "medicationCodeableConcept", "type", "procedureCode"}) {
            JsonNode node = json.path(field);
            if (node.isArray()) node.forEach(n -> codings(n, out));
            else codings(node, out);
        }
        return out;
    }

    private static void codings(JsonNode concept, List<String> out) {
        for (JsonNode c : concept.path("coding")) {
            String code = c.path("code").asText(null);
            if (code == null) continue;
            out.add(c.path("system").asText("") + "|" + code);
            out.add(code);
        }
    }

    private static final String[][] DATES = {
            {"effectiveDateTime"}, {"effectivePeriod", "start"}, {"effectiveInstant"}, {"onsetDateTime"}, {"onsetPeriod", "start"},
            {"performedDateTime"}, {"performedPeriod", "start"}, {"occurrenceDateTime"}, {"period", "start"}, {"authoredOn"},
            {"recordedDate"}, {"issued"}, {"started"}, {"date"}, {"recorded"}, {"created"}, {"dateAsserted"}};

    /** The clinically relevant date: effective, onset, performed, occurrence, period start, authored, recorded, … */
    OffsetDateTime effective() {
        for (String[] path : DATES) {
            JsonNode n = json;
            for (String p : path) n = n.path(p);
            if (n.isTextual()) {
                OffsetDateTime t = instant(n.asText());
                if (t != null) return t;
            }
        }
        return null;
    }

    /** A FHIR date or dateTime as an instant: partial dates start at their first day (UTC). */
    static OffsetDateTime instant(String v) {
        try {
            if (v.length() == 4) return LocalDate.of(Integer.parseInt(v), 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC);
            if (v.length() == 7) return LocalDate.parse(v + "-01").atStartOfDay().atOffset(ZoneOffset.UTC);
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
            return OffsetDateTime.parse(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    String where() {
        return "Bundle.entry[" + index + "].resource";
    }
}
