package cn.fuyou.maternal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Five-colour pregnancy risk grading (NHC 2017, 国卫办妇幼发〔2017〕35号; clinical-rules.md §1) over a
 * versioned {@link RiskRuleSet}. Pure and allocation-light: it runs at every contact and in the
 * calculators member hospitals call.
 */
public final class RiskGradingPolicy {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final RiskRuleSet rules;

    public RiskGradingPolicy(RiskRuleSet rules) {
        this.rules = rules;
    }

    public RiskRuleSet rules() {
        return rules;
    }

    /** §1: every code must be one the rule set knows; an unknown one is refused naming its place ({@code field[i]}). */
    public void checkCodes(List<String> codes, String field) {
        for (int i = 0; i < codes.size(); i++) {
            if (!rules.knows(codes.get(i))) throw new UnknownFactorException(codes.get(i), field + "[" + i + "]");
        }
    }

    public RiskGrading grade(RiskInputs in) {
        List<RiskGrading.Factor> factors = new ArrayList<>(4);
        RiskColour colour = RiskColour.GREEN;
        colour = max(colour, numeric("AGE", in.ageYears() == null ? null : BigDecimal.valueOf(in.ageYears()), factors));
        BigDecimal bmi = bmi(in.weightKg(), in.heightCm());
        colour = max(colour, numeric("BMI", bmi, factors));
        colour = max(colour, numeric("HEMOGLOBIN", in.hemoglobinGPerL(), factors));
        colour = max(colour, numeric("PLATELETS", in.plateletsE9PerL(), factors));
        colour = max(colour, numeric("PULMONARY_ARTERY_SYSTOLIC", in.pulmonaryArterySystolicMmHg(), factors));
        colour = max(colour, numeric("NYHA", in.nyhaClass() == null ? null : BigDecimal.valueOf(in.nyhaClass()), factors));
        colour = max(colour, numeric("EJECTION_FRACTION", in.ejectionFractionPercent(), factors));
        colour = max(colour, numeric("CREATININE", in.creatinineTimesUpperLimit(), factors));
        colour = max(colour, numeric("FETUS_COUNT", in.fetusCount() == null ? null : BigDecimal.valueOf(in.fetusCount()), factors));
        colour = max(colour, numeric("UTERINE_SURGERIES", in.uterineSurgeries() == null ? null : BigDecimal.valueOf(in.uterineSurgeries()), factors));
        colour = max(colour, numeric("MONTHS_SINCE_LAST_UTERINE_SURGERY",
                in.monthsSinceLastUterineSurgery() == null ? null : BigDecimal.valueOf(in.monthsSinceLastUterineSurgery()), factors));
        boolean screen = !factors.isEmpty();
        if (in.heightCm() != null && rules.heightScreen().bands()[0].matches(in.heightCm())) {
            var h = rules.heightScreen();
            factors.add(new RiskGrading.Factor("HEIGHT", "SCREENING", h.zh() + " " + in.heightCm().toPlainString() + " cm（"
                    + h.bands()[0].describe() + "）", h.en() + " " + in.heightCm().toPlainString() + " cm (" + h.bands()[0].describe() + ")"));
            screen = true;
        }
        boolean purple = false;
        for (String code : in.factors()) {
            RiskColour c = rules.colourOf(code);
            boolean isPurple = rules.isPurple(code);
            if (c == null && !isPurple && !rules.isScreeningOnly(code)) throw new UnknownFactorException(code);
            if (c != null) {
                factors.add(new RiskGrading.Factor(code, c.name(), "临床因素：" + code, "clinical factor: " + code));
                colour = max(colour, c);
            }
            if (isPurple) {
                purple = true;
                factors.add(new RiskGrading.Factor(code, "PURPLE", "传染性疾病：" + code, "infectious disease: " + code));
            }
            if (c == null && !isPurple) {
                factors.add(new RiskGrading.Factor(code, "SCREENING", "筛查项：" + code, "screening item: " + code));
            }
            screen = true;
        }
        return new RiskGrading(colour, purple, screen, factors, rules.version());
    }

    /** BMI = kg ÷ m², rounded half-up to one decimal before any comparison (§1). Exact decimal division. */
    public static BigDecimal bmi(BigDecimal weightKg, BigDecimal heightCm) {
        if (weightKg == null || heightCm == null || heightCm.signum() <= 0) return null;
        return weightKg.multiply(TEN_THOUSAND).divide(heightCm.multiply(heightCm), 1, RoundingMode.HALF_UP);
    }

    private RiskColour numeric(String code, BigDecimal value, List<RiskGrading.Factor> out) {
        if (value == null) return RiskColour.GREEN;
        RiskRuleSet.NumericFactor f = rules.numeric(code);
        for (RiskRuleSet.Band b : f.bands()) {
            if (b.matches(value)) {
                String v = value.stripTrailingZeros().toPlainString();
                out.add(new RiskGrading.Factor(code, b.colour().name(),
                        f.zh() + " " + v + " " + f.unit() + "（" + b.describe() + "）",
                        f.en() + " " + v + " " + f.unit() + " (" + b.describe() + ")"));
                return b.colour();
            }
        }
        return RiskColour.GREEN;
    }

    private static RiskColour max(RiskColour a, RiskColour b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
