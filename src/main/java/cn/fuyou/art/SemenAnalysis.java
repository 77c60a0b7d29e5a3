package cn.fuyou.art;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Semen analysis against the WHO 2021 lower reference limits (6th edition, Table 8.1), which are rule
 * data ({@code rules/art/semen-<version>.json}): a value below its limit is flagged; a concentration of
 * 0 is azoospermia. Values are compared in decimal. Pure: no Spring.
 */
public final class SemenAnalysis {

    public record Limit(String field, String flag, BigDecimal lowerLimit, String unit, String nameZh, String nameEn) {}

    public record Rules(String version, String source, List<Limit> limits) {}

    /** One analysis; any value may be missing (not measured). */
    public record Values(BigDecimal volumeMl, BigDecimal concentration, BigDecimal totalCount, BigDecimal progressive,
                         BigDecimal totalMotility, BigDecimal vitality, BigDecimal normalForms) {

        BigDecimal get(String field) {
            return switch (field) {
                case "volumeMl" -> volumeMl;
                case "concentration" -> concentration;
                case "totalCount" -> totalCount;
                case "progressive" -> progressive;
                case "totalMotility" -> totalMotility;
                case "vitality" -> vitality;
                case "normalForms" -> normalForms;
                default -> throw new IllegalArgumentException("unknown semen field " + field);
            };
        }
    }

    public record Result(List<String> flags, String ruleVersion) {}

    public static final String AZOOSPERMIA = "AZOOSPERMIA";

    private final Rules rules;

    public SemenAnalysis(Rules rules) {
        this.rules = rules;
    }

    public static SemenAnalysis load(String version) {
        String path = "/rules/art/semen-" + version + ".json";
        try (InputStream in = SemenAnalysis.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no semen rule set " + path);
            return new SemenAnalysis(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Rules.class));
        } catch (IOException e) {
            throw new IllegalStateException("semen rule set " + path + " unreadable", e);
        }
    }

    public Rules rules() {
        return rules;
    }

    public Result assess(Values v) {
        List<String> flags = new ArrayList<>();
        if (v.concentration() != null && v.concentration().signum() == 0) flags.add(AZOOSPERMIA);
        for (Limit l : rules.limits()) {
            BigDecimal value = v.get(l.field());
            if (value != null && value.compareTo(l.lowerLimit()) < 0) flags.add(l.flag());
        }
        return new Result(List.copyOf(flags), rules.version());
    }

    /** The limits by field, for forms. */
    public Map<String, BigDecimal> limitsByField() {
        Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
        rules.limits().forEach(l -> m.put(l.field(), l.lowerLimit()));
        return m;
    }
}
