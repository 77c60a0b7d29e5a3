package cn.fuyou.defects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * clinical-rules.md §7 as a pure policy over a {@link DefectRuleSet}: the trisomy 21 / trisomy 18 /
 * open neural tube defect cut-offs, the maternal-age prior for trisomy 21 at term (Morris, Mutton &
 * Alberman 2002) and the gestation adjustment (Snijders 1999). Risks are "1 in N" with N an integer,
 * so the cut-offs compare exactly; AFP MoM compares in decimal.
 */
public final class ScreeningPolicy {

    private final DefectRuleSet rules;

    public ScreeningPolicy(DefectRuleSet rules) {
        this.rules = rules;
    }

    public DefectRuleSet rules() {
        return rules;
    }

    public String version() {
        return rules.version();
    }

    /** Trisomy 21: HIGH when N ≤ 270, INTERMEDIATE when 270 < N ≤ 1000 (offer NIPT), LOW when N > 1000. */
    public RiskBand t21(long oneIn) {
        requirePositive(oneIn);
        if (oneIn <= rules.cutoffs().t21HighAtMost()) return RiskBand.HIGH;
        if (oneIn <= rules.cutoffs().t21IntermediateAtMost()) return RiskBand.INTERMEDIATE;
        return RiskBand.LOW;
    }

    /** Trisomy 18: HIGH when N ≤ 350, else LOW. */
    public RiskBand t18(long oneIn) {
        requirePositive(oneIn);
        return oneIn <= rules.cutoffs().t18HighAtMost() ? RiskBand.HIGH : RiskBand.LOW;
    }

    /** Open neural tube defect: HIGH when AFP MoM ≥ the laboratory's cut-off (null = the default 2.5), else LOW. */
    public RiskBand ontd(BigDecimal afpMom, BigDecimal labCutoff) {
        if (afpMom == null || afpMom.signum() <= 0) throw new IllegalArgumentException("AFP MoM must be positive");
        return afpMom.compareTo(afpCutoff(labCutoff)) >= 0 ? RiskBand.HIGH : RiskBand.LOW;
    }

    /** The laboratory's AFP cut-off: a setting between 2.0 and 2.5 MoM; null gives the default. */
    public BigDecimal afpCutoff(BigDecimal labCutoff) {
        if (labCutoff == null) return rules.cutoffs().afpMomDefault();
        if (labCutoff.compareTo(rules.cutoffs().afpMomMin()) < 0 || labCutoff.compareTo(rules.cutoffs().afpMomMax()) > 0) {
            throw new IllegalArgumentException("AFP cut-off must be between " + rules.cutoffs().afpMomMin() + " and " + rules.cutoffs().afpMomMax() + " MoM");
        }
        return labCutoff;
    }

    /** fuyou rule (in the rule data): nuchal translucency at or above 3.0 mm is HIGH. */
    public RiskBand nt(BigDecimal ntMm) {
        if (ntMm == null || ntMm.signum() <= 0) throw new IllegalArgumentException("NT must be positive");
        return ntMm.compareTo(rules.cutoffs().ntHighAtLeastMm()) >= 0 ? RiskBand.HIGH : RiskBand.LOW;
    }

    /** The woman's age in completed years at the EDD. */
    public static int maternalAgeAtEdd(LocalDate birthDate, LocalDate edd) {
        if (birthDate == null || edd == null || !birthDate.isBefore(edd)) throw new IllegalArgumentException("birth date must be before the EDD");
        return Period.between(birthDate, edd).getYears();
    }

    /** Trisomy 21 risk at term for a woman aged {@code age} completed years at the EDD. */
    public PriorRisk t21AtTerm(int age) {
        if (age < 10 || age > 60) throw new IllegalArgumentException("maternal age must be 10–60");
        DefectRuleSet.AgePrior a = rules.agePrior();
        double p = 1 / (1 + Math.exp(a.a() - a.b() / (1 + Math.exp(-a.c() * (age - a.x0())))));
        return PriorRisk.of(p);
    }

    /** RR = 10^(0.2718·L² − 1.023·L + 0.9425), L = log10(gestational age in completed weeks). */
    public double gestationFactor(int completedWeeks) {
        if (completedWeeks < 8 || completedWeeks > 42) throw new IllegalArgumentException("gestational weeks must be 8–42");
        DefectRuleSet.GestationAdjustment g = rules.gestation();
        double l = Math.log10(completedWeeks);
        return Math.pow(10, g.l2() * l * l + g.l1() * l + g.l0());
    }

    /** Risk at a gestation before term = risk at term × RR. */
    public PriorRisk atGestation(PriorRisk atTerm, int completedWeeks) {
        return PriorRisk.of(Math.min(1, atTerm.p() * gestationFactor(completedWeeks)));
    }

    private static void requirePositive(long oneIn) {
        if (oneIn < 1) throw new IllegalArgumentException("a risk 1 in N needs N ≥ 1");
    }
}
