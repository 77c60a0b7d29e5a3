package cn.fuyou.defects;

/** A screening result's band by the clinical-rules.md §7 cut-offs. */
public enum RiskBand {
    HIGH, INTERMEDIATE, LOW;

    /** The worse of two bands (null counts as nothing). */
    public static RiskBand worst(RiskBand a, RiskBand b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
