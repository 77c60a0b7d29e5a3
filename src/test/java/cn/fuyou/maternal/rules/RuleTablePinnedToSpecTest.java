package cn.fuyou.maternal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: clinical-rules.md §1, read from a copy of the section kept in
 * {@code src/test/resources/spec/clinical-rules-s1.md} (tests do not read outside the project).
 * The numeric table, the coded factors, the screening items and the management table are parsed
 * from the text and compared with the versioned rule file and with the policy's answers — a typo
 * in the rule file (or a spec change not carried into it) fails here.
 */
class RuleTablePinnedToSpecTest {

    private static final String VERSION = "NHC-2017-CQ-1";
    private static final List<RiskColour> COLOURS = List.of(RiskColour.YELLOW, RiskColour.ORANGE, RiskColour.RED);
    private static final Set<String> INTEGER_FACTORS = Set.of("AGE", "NYHA", "FETUS_COUNT", "UTERINE_SURGERIES",
            "MONTHS_SINCE_LAST_UTERINE_SURGERY");

    private final String spec = resource("/spec/clinical-rules-s1.md");
    private final JsonNode file = json(resource("/rules/pregnancy-risk/" + VERSION + ".json"));
    private final RiskGradingPolicy policy = new RiskGradingPolicy(RiskRuleSet.load(VERSION));

    // ---- numeric factors ------------------------------------------------------------------------

    record NumericRow(String code, Map<RiskColour, String> cells) {}

    private List<NumericRow> numericRows() {
        String table = section("### Numeric factors", "### Coded factors");
        List<NumericRow> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| factor code") || line.startsWith("|---")) continue;
            String[] cells = line.split("\\|");
            String code = cells[1].trim().split("[ (]")[0];
            Map<RiskColour, String> byColour = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) byColour.put(COLOURS.get(i), cells[i + 2].trim());
            rows.add(new NumericRow(code, byColour));
        }
        return rows;
    }

    @Test
    @DisplayName("§1 numeric table: the same 11 factors as the rule file, and at every threshold ± a step the policy gives the spec's colour")
    void numericTableMatchesRuleFileAndPolicy() {
        List<NumericRow> rows = numericRows();
        Set<String> fileCodes = new TreeSet<>();
        file.path("numeric").forEach(f -> fileCodes.add(f.path("factor").asText()));
        assertThat(rows).extracting(NumericRow::code).hasSize(11).containsExactlyInAnyOrderElementsOf(fileCodes);
        int compared = 0;
        for (NumericRow row : rows) {
            Map<RiskColour, Predicate<BigDecimal>> spec = new LinkedHashMap<>();
            Set<BigDecimal> probes = new TreeSet<>();
            row.cells().forEach((colour, text) -> spec.put(colour, parseCell(text, probes)));
            assertThat(probes).as(row.code() + " has thresholds in the spec").isNotEmpty();
            boolean integer = INTEGER_FACTORS.contains(row.code());
            Set<BigDecimal> values = new TreeSet<>();
            for (BigDecimal t : probes) {
                for (String d : integer ? new String[]{"-1", "0", "1"} : new String[]{"-1", "-0.1", "0", "0.1", "1"}) {
                    BigDecimal v = t.add(new BigDecimal(d));
                    boolean possible = !row.code().equals("NYHA") || (v.compareTo(BigDecimal.ONE) >= 0 && v.compareTo(BigDecimal.valueOf(4)) <= 0);
                    if (v.signum() > 0 && possible && (!integer || v.stripTrailingZeros().scale() <= 0)) values.add(v);
                }
            }
            for (BigDecimal v : values) {
                RiskColour expected = RiskColour.GREEN;
                for (RiskColour c : COLOURS) if (spec.get(c).test(v)) expected = c;
                assertThat(policyColour(row.code(), v)).as("%s = %s (spec: %s)", row.code(), v.toPlainString(), row.cells())
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).as("values compared").isGreaterThan(90);
    }

    /** One cell of the table as a predicate: "≥35 or ≤18", "60 ≤ Hb < 110", ">1.0 and ≤1.5", "III or IV", "2", "–". */
    private static Predicate<BigDecimal> parseCell(String text, Set<BigDecimal> probes) {
        String t = text.replaceAll("\\([^)]*\\)", "").trim();
        if (t.equals("–") || t.isEmpty()) return v -> false;
        Predicate<BigDecimal> any = v -> false;
        for (String alt : t.split(" or ")) {
            Predicate<BigDecimal> all = v -> true;
            for (String atom : alt.split(" and ")) all = all.and(atom(atom.trim(), probes));
            any = any.or(all);
        }
        return any;
    }

    private static final Pattern RANGE = Pattern.compile("([0-9.]+)\\s*(≤|<)\\s*[A-Za-z]+\\s*(≤|<)\\s*([0-9.]+)");
    private static final Pattern BOUND = Pattern.compile("(≥|≤|<|>)\\s*([0-9.]+)");
    private static final Map<String, Integer> ROMAN = Map.of("I", 1, "II", 2, "III", 3, "IV", 4);

    private static Predicate<BigDecimal> atom(String a, Set<BigDecimal> probes) {
        Matcher m = RANGE.matcher(a);
        if (m.matches()) {
            BigDecimal lo = new BigDecimal(m.group(1)), hi = new BigDecimal(m.group(4));
            probes.add(lo);
            probes.add(hi);
            Predicate<BigDecimal> low = m.group(2).equals("≤") ? v -> v.compareTo(lo) >= 0 : v -> v.compareTo(lo) > 0;
            Predicate<BigDecimal> high = m.group(3).equals("≤") ? v -> v.compareTo(hi) <= 0 : v -> v.compareTo(hi) < 0;
            return low.and(high);
        }
        m = BOUND.matcher(a);
        if (m.matches()) {
            BigDecimal x = new BigDecimal(m.group(2));
            probes.add(x);
            return switch (m.group(1)) {
                case "≥" -> v -> v.compareTo(x) >= 0;
                case "≤" -> v -> v.compareTo(x) <= 0;
                case "<" -> v -> v.compareTo(x) < 0;
                default -> v -> v.compareTo(x) > 0;
            };
        }
        BigDecimal exact = ROMAN.containsKey(a) ? BigDecimal.valueOf(ROMAN.get(a)) : new BigDecimal(a);
        probes.add(exact);
        return v -> v.compareTo(exact) == 0;
    }

    private RiskColour policyColour(String code, BigDecimal v) {
        Integer i = v.stripTrailingZeros().scale() <= 0 ? v.intValueExact() : null;
        RiskInputs in = switch (code) {
            case "AGE" -> new RiskInputs(i, null, null, null, null, null, null, null, null, null, null, null, List.of());
            // height 100 cm: BMI = weight exactly
            case "BMI" -> new RiskInputs(null, new BigDecimal("100"), v, null, null, null, null, null, null, null, null, null, List.of());
            case "HEMOGLOBIN" -> new RiskInputs(null, null, null, v, null, null, null, null, null, null, null, null, List.of());
            case "PLATELETS" -> new RiskInputs(null, null, null, null, v, null, null, null, null, null, null, null, List.of());
            case "PULMONARY_ARTERY_SYSTOLIC" -> new RiskInputs(null, null, null, null, null, v, null, null, null, null, null, null, List.of());
            case "NYHA" -> new RiskInputs(null, null, null, null, null, null, i, null, null, null, null, null, List.of());
            case "EJECTION_FRACTION" -> new RiskInputs(null, null, null, null, null, null, null, v, null, null, null, null, List.of());
            case "CREATININE" -> new RiskInputs(null, null, null, null, null, null, null, null, v, null, null, null, List.of());
            case "FETUS_COUNT" -> new RiskInputs(null, null, null, null, null, null, null, null, null, i, null, null, List.of());
            case "UTERINE_SURGERIES" -> new RiskInputs(null, null, null, null, null, null, null, null, null, null, i, null, List.of());
            case "MONTHS_SINCE_LAST_UTERINE_SURGERY" -> new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, i, List.of());
            default -> throw new AssertionError("spec factor without an input: " + code);
        };
        return policy.grade(in).colour();
    }

    // ---- coded factors --------------------------------------------------------------------------

    private Map<String, Set<String>> codedBlocks() {
        String text = section("### Coded factors", "### Screening items");
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String para : text.split("\n\\s*\n")) {
            String p = para.strip();
            if (p.startsWith("###")) p = p.substring(p.indexOf('\n') + 1).strip();
            String key = p.startsWith("Yellow:") ? "YELLOW" : p.startsWith("Orange:") ? "ORANGE" : p.startsWith("Red:") ? "RED"
                    : p.startsWith("Purple (flag):") ? "PURPLE" : null;
            if (key == null) continue;
            String body = p.substring(p.indexOf(':') + 1).replaceAll("(?s)\\([^)]*\\)", "");
            Set<String> codes = new TreeSet<>();
            Matcher m = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b").matcher(body);
            while (m.find()) codes.add(m.group());
            out.put(key, codes);
        }
        return out;
    }

    @Test
    @DisplayName("§1 coded factors: every code of the spec is in the rule file under its colour (and nothing else), and grades to that colour")
    void codedFactorsMatchRuleFileAndPolicy() {
        Map<String, Set<String>> spec = codedBlocks();
        assertThat(spec.keySet()).containsExactly("YELLOW", "ORANGE", "RED", "PURPLE");
        int total = 0;
        for (var e : spec.entrySet()) {
            Set<String> inFile = new TreeSet<>();
            file.path("coded").path(e.getKey()).forEach(n -> inFile.add(n.asText()));
            assertThat(inFile).as("rule file coded.%s", e.getKey()).isEqualTo(e.getValue());
            total += e.getValue().size();
        }
        assertThat(total).as("coded factors in §1").isEqualTo(86);
        Set<String> alsoPurple = new TreeSet<>();
        Matcher m = Pattern.compile("([A-Z][A-Z0-9_]+) \\(also sets\\s+purple\\)").matcher(section("### Coded factors", "### Screening items"));
        while (m.find()) alsoPurple.add(m.group(1));
        assertThat(alsoPurple).containsExactly("HBSAG_CARRIER_NORMAL_LIVER");
        Set<String> fileAlso = new TreeSet<>();
        file.path("alsoPurple").forEach(n -> fileAlso.add(n.asText()));
        assertThat(fileAlso).isEqualTo(alsoPurple);

        for (var e : spec.entrySet()) {
            for (String code : e.getValue()) {
                RiskGrading g = policy.grade(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null, List.of(code)));
                boolean purple = e.getKey().equals("PURPLE") || alsoPurple.contains(code);
                RiskColour colour = e.getKey().equals("PURPLE") ? RiskColour.GREEN : RiskColour.valueOf(e.getKey());
                assertThat(g.colour()).as(code).isEqualTo(colour);
                assertThat(g.purple()).as(code + " purple").isEqualTo(purple);
                assertThat(g.screenPositive()).as(code + " makes the screen positive").isTrue();
            }
        }
    }

    @Test
    @DisplayName("§1 screening items: height ≤145 cm and the five screening-only codes — screen positive, no colour")
    void screeningItems() {
        String text = section("### Screening items", "### Management by colour");
        Map<String, String> phraseToCode = Map.of("Rh-negative", "RH_NEGATIVE", "birth interval <18 months", "BIRTH_INTERVAL_UNDER_18_MONTHS",
                ">5 years", "BIRTH_INTERVAL_OVER_5_YEARS", "history of infertility", "INFERTILITY_HISTORY",
                "physical disability affecting childbirth", "PHYSICAL_DISABILITY");
        String flat = text.replaceAll("\\s+", " ");
        phraseToCode.keySet().forEach(p -> assertThat(flat).as("spec names the screening item").contains(p));
        Set<String> fileCodes = new TreeSet<>();
        file.path("screeningOnly").forEach(n -> fileCodes.add(n.asText()));
        assertThat(fileCodes).isEqualTo(new TreeSet<>(phraseToCode.values()));
        for (String code : fileCodes) {
            RiskGrading g = policy.grade(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null, List.of(code)));
            assertThat(g.colour()).as(code).isEqualTo(RiskColour.GREEN);
            assertThat(g.screenPositive()).as(code).isTrue();
        }
        Matcher h = Pattern.compile("height ≤(\\d+) cm").matcher(flat);
        assertThat(h.find()).isTrue();
        BigDecimal limit = new BigDecimal(h.group(1));
        assertThat(file.path("screeningNumeric").get(0).path("all").toString()).isEqualTo("[[\"<=\",\"" + limit + "\"]]");
        assertThat(policy.grade(heightOnly(limit)).screenPositive()).isTrue();
        assertThat(policy.grade(heightOnly(limit.add(new BigDecimal("0.1")))).screenPositive()).isFalse();
    }

    private static RiskInputs heightOnly(BigDecimal h) {
        return new RiskInputs(null, h, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    @Test
    @DisplayName("§1 management by colour: the level where she must be cared for and whether a dedicated case opens, per colour")
    void managementTable() {
        String text = section("### Management by colour", "Principle for dedicated cases");
        Map<String, int[]> spec = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| colour") || line.startsWith("|---")) continue;
            String[] cells = line.split("\\|");
            String colour = cells[1].trim().toUpperCase();
            String where = cells[2].trim();
            String caseCell = cells[3].trim();
            int level = 1;
            Matcher m = Pattern.compile("level[- ](\\d)").matcher(where);
            while (m.find()) level = Math.max(level, Integer.parseInt(m.group(1)));
            boolean dedicated = caseCell.contains("dedicated case") || (caseCell.startsWith("as ") && spec.get(caseCell.substring(3).trim().toUpperCase())[1] == 1);
            spec.put(colour, new int[]{level, dedicated ? 1 : 0});
        }
        assertThat(spec.keySet()).containsExactly("GREEN", "YELLOW", "ORANGE", "RED", "PURPLE");
        spec.forEach((colour, v) -> {
            JsonNode m = file.path("management").path(colour);
            assertThat(m.path("requiredLevel").asInt()).as(colour + " level in the rule file").isEqualTo(v[0]);
            assertThat(m.path("dedicatedCase").asBoolean()).as(colour + " dedicated case in the rule file").isEqualTo(v[1] == 1);
            if (!colour.equals("PURPLE")) {
                assertThat(RiskColour.valueOf(colour).requiredLevel()).as(colour + " level in the code").isEqualTo(v[0]);
                assertThat(RiskColour.valueOf(colour).needsDedicatedCase()).as(colour + " dedicated case in the code").isEqualTo(v[1] == 1);
            }
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String section(String from, String to) {
        int a = spec.indexOf(from);
        int b = spec.indexOf(to, a + 1);
        assertThat(a).as("spec section " + from).isNotNegative();
        assertThat(b).as("spec section end " + to).isPositive();
        return spec.substring(a, b);
    }

    private static String resource(String path) {
        try (InputStream in = RuleTablePinnedToSpecTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
