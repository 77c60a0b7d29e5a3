package cn.fuyou.defects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned rule data of clinical-rules.md §7 ({@code rules/birth-defects/<version>.json}): the
 * screening cut-offs, the coefficients of the maternal-age prior and the gestation adjustment, the
 * monitored categories with their ICD-10 codes and whether a side is recorded, and the follow-up
 * step deadlines (a fuyou rule). Pure data: no Spring.
 */
public final class DefectRuleSet {

    public static final String DEFAULT_VERSION = "CN-2026-1";

    public record Cutoffs(int t21HighAtMost, int t21IntermediateAtMost, int t18HighAtMost, BigDecimal afpMomDefault,
                          BigDecimal afpMomMin, BigDecimal afpMomMax, BigDecimal ntHighAtLeastMm) {}

    /** p = 1 / (1 + exp(a − b / (1 + exp(−c · (x − x0))))). */
    public record AgePrior(double a, double b, double c, double x0) {}

    /** RR = 10^(l2·L² + l1·L + l0), L = log10(weeks). */
    public record GestationAdjustment(double l2, double l1, double l0) {}

    public record Category(String code, List<String> icd10, boolean side, String nameZh, String nameEn) {
        public String defaultIcd10() {
            return "Q".equals(icd10.get(0)) ? "Q89.9" : icd10.get(0);
        }
    }

    private final String version;
    private final String source;
    private final Cutoffs cutoffs;
    private final AgePrior agePrior;
    private final GestationAdjustment gestation;
    private final Map<String, Integer> followUpDays;
    private final Map<String, Category> categories;
    private final Map<String, int[]> windows;

    DefectRuleSet(String version, String source, Cutoffs cutoffs, AgePrior agePrior, GestationAdjustment gestation,
                  Map<String, Integer> followUpDays, Map<String, Category> categories, Map<String, int[]> windows) {
        this.windows = Map.copyOf(windows);
        this.version = version;
        this.source = source;
        this.cutoffs = cutoffs;
        this.agePrior = agePrior;
        this.gestation = gestation;
        this.followUpDays = Map.copyOf(followUpDays);
        this.categories = categories;
    }

    /** Loads {@code rules/birth-defects/<version>.json} from the class path. */
    public static DefectRuleSet load(String version) {
        String path = "/rules/birth-defects/" + version + ".json";
        try (InputStream in = DefectRuleSet.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no birth-defect rule set " + version);
            return parse(new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DefectRuleSet parse(JsonNode root) {
        JsonNode c = root.path("cutoffs");
        Cutoffs cut = new Cutoffs(c.path("t21HighAtMost").asInt(), c.path("t21IntermediateAtMost").asInt(), c.path("t18HighAtMost").asInt(),
                c.path("afpMomDefault").decimalValue(), c.path("afpMomMin").decimalValue(), c.path("afpMomMax").decimalValue(),
                c.path("ntHighAtLeastMm").decimalValue());
        if (cut.t21HighAtMost() <= 0 || cut.t21IntermediateAtMost() <= cut.t21HighAtMost() || cut.t18HighAtMost() <= 0) {
            throw new IllegalStateException("birth-defect rules: cut-offs out of order");
        }
        JsonNode a = root.path("agePrior");
        JsonNode g = root.path("gestationAdjustment");
        Map<String, Integer> days = new LinkedHashMap<>();
        root.path("followUpDays").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) days.put(e.getKey(), e.getValue().asInt());
        });
        Map<String, Category> cats = new LinkedHashMap<>();
        for (JsonNode n : root.path("categories")) {
            List<String> codes = new ArrayList<>();
            n.path("icd10").forEach(x -> codes.add(x.asText()));
            if (codes.isEmpty()) throw new IllegalStateException("birth-defect category " + n.path("code").asText() + " has no ICD-10 code");
            cats.put(n.path("code").asText(), new Category(n.path("code").asText(), List.copyOf(codes), n.path("side").asBoolean(),
                    n.path("zh").asText(), n.path("en").asText()));
        }
        Map<String, int[]> windows = new LinkedHashMap<>();
        root.path("windows").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) windows.put(e.getKey(), new int[]{e.getValue().get(0).asInt(), e.getValue().get(1).asInt()});
        });
        return new DefectRuleSet(root.path("version").asText(), root.path("source").asText(), cut,
                new AgePrior(a.path("a").asDouble(), a.path("b").asDouble(), a.path("c").asDouble(), a.path("x0").asDouble()),
                new GestationAdjustment(g.path("l2").asDouble(), g.path("l1").asDouble(), g.path("l0").asDouble()),
                days, java.util.Collections.unmodifiableMap(cats), windows);
    }

    public String version() { return version; }
    public String source() { return source; }
    public Cutoffs cutoffs() { return cutoffs; }
    public AgePrior agePrior() { return agePrior; }
    public GestationAdjustment gestation() { return gestation; }
    public Map<String, Category> categories() { return categories; }

    /** The screening kinds and the gestational days [from, to] each may be sampled at. */
    public Map<String, int[]> windows() { return windows; }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    /** Days a follow-up step is due after the step before it (COUNSEL, DIAGNOSIS, RESULT, DECISION, OUTCOME). */
    public int followUpDays(String step) {
        Integer d = followUpDays.get(step);
        if (d == null) throw new IllegalArgumentException("no deadline for follow-up step " + step);
        return d;
    }

    /**
     * The category an ICD-10 code belongs to: the one with the longest matching code prefix (Q17.2 is
     * microtia, Q17.0 another external-ear anomaly, Q90.9 Down syndrome, Q99.9 "other").
     */
    public Optional<Category> categoryOfIcd10(String icd10) {
        if (icd10 == null) return Optional.empty();
        String code = icd10.trim().toUpperCase(java.util.Locale.ROOT);
        Category best = null;
        int bestLength = -1;
        for (Category c : categories.values()) {
            for (String prefix : c.icd10()) {
                if (code.startsWith(prefix) && prefix.length() > bestLength) {
                    best = c;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
