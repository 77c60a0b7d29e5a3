package cn.fuyou.maternal.rules;

/**
 * Whether a birth weight is possible but implausible for its gestational age, so that the record
 * needs an explicit confirmation with a reason (issue 16 item 5). fuyou rule: more than 4 SD from
 * Hadlock's in-utero weight standard (Hadlock 1991, Radiology 181:129 — ln(weight g) = 0.578 +
 * 0.332·GA − 0.00354·GA², GA in weeks, SD 12.7% of the median). 3,200 g at 20 weeks (median
 * 331 g) is flagged; 3,200 g at 40 weeks (median 3,619 g) is not.
 */
public final class BirthWeightPlausibility {

    static final double SD_FRACTION = 0.127;
    static final double LIMIT_SD = 4;

    private BirthWeightPlausibility() {}

    public record Check(boolean implausible, int medianG, int lowG, int highG) {}

    public static Check check(int gaDays, int weightG) {
        double weeks = gaDays / 7.0;
        double median = Math.exp(0.578 + 0.332 * weeks - 0.00354 * weeks * weeks);
        double low = median * (1 - LIMIT_SD * SD_FRACTION);
        double high = median * (1 + LIMIT_SD * SD_FRACTION);
        return new Check(weightG < low || weightG > high, (int) Math.round(median), (int) Math.round(low), (int) Math.round(high));
    }
}
