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
