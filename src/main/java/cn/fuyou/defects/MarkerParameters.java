package cn.fuyou.defects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A laboratory's parameter set for the multivariate risk (clinical-rules.md §7, Reynolds & Penney
 * 1990): per marker the medians by gestational day (log-linear between points) and a weight
 * correction (expected MoM = a + b / weight kg); per group (unaffected, each condition) the means and
 * SDs of log10 MoM and their correlations; the ratio of each condition's prior to trisomy 21's. fuyou
 * ships no population parameters: a set marked {@code illustrative} is shown as one everywhere.
 */
public record MarkerParameters(String code, String version, boolean illustrative, String labelZh, String labelEn,
                               Map<String, Marker> markers, Distribution unaffected, Map<String, Distribution> conditions,
                               Map<String, Double> priorRatio) {

    /** @param medians [gestational day, median] pairs in day order */
    public record Marker(String unit, List<double[]> medians, Double weightA, Double weightB) {

        /** The median at a gestational day (log-linear between the two nearest points); refused outside the table. */
        public double medianAt(int day) {
            if (medians.isEmpty() || day < medians.get(0)[0] || day > medians.get(medians.size() - 1)[0]) {
                throw new IllegalArgumentException("gestational day " + day + " is outside the parameter set's medians");
            }
            for (int i = 0; i < medians.size() - 1; i++) {
                double[] lo = medians.get(i), hi = medians.get(i + 1);
                if (day >= lo[0] && day <= hi[0]) {
                    double t = hi[0] == lo[0] ? 0 : (day - lo[0]) / (hi[0] - lo[0]);
                    return Math.pow(10, Math.log10(lo[1]) + t * (Math.log10(hi[1]) - Math.log10(lo[1])));
                }
            }
            return medians.get(medians.size() - 1)[1];
        }

        /** The MoM corrected for maternal weight: MoM / (a + b / weight), unchanged without a correction or a weight. */
        public double weightCorrected(double mom, Double weightKg) {
            if (weightA == null || weightB == null || weightKg == null) return mom;
            return mom / (weightA + weightB / weightKg);
        }
    }

    /** Means and SDs of log10 MoM by marker; correlations keyed "A|B". */
    public record Distribution(Map<String, Double> means, Map<String, Double> sds, Map<String, Double> correlations) {
        public double correlation(String a, String b) {
            if (a.equals(b)) return 1;
            Double r = correlations.get(a + "|" + b);
            if (r == null) r = correlations.get(b + "|" + a);
            return r == null ? 0 : r;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a parameter set as stored (JSON); a malformed set is an {@link IllegalArgumentException} naming what is wrong. */
    public static MarkerParameters parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("parameter set is not JSON: " + e.getMessage());
        }
    }

    public static MarkerParameters parse(JsonNode root) {
        String code = text(root, "code");
        String version = text(root, "version");
        Map<String, Marker> markers = new LinkedHashMap<>();
        root.path("markers").fields().forEachRemaining(e -> {
            List<double[]> medians = new ArrayList<>();
            for (JsonNode p : e.getValue().path("medians")) {
                if (p.size() != 2 || p.get(1).asDouble() <= 0) throw new IllegalArgumentException("markers." + e.getKey() + ".medians: [day, median > 0] pairs");
                if (!medians.isEmpty() && p.get(0).asDouble() <= medians.get(medians.size() - 1)[0]) {
                    throw new IllegalArgumentException("markers." + e.getKey() + ".medians: days must increase");
                }
                medians.add(new double[]{p.get(0).asDouble(), p.get(1).asDouble()});
            }
            if (medians.isEmpty()) throw new IllegalArgumentException("markers." + e.getKey() + ".medians is required");
            JsonNode w = e.getValue().path("weight");
            markers.put(e.getKey(), new Marker(e.getValue().path("unit").asText(null), List.copyOf(medians),
                    w.hasNonNull("a") ? w.get("a").asDouble() : null, w.hasNonNull("b") ? w.get("b").asDouble() : null));
        });
        if (markers.isEmpty()) throw new IllegalArgumentException("markers is required");
        Distribution unaffected = distribution(root.path("unaffected"), "unaffected", markers);
        Map<String, Distribution> conditions = new LinkedHashMap<>();
        root.path("conditions").fields().forEachRemaining(e -> conditions.put(e.getKey(), distribution(e.getValue(), "conditions." + e.getKey(), markers)));
        if (!conditions.containsKey("T21")) throw new IllegalArgumentException("conditions.T21 is required");
        Map<String, Double> ratio = new LinkedHashMap<>();
        root.path("priorRatio").fields().forEachRemaining(e -> ratio.put(e.getKey(), e.getValue().asDouble()));
        ratio.putIfAbsent("T21", 1.0);
        for (String c : conditions.keySet()) {
            if (!ratio.containsKey(c) || ratio.get(c) <= 0) throw new IllegalArgumentException("priorRatio." + c + " is required (> 0)");
        }
        return new MarkerParameters(code, version, root.path("illustrative").asBoolean(false), root.path("labelZh").asText(""),
                root.path("labelEn").asText(""), Map.copyOf(markers), unaffected, Map.copyOf(conditions), Map.copyOf(ratio));
    }

    private static Distribution distribution(JsonNode n, String where, Map<String, Marker> markers) {
        Map<String, Double> means = new LinkedHashMap<>(), sds = new LinkedHashMap<>(), corr = new LinkedHashMap<>();
        for (String m : markers.keySet()) {
            if (!n.path("means").has(m) || !n.path("sds").has(m)) throw new IllegalArgumentException(where + ": mean and SD of " + m + " are required");
            means.put(m, n.path("means").get(m).asDouble());
            double sd = n.path("sds").get(m).asDouble();
            if (!(sd > 0)) throw new IllegalArgumentException(where + ".sds." + m + " must be > 0");
            sds.put(m, sd);
        }
        n.path("correlations").fields().forEachRemaining(e -> {
            double r = e.getValue().asDouble();
            if (r <= -1 || r >= 1) throw new IllegalArgumentException(where + ".correlations." + e.getKey() + " must be in (−1, 1)");
            corr.put(e.getKey(), r);
        });
        return new Distribution(Map.copyOf(means), Map.copyOf(sds), Map.copyOf(corr));
    }

    private static String text(JsonNode root, String field) {
        String s = root.path(field).asText("");
        if (s.isBlank()) throw new IllegalArgumentException(field + " is required");
        return s;
    }
}
