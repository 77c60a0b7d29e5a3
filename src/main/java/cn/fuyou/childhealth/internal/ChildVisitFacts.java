package cn.fuyou.childhealth.internal;

import cn.fuyou.reporting.IndicatorFact;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a child's well-child visits contribute to the indicator catalogue ({@code indicators/childhealth.json}),
 * as a pure function of the record. Source {@code child}: the newborn visit (a visit at 0–28 days,
 * dated by the birth date). Source {@code child_year} (one per child and statistical year, 1 Oct –
 * 30 Sep): for a child under 5, the year's last measured visit gives the growth facts and the year's
 * last haemoglobin at 6–59 months the anaemia facts (WHO: Hb &lt; 110 g/L), dated by that visit.
 */
public final class ChildVisitFacts {

    static final int UNDER_FIVE_DAYS = 1826;

    private ChildVisitFacts() {}

    public record Visit(LocalDate date, int ageDays, String institutionCode, boolean measured, BigDecimal waz, BigDecimal lhaz,
                        BigDecimal whz, BigDecimal hemoglobin) {}

    public record Child(UUID childId, LocalDate birthDate, String areaCode, List<Visit> visits) {}

    /** The statistical year a date falls in, named by the year its 30 September falls in. */
    public static int statisticalYear(LocalDate d) {
        return d.getMonthValue() >= 10 ? d.getYear() + 1 : d.getYear();
    }

    public static UUID yearSource(UUID childId, int statYear) {
        return UUID.nameUUIDFromBytes((childId + ":" + statYear).getBytes(StandardCharsets.UTF_8));
    }

    /** source kind → source id → facts, with every source of the child's first six statistical years present. */
    public static Map<String, Map<UUID, List<IndicatorFact>>> of(Child c) {
        List<IndicatorFact> newborn = new ArrayList<>();
        c.visits().stream().filter(v -> v.ageDays() >= 0 && v.ageDays() <= 28).min(Comparator.comparing(Visit::date))
                .ifPresent(v -> newborn.add(new IndicatorFact("NEWBORN_VISITED", c.childId(), v.institutionCode(), c.areaCode(),
                        c.birthDate(), null)));
        Map<UUID, List<IndicatorFact>> years = new LinkedHashMap<>();
        int first = statisticalYear(c.birthDate());
        for (int y = first; y <= first + 6; y++) {
            int year = y;
            List<IndicatorFact> f = new ArrayList<>();
            years.put(yearSource(c.childId(), year), f);
            List<Visit> inYear = c.visits().stream().filter(v -> statisticalYear(v.date()) == year && v.ageDays() < UNDER_FIVE_DAYS)
                    .sorted(Comparator.comparing(Visit::date)).toList();
            Optional<Visit> measured = inYear.stream().filter(Visit::measured).reduce((a, b) -> b);
            measured.ifPresent(v -> {
                f.add(fact("CHILD_U5_MEASURED", c, v));
                if (below(v.waz(), -2)) f.add(fact("U5_UNDERWEIGHT_CHILD", c, v));
                if (below(v.lhaz(), -2)) f.add(fact("U5_STUNTED_CHILD", c, v));
                if (below(v.whz(), -2)) f.add(fact("U5_WASTED_CHILD", c, v));
                if (v.whz() != null && v.whz().compareTo(BigDecimal.valueOf(2)) > 0) f.add(fact("U5_OVERWEIGHT_CHILD", c, v));
            });
            inYear.stream().filter(v -> v.hemoglobin() != null && v.ageDays() >= 183).reduce((a, b) -> b).ifPresent(v -> {
                f.add(fact("CHILD_U5_HB_TESTED", c, v));
                if (v.hemoglobin().compareTo(BigDecimal.valueOf(110)) < 0) f.add(fact("U5_ANAEMIC_CHILD", c, v));
            });
        }
        Map<String, Map<UUID, List<IndicatorFact>>> result = new LinkedHashMap<>();
        result.put("child", new LinkedHashMap<>(Map.of(c.childId(), newborn)));
        result.put("child_year", years);
        return result;
    }

    private static boolean below(BigDecimal z, int limit) {
        return z != null && z.compareTo(BigDecimal.valueOf(limit)) < 0;
    }

    private static IndicatorFact fact(String measure, Child c, Visit v) {
        return new IndicatorFact(measure, c.childId(), v.institutionCode(), c.areaCode(), v.date(), null);
    }
}
