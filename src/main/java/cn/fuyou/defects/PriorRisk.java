package cn.fuyou.defects;

/** A risk as a probability and as the "1 in N" labs write, N = round(1/p) (clinical-rules.md §7). */
public record PriorRisk(double p, long oneIn) {
    public static PriorRisk of(double p) {
        if (!(p > 0) || p > 1) throw new IllegalArgumentException("risk must be in (0, 1]: " + p);
        return new PriorRisk(p, Math.round(1 / p));
    }
}
