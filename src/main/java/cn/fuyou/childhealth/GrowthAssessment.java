package cn.fuyou.childhealth;

import cn.fuyou.childhealth.GrowthStandard.Indicator;
import cn.fuyou.childhealth.GrowthStandard.Sex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One measurement assessed by the rules of clinical-rules.md §4 (as WHO anthro applies them): the
 * 0.7 cm length/height adjustment, the 9-month standing rule, the table chosen by age, oedema,
 * the 60-month limit, implausible-value flags and the classification.
 */
public final class GrowthAssessment {

    static final double STANDING_TO_RECUMBENT_CM = 0.7;

    private GrowthAssessment() {}

    public enum Position { RECUMBENT, STANDING }

    public record Measurement(Sex sex, int ageDays, Double weightKg, Double lengthCm, Position position, Double headCm, boolean oedema) {}

    /** z rounded to 2 decimals (half-up) and the percentile of the unrounded z (1 decimal). */
    public record Score(BigDecimal z, BigDecimal percentile, boolean flagged) {}

    public record Result(int ageDays, Map<Indicator, Score> scores, List<String> flags, List<String> classification,
                         Double adjustedLengthCm) {}

    public static Result assess(GrowthStandard who, Measurement m) {
        Map<Indicator, Score> scores = new EnumMap<>(Indicator.class);
        List<String> flags = new ArrayList<>(2);
        List<String> classes = new ArrayList<>(2);
        int d = m.ageDays();
        if (d < 0) throw new IllegalArgumentException("measurement before birth");
        if (d / GrowthStandard.DAYS_PER_MONTH >= 60) {
            flags.add("AGE_60_MONTHS_OR_OVER");
            return new Result(d, scores, flags, classes, null);
        }
        boolean weightOk = m.weightKg() != null && !m.oedema();
        if (m.oedema() && m.weightKg() != null) flags.add("OEDEMA_NO_WEIGHT_Z");
        Double length = adjustedLength(m, flags);

        if (weightOk) put(scores, flags, Indicator.WEIGHT_FOR_AGE, who.zForAge(m.sex(), Indicator.WEIGHT_FOR_AGE, d, m.weightKg()));
        if (length != null) put(scores, flags, Indicator.LENGTH_FOR_AGE, who.zForAge(m.sex(), Indicator.LENGTH_FOR_AGE, d, length));
        if (m.headCm() != null) {
            put(scores, flags, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, who.zForAge(m.sex(), Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, d, m.headCm()));
        }
        if (weightOk && length != null) {
            Indicator wfl = d < GrowthStandard.LENGTH_HEIGHT_SWITCH_DAYS ? Indicator.WEIGHT_FOR_LENGTH : Indicator.WEIGHT_FOR_HEIGHT;
            double z = who.zForLength(m.sex(), wfl, length, m.weightKg());
            if (Double.isNaN(z)) flags.add(wfl == Indicator.WEIGHT_FOR_LENGTH ? "LENGTH_OUTSIDE_45_110" : "HEIGHT_OUTSIDE_65_120");
            else put(scores, flags, wfl, z);
            double bmi = m.weightKg() / Math.pow(length / 100.0, 2);
            put(scores, flags, Indicator.BMI_FOR_AGE, who.zForAge(m.sex(), Indicator.BMI_FOR_AGE, d, bmi));
        }
        classify(scores, classes);
        return new Result(d, scores, flags, classes, length);
    }

    /**
     * Under 731 days length is recumbent: standing + 0.7 cm, except under 9 months, where standing is
     * an invalid position (no length-based z). From 731 days height is standing: recumbent − 0.7 cm.
     */
    static Double adjustedLength(Measurement m, List<String> flags) {
        if (m.lengthCm() == null) return null;
        Position p = m.position() == null ? (m.ageDays() < GrowthStandard.LENGTH_HEIGHT_SWITCH_DAYS ? Position.RECUMBENT : Position.STANDING) : m.position();
        if (m.ageDays() < GrowthStandard.LENGTH_HEIGHT_SWITCH_DAYS) {
            if (p == Position.RECUMBENT) return m.lengthCm();
            if (m.ageDays() / GrowthStandard.DAYS_PER_MONTH < 9) {
                flags.add("STANDING_UNDER_9_MONTHS_INVALID");
                return null;
            }
            return m.lengthCm() + STANDING_TO_RECUMBENT_CM;
        }
        return p == Position.STANDING ? m.lengthCm() : m.lengthCm() - STANDING_TO_RECUMBENT_CM;
    }

    private static void put(Map<Indicator, Score> scores, List<String> flags, Indicator i, double z) {
        if (Double.isNaN(z) || Double.isInfinite(z)) return;
        boolean flagged = implausible(i, z);
        if (flagged) flags.add("IMPLAUSIBLE_" + i.name());
        scores.put(i, new Score(BigDecimal.valueOf(z).setScale(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(100 * normalCdf(z)).setScale(1, RoundingMode.HALF_UP), flagged));
    }

    /** §4 flags: WAZ < −6 or > 5; HAZ |z| > 6; WHZ, BMIZ, HCZ |z| > 5. */
    static boolean implausible(Indicator i, double z) {
        return switch (i) {
            case WEIGHT_FOR_AGE -> z < -6 || z > 5;
            case LENGTH_FOR_AGE -> Math.abs(z) > 6;
            case WEIGHT_FOR_LENGTH, WEIGHT_FOR_HEIGHT, BMI_FOR_AGE, HEAD_CIRCUMFERENCE_FOR_AGE -> Math.abs(z) > 5;
        };
    }

    /** Stunting, wasting, underweight, overweight, obesity (§4); flagged values are not classified. */
    static void classify(Map<Indicator, Score> s, List<String> out) {
        Score haz = s.get(Indicator.LENGTH_FOR_AGE);
        Score waz = s.get(Indicator.WEIGHT_FOR_AGE);
        Score whz = s.containsKey(Indicator.WEIGHT_FOR_LENGTH) ? s.get(Indicator.WEIGHT_FOR_LENGTH) : s.get(Indicator.WEIGHT_FOR_HEIGHT);
        if (valid(haz)) {
            if (lt(haz, "-3")) out.add("SEVERE_STUNTING");
            else if (lt(haz, "-2")) out.add("STUNTING");
        }
        if (valid(whz)) {
            if (lt(whz, "-3")) out.add("SEVERE_WASTING");
            else if (lt(whz, "-2")) out.add("WASTING");
            if (gt(whz, "3")) out.add("OBESITY");
            else if (gt(whz, "2")) out.add("OVERWEIGHT");
        }
        if (valid(waz) && lt(waz, "-2")) out.add("UNDERWEIGHT");
    }

    private static boolean valid(Score s) {
        return s != null && !s.flagged();
    }

    private static boolean lt(Score s, String v) {
        return s.z().compareTo(new BigDecimal(v)) < 0;
    }

    private static boolean gt(Score s, String v) {
        return s.z().compareTo(new BigDecimal(v)) > 0;
    }

    /** Φ(z) via the Chebyshev erfc approximation of Numerical Recipes (fractional error < 1.2e-7). */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
