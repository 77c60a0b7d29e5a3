package cn.fuyou.criticalcare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHO near-miss criteria as versioned rule data ({@code rules/near-miss/<version>.json},
 * clinical-rules.md §6): the yes/no findings, the value criteria with their exact boundaries, the organ
 * system of each, and the plausible range of each measured value.
 */
public final class NearMissRuleSet {

    /** A finding recorded as yes/no. */
    public record Finding(String code, String system, String nameZh, String nameEn) {}

    /**
     * A criterion met by a measured value: {@code below} means value &lt; bound, {@code above} value &gt; bound,
     * {@code atLeast} value ≥ bound; a criterion with several bounds is met when any of them is.
     */
    public record ValueCriterion(String code, String field, String system, BigDecimal below, BigDecimal above,
                                 BigDecimal atLeast, String nameZh, String nameEn) {
        public boolean metBy(BigDecimal v) {
            return v != null && ((below != null && v.compareTo(below) < 0) || (above != null && v.compareTo(above) > 0)
                    || (atLeast != null && v.compareTo(atLeast) >= 0));
        }
    }

    public record Range(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }
    }

    private final String version;
    private final String source;
    private final List<String> systems;
    private final Map<String, Finding> findings;
    private final List<ValueCriterion> values;
    private final Map<String, Range> plausible;
    private final String json;

    private NearMissRuleSet(String json, JsonNode root) {
        this.json = json;
        this.version = root.path("version").asText();
        this.source = root.path("source").asText();
        List<String> sys = new ArrayList<>();
        root.path("systems").forEach(n -> sys.add(n.asText()));
        this.systems = List.copyOf(sys);
        Map<String, Finding> f = new LinkedHashMap<>();
        root.path("findings").forEach(n -> f.put(n.path("code").asText(),
                new Finding(n.path("code").asText(), n.path("system").asText(), n.path("zh").asText(), n.path("en").asText())));
        this.findings = Map.copyOf(f);
        List<ValueCriterion> v = new ArrayList<>();
        root.path("values").forEach(n -> v.add(new ValueCriterion(n.path("code").asText(), n.path("field").asText(),
                n.path("system").asText(), decimal(n, "below"), decimal(n, "above"), decimal(n, "atLeast"),
                n.path("zh").asText(), n.path("en").asText())));
        this.values = List.copyOf(v);
        Map<String, Range> p = new LinkedHashMap<>();
        root.path("plausible").fields().forEachRemaining(e -> p.put(e.getKey(),
                new Range(e.getValue().get(0).decimalValue(), e.getValue().get(1).decimalValue())));
        this.plausible = Map.copyOf(p);
        for (ValueCriterion c : values) {
            if (!plausible.containsKey(c.field())) throw new IllegalStateException("no plausible range for " + c.field());
        }
    }

    private static BigDecimal decimal(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).decimalValue() : null;
    }

    /** Loads {@code rules/near-miss/<version>.json} from the class path. */
    public static NearMissRuleSet load(String version) {
        String path = "/rules/near-miss/" + version + ".json";
        try (InputStream in = NearMissRuleSet.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no near-miss rule set " + version);
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new NearMissRuleSet(json, new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() { return version; }
    public String source() { return source; }
    public List<String> systems() { return systems; }
    public Map<String, Finding> findings() { return findings; }
    public List<ValueCriterion> values() { return values; }
    public Map<String, Range> plausible() { return plausible; }
    public String json() { return json; }

    public boolean knowsFinding(String code) {
        return findings.containsKey(code);
    }

    /** Every criterion code (findings and value criteria), for pickers and validation. */
    public List<String> codes() {
        List<String> all = new ArrayList<>(findings.keySet());
        values.forEach(v -> all.add(v.code()));
        return all.stream().sorted().toList();
    }

    public String systemOf(String code) {
        if (findings.containsKey(code)) return findings.get(code).system();
        return values.stream().filter(v -> v.code().equals(code)).map(ValueCriterion::system).findFirst().orElse(null);
    }
}
