package cn.fuyou.defects;

import cn.fuyou.reporting.IndicatorFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What this module's records contribute to the indicator catalogue ({@code indicators/defects.json}),
 * as pure functions of the records. Surveillance counts births from 28+0 weeks to 7 days after birth
 * (indicators.md {@code BIRTH_DEFECT_PREVALENCE}: per 10,000 perinatal births); a termination after
 * prenatal diagnosis before 28 weeks is registered and counts in the prenatal detection rate only.
 */
public final class DefectFacts {

    public static final int PERINATAL_FROM_WEEKS = 28;

    private DefectFacts() {}

    /** The quarterly table's maternal age groups: &lt;20, 20–24, 25–29, 30–34, ≥35. */
    public static String ageGroup(int age) {
        if (age < 20) return "LT20";
        if (age < 25) return "20_24";
        if (age < 30) return "25_29";
        if (age < 35) return "30_34";
        return "GE35";
    }

    public static final List<String> AGE_GROUPS = List.of("LT20", "20_24", "25_29", "30_34", "GE35");

    public record Registration(UUID motherId, UUID childId, String institutionCode, String areaCode, LocalDate eventDate,
                               int gestationalWeeks, String outcome, boolean prenatal, int maternalAge, List<String> categories,
                               boolean voided) {}

    public static List<IndicatorFact> of(Registration r) {
        List<IndicatorFact> f = new ArrayList<>();
        if (r.voided()) return f;
        UUID person = r.childId() != null ? r.childId() : r.motherId();
        f.add(fact("BIRTH_DEFECT_CASE_ALL", person, r));
        if (r.prenatal()) f.add(fact("BIRTH_DEFECT_PRENATAL", person, r));
        if (r.gestationalWeeks() >= PERINATAL_FROM_WEEKS) {
            f.add(fact("BIRTH_DEFECT_CASE", person, r));
            f.add(fact("BIRTH_DEFECT_CASE_MAGE_" + ageGroup(r.maternalAge()), person, r));
            Set<String> categories = new LinkedHashSet<>(r.categories());
            for (String c : categories) f.add(fact("BIRTH_DEFECT_CASE_" + c, person, r));
        }
        return f;
    }

    public record Delivery(UUID womanId, String institutionCode, String areaCode, LocalDate deliveredOn, int gaDays,
                           int maternalAge, int perinatalBirths, boolean serumScreened) {}

    /**
     * Perinatal births (≥ 28+0 weeks, live or stillborn) of a delivery by the mother's age group, one
     * source per birth: {@link #birthSource}(pregnancy, n) for n = 1…perinatalBirths.
     */
    public static java.util.Map<UUID, List<IndicatorFact>> births(UUID pregnancyId, Delivery d, int previouslyCounted) {
        java.util.Map<UUID, List<IndicatorFact>> out = new java.util.LinkedHashMap<>();
        int n = Math.max(d.perinatalBirths(), previouslyCounted);
        for (int i = 1; i <= n; i++) {
            List<IndicatorFact> f = new ArrayList<>();
            if (i <= d.perinatalBirths() && d.gaDays() >= PERINATAL_FROM_WEEKS * 7) {
                f.add(new IndicatorFact("PERINATAL_BIRTH_MAGE_" + ageGroup(d.maternalAge()), d.womanId(), d.institutionCode(),
                        d.areaCode(), d.deliveredOn(), null));
            }
            out.put(birthSource(pregnancyId, i), f);
        }
        return out;
    }

    /** The woman delivered who had serum screening in this pregnancy (indicators.md PRENATAL_SCREENING numerator). */
    public static List<IndicatorFact> woman(Delivery d) {
        List<IndicatorFact> f = new ArrayList<>();
        if (d.serumScreened() && d.gaDays() >= PERINATAL_FROM_WEEKS * 7) {
            f.add(new IndicatorFact("PRENATAL_SCREENED_WOMAN", d.womanId(), d.institutionCode(), d.areaCode(), d.deliveredOn(), null));
        }
        return f;
    }

    public static UUID birthSource(UUID pregnancyId, int n) {
        return UUID.nameUUIDFromBytes((pregnancyId + "#" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static IndicatorFact fact(String measure, UUID person, Registration r) {
        return new IndicatorFact(measure, person, r.institutionCode(), r.areaCode(), r.eventDate(), null);
    }
}
