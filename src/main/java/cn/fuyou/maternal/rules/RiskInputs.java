package cn.fuyou.maternal.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * What the grading looks at: measurements (exact decimals, never binary floating point) and the
 * clinician's coded factors. Any of them may be unknown (null).
 */
public record RiskInputs(Integer ageYears, BigDecimal heightCm, BigDecimal weightKg, BigDecimal hemoglobinGPerL,
                         BigDecimal plateletsE9PerL, BigDecimal pulmonaryArterySystolicMmHg, Integer nyhaClass,
                         BigDecimal ejectionFractionPercent, BigDecimal creatinineTimesUpperLimit, Integer fetusCount,
                         Integer uterineSurgeries, Integer monthsSinceLastUterineSurgery, Collection<String> factors) {

    public RiskInputs {
        factors = factors == null ? List.of() : factors;
    }

    public static RiskInputs none() {
        return new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }
}
