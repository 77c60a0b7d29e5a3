package cn.fuyou.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Splits a received Bundle (or a single resource, or NDJSON lines) into its resources, as JSON trees. */
public final class IncomingBundles {

    private IncomingBundles() {}

    /** The entries of a Bundle, or the one resource when the document is not a Bundle. */
    public static List<IncomingResource> entries(JsonNode doc) {
        if (!"Bundle".equals(doc.path("resourceType").asText())) return List.of(IncomingResource.of(0, null, doc));
        List<IncomingResource> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : doc.path("entry")) {
            JsonNode r = e.path("resource");
            if (r.isObject()) out.add(IncomingResource.of(i, e.path("fullUrl").asText(null), r));
            i++;
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The top-level elements the import routes a resource by (type, id, person, codes, date); the rest is only kept as text. */
    private static final java.util.Set<String> ROUTING = java.util.Set.of("resourceType", "id", "subject", "patient", "beneficiary",
            "code", "vaccineCode", "medicationCodeableConcept", "type", "procedureCode", "effectiveDateTime", "effectivePeriod",
            "effectiveInstant", "onsetDateTime", "onsetPeriod", "performedDateTime", "performedPeriod", "occurrenceDateTime", "period",
            "authoredOn", "recordedDate", "issued", "started", "date", "recorded", "created", "dateAsserted");

    /**
     * A Bundle file read as a stream (the bulk import): each entry's resource is kept as the exact text
     * received, with only its routing elements as a tree — the rest (narratives, attachments, …) is
     * skipped, not built. A document that is not a Bundle is read whole.
     */
    public static Bundle read(byte[] bytes) throws java.io.IOException {
        String resourceType = null, bundleType = null;
        List<IncomingResource> out = new ArrayList<>();
        try (var p = MAPPER.getFactory().createParser(bytes)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) throw new com.fasterxml.jackson.core.JsonParseException(p, "not a JSON object");
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                var t = p.nextToken();
                if ("resourceType".equals(field) && t.isScalarValue()) resourceType = p.getText();
                else if ("type".equals(field) && t.isScalarValue()) bundleType = p.getText();
                else if ("entry".equals(field) && t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    int i = 0;
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        String fullUrl = null;
                        IncomingResource r = null;
                        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                            String ef = p.currentName();
                            var et = p.nextToken();
                            if ("fullUrl".equals(ef) && et.isScalarValue()) fullUrl = p.getText();
                            else if ("resource".equals(ef) && et == com.fasterxml.jackson.core.JsonToken.START_OBJECT) r = resource(p, bytes, i);
                            else p.skipChildren();
                        }
                        if (r != null) out.add(new IncomingResource(i, fullUrl, r.type(), r.sourceId(), r.json(), r.utf8(), r.elements()));
                        i++;
                    }
                    if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) p.skipChildren();
                } else p.skipChildren();
            }
        }
        if (!"Bundle".equals(resourceType)) return new Bundle(null, entries(MAPPER.readTree(bytes)));
        return new Bundle(bundleType == null ? "" : bundleType, out);
    }

    /** A Bundle's type and its entries (type null: a single resource). */
    public record Bundle(String type, List<IncomingResource> entries) {}

    private static IncomingResource resource(com.fasterxml.jackson.core.JsonParser p, byte[] bytes, int index) throws java.io.IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        var routing = MAPPER.createObjectNode();
        java.util.Set<String> elements = new java.util.LinkedHashSet<>();
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            elements.add(f);
            if (ROUTING.contains(f)) routing.set(f, MAPPER.readTree(p));
            else p.skipChildren();
        }
        int end = (int) p.currentLocation().getByteOffset();
        return new IncomingResource(index, null, routing.path("resourceType").asText(null), routing.path("id").asText(null), routing,
                java.util.Arrays.copyOfRange(bytes, start, end), elements);
    }

    /**
     * When every patient reference of the entries points at a Patient of the entries themselves, the
     * first Patient's source id (or full URL; "" when there is no Patient): the entries can be imported
     * without what other bundles import. Empty when they need another bundle's Patient.
     */
    public static java.util.Optional<String> standsAlone(List<IncomingResource> entries) {
        java.util.Set<String> own = new java.util.HashSet<>();
        String first = null;
        for (IncomingResource e : entries) {
            if (!"Patient".equals(e.type())) continue;
            if (e.fullUrl() != null) own.add(e.fullUrl());
            if (e.sourceId() != null) own.add("Patient/" + e.sourceId());
            if (first == null) first = e.sourceId() != null ? e.sourceId() : e.fullUrl();
        }
        for (IncomingResource e : entries) {
            String ref = "Patient".equals(e.type()) ? null : e.patientReference();
            if (ref != null && !own.contains(ref)) return java.util.Optional.empty();
        }
        return java.util.Optional.of(first == null ? "" : first);
    }

    /** Resources read one by one (NDJSON lines). */
    public static List<IncomingResource> resources(List<JsonNode> resources) {
        List<IncomingResource> out = new ArrayList<>();
        for (JsonNode r : resources) {
            String type = r.path("resourceType").asText(null);
            String id = r.path("id").asText(null);
            out.add(IncomingResource.of(out.size(), type != null && id != null ? type + "/" + id : null, r));
        }
        return out;
    }

}
