package cn.fuyou.hospital;

/**
 * Gestational age at birth in the bands the NICU statistics are split by (WHO preterm birth
 * sub-categories): extremely preterm < 28 weeks, very preterm 28 to < 32, moderate to late preterm
 * 32 to < 37, term ≥ 37; unknown when the gestation is not recorded.
 */
public enum GestationalAgeBand {
    LT28, W28_31, W32_36, GE37, UNKNOWN;

    public static GestationalAgeBand of(Integer gaDays) {
        if (gaDays == null) return UNKNOWN;
        if (gaDays < 28 * 7) return LT28;
        if (gaDays < 32 * 7) return W28_31;
        if (gaDays < 37 * 7) return W32_36;
        return GE37;
    }
}
