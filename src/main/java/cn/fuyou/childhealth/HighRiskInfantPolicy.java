package cn.fuyou.childhealth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which infants join the high-risk list (issue 4 §5): preterm (< 37 weeks), low birth weight
 * (< 2500 g), NICU graduates, birth defects, PMTCT-exposed, and growth faltering — a fall of more
 * than 0.67 in weight-for-age z between consecutive visits.
 */
public final class HighRiskInfantPolicy {

    public static final BigDecimal FALTERING_DROP = new BigDecimal("0.67");

    private HighRiskInfantPolicy() {}

    public record Reason(String code, String detail) {}

    public static List<Reason> atBirth(Integer gaDays, Integer weightG, boolean nicu, String anomalies, boolean pmtctExposed) {
        List<Reason> out = new ArrayList<>();
        if (gaDays != null && gaDays < 37 * 7) out.add(new Reason("PRETERM", "出生孕周 " + gaDays / 7 + "+" + gaDays % 7));
        if (weightG != null && weightG < 2500) out.add(new Reason("LOW_BIRTH_WEIGHT", "出生体重 " + weightG + " g"));
        if (nicu) out.add(new Reason("NICU_GRADUATE", "新生儿重症监护 NICU"));
        if (anomalies != null && !anomalies.isBlank()) out.add(new Reason("BIRTH_DEFECT", anomalies.strip()));
        if (pmtctExposed) out.add(new Reason("PMTCT_EXPOSED", "母婴传播暴露 PMTCT exposure"));
        return out;
    }

    /** A fall strictly greater than 0.67 z between two consecutive weight-for-age values. */
    public static boolean faltering(BigDecimal previousWaz, BigDecimal currentWaz) {
        return previousWaz != null && currentWaz != null && previousWaz.subtract(currentWaz).compareTo(FALTERING_DROP) > 0;
    }
}
