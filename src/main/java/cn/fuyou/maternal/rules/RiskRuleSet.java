package cn.fuyou.maternal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the five-colour table (clinical-rules.md §1) as data: numeric thresholds with
 * their comparison operators, coded factor → colour, purple codes, screening-only items. A
 * province that changes a threshold ships a new version; every grading records which one it used.
 */
public final class RiskRuleSet {

    /** A comparison against a decimal threshold, e.g. {@code >= 35}. */
    record Condition(String op, BigDecimal threshold) {
        boolean test(BigDecimal v) {
            int c = v.compareTo(threshold);
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                case "=" -> c == 0;
                default -> throw new IllegalArgumentException("operator " + op);
            };
        }

        @Override
        public String toString() {
            return (op.equals(">=") ? "≥" : op.equals("<=") ? "≤" : op) + threshold.toPlainString();
        }
    }

    /** A colour that applies when all its conditions hold. */
    record Band(RiskColour colour, Condition[] all) {
        boolean matches(BigDecimal v) {
            for (Condition c : all) if (!c.test(v)) return false;
            return true;
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            for (Condition c : all) sb.append(sb.isEmpty() ? "" : " 且 ").append(c);
            return sb.toString();
        }
    }

    record NumericFactor(String code, String zh, String en, String unit, Band[] bands) {}

    private final String version;
    private final String source;
    private final Map<String, NumericFactor> numeric;
    private final NumericFactor heightScreen;
    private final Map<String, RiskColour> codedColour;
    private final Set<String> purple;
    private final Set<String> screeningOnly;
    private final String json;

    private RiskRuleSet(JsonNode root, String json) {
        this.json = json;
        this.version = root.path("version").asText();
        this.source = root.path("source").asText();
        this.numeric = new HashMap<>();
        for (JsonNode f : root.path("numeric")) {
            List<Band> bands = new ArrayList<>();
            for (JsonNode b : f.path("bands")) bands.add(new Band(RiskColour.valueOf(b.path("colour").asText()), conditions(b.path("all"))));
            numeric.put(f.path("factor").asText(), new NumericFactor(f.path("factor").asText(), f.path("zh").asText(),
                    f.path("en").asText(), f.path("unit").asText(), bands.toArray(Band[]::new)));
        }
        JsonNode h = root.path("screeningNumeric").get(0);
        this.heightScreen = new NumericFactor(h.path("factor").asText(), h.path("zh").asText(), h.path("en").asText(),
                h.path("unit").asText(), new Band[]{new Band(RiskColour.GREEN, conditions(h.path("all")))});
        this.codedColour = new HashMap<>();
        this.purple = new HashSet<>();
        for (RiskColour c : List.of(RiskColour.YELLOW, RiskColour.ORANGE, RiskColour.RED)) {
            for (JsonNode code : root.path("coded").path(c.name())) codedColour.put(code.asText(), c);
        }
        for (JsonNode code : root.path("coded").path("PURPLE")) purple.add(code.asText());
        for (JsonNode code : root.path("alsoPurple")) purple.add(code.asText());
        this.screeningOnly = new HashSet<>();
        for (JsonNode code : root.path("screeningOnly")) screeningOnly.add(code.asText());
    }

    private static Condition[] conditions(JsonNode all) {
        List<Condition> out = new ArrayList<>();
        for (JsonNode c : all) out.add(new Condition(c.get(0).asText(), new BigDecimal(c.get(1).asText())));
        return out.toArray(Condition[]::new);
    }

    public static RiskRuleSet parse(String json) {
        try {
            return new RiskRuleSet(new ObjectMapper().readTree(json), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code /rules/pregnancy-risk/<version>.json} from the classpath. */
    public static RiskRuleSet load(String version) {
        try (InputStream in = RiskRuleSet.class.getResourceAsStream("/rules/pregnancy-risk/" + version + ".json")) {
            if (in == null) throw new IllegalArgumentException("no pregnancy-risk rule set " + version);
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() { return version; }
    public String source() { return source; }
    public String json() { return json; }
    NumericFactor numeric(String code) { return numeric.get(code); }
    NumericFactor heightScreen() { return heightScreen; }

    /** YELLOW/ORANGE/RED for a coded factor, null for purple-only or screening-only codes. */
    RiskColour colourOf(String code) { return codedColour.get(code); }
    boolean isPurple(String code) { return purple.contains(code); }
    boolean isScreeningOnly(String code) { return screeningOnly.contains(code); }

    public boolean knows(String code) {
        return codedColour.containsKey(code) || purple.contains(code) || screeningOnly.contains(code);
    }

    /** Every code a clinician may record, with its colour ("PURPLE" or "SCREENING" where it has none). */
    public Map<String, String> codes() {
        Map<String, String> out = new java.util.TreeMap<>();
        codedColour.forEach((k, v) -> out.put(k, v.name()));
        purple.forEach(k -> out.putIfAbsent(k, "PURPLE"));
        screeningOnly.forEach(k -> out.put(k, "SCREENING"));
        return out;
    }
}
