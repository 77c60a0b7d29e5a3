package cn.fuyou.maternal.rules;

import java.util.List;

/**
 * The result: the colour (highest among the factors, green if none), the purple flag, whether the
 * screen is positive, and each factor with its reason; named by the rule-set version that made it.
 */
public record RiskGrading(RiskColour colour, boolean purple, boolean screenPositive, List<Factor> factors, String ruleSetVersion) {

    /** {@code colour} is GREEN/YELLOW/ORANGE/RED, PURPLE for an infection, SCREENING for a screening-only item. */
    public record Factor(String code, String colour, String reasonZh, String reasonEn) {
        public String reason() {
            return reasonZh + " / " + reasonEn;
        }
    }
}
