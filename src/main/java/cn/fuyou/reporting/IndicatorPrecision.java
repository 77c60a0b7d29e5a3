package cn.fuyou.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding of every indicator figure fuyou produces — the statistics API, the annual tables and
 * their .xlsx, the defect and critical-care statistics, the ART outcomes page and calculator: numerator ×
 * multiplier ÷ denominator, rounded half-up to the indicator's declared precision (decimals); null when the
 * denominator is 0.
 */
public final class IndicatorPrecision {

    /**
     * The precision of an indicator that declares none. indicators.md gives each kind its multiplier (% for
     * services; ‰ for perinatal, neonatal, infant and under-5 mortality; per 10,000 for birth defects; per
     * 100,000 for maternal mortality and hysterectomy) but names no decimals for any kind, so every kind keeps
     * the 2 decimals fuyou's figures have always had; an indicator whose source names its precision declares it
     * in its catalogue file (the {@code ART_*} rates: 1, clinical-rules.md §8).
     */
    public static final int DEFAULT = 2;

    /** The most decimals an indicator may declare. */
    public static final int MAX = 4;

    /**
     * Half-up, the rounding clinical-rules.md §8 names for the ART rates; indicators.md names no rounding for the
     * others, so every figure rounds the same way.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private IndicatorPrecision() {}

    /** The indicator's figure for these counts, to its declared precision; null when the denominator is 0. */
    public static BigDecimal value(long numerator, long denominator, IndicatorCatalogue.Indicator indicator) {
        return value(numerator, denominator, indicator.multiplier(), indicator.precision());
    }

    /** numerator × multiplier ÷ denominator to {@code precision} decimals, half-up; null when the denominator is 0. */
    public static BigDecimal value(long numerator, long denominator, long multiplier, int precision) {
        if (denominator == 0) return null;
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(multiplier))
                .divide(BigDecimal.valueOf(denominator), precision, ROUNDING);
    }

    /** The spreadsheet number format that shows exactly {@code precision} decimals ("0", "0.0", "0.00"…). */
    public static String spreadsheetFormat(int precision) {
        return precision == 0 ? "0" : "0." + "0".repeat(precision);
    }
}
