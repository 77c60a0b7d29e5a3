package cn.fuyou.defects;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The combined risk for a laboratory without its own software (clinical-rules.md §7): the trisomy 21
 * prior at the EDD age adjusted to the gestation (for another condition, × the parameter set's prior
 * ratio), its odds multiplied by the likelihood ratio of the markers' log10 MoMs, and "1 in N" with
 * N = round(1/p). Pure: the result names the parameter set and rule version that made it.
 */
public final class RiskCalculation {

    public record Result(Map<String, Double> moms, Map<String, PriorRisk> priors, Map<String, Double> likelihoodRatios,
                         Map<String, PriorRisk> risks, String parameterSet, boolean illustrative, String ruleVersion) {}

    private RiskCalculation() {}

    /**
     * @param values marker → measured value in the parameter set's unit
     * @param gestationalDays gestational age at sampling in days
     */
    public static Result compute(ScreeningPolicy policy, MarkerParameters params, int maternalAgeAtEdd, int gestationalDays,
                                 Double weightKg, Map<String, Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no marker values");
        Map<String, Double> moms = new LinkedHashMap<>(), logs = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            MarkerParameters.Marker m = params.markers().get(e.getKey());
            if (m == null) throw new IllegalArgumentException("marker " + e.getKey() + " is not in parameter set " + params.code());
            if (e.getValue() == null || !(e.getValue() > 0)) throw new IllegalArgumentException("marker " + e.getKey() + " must be > 0");
            double mom = m.weightCorrected(e.getValue() / m.medianAt(gestationalDays), weightKg);
            moms.put(e.getKey(), mom);
            logs.put(e.getKey(), Math.log10(mom));
        }
        PriorRisk t21AtGestation = policy.atGestation(policy.t21AtTerm(maternalAgeAtEdd), gestationalDays / 7);
        Map<String, PriorRisk> priors = new LinkedHashMap<>(), risks = new LinkedHashMap<>();
        Map<String, Double> lrs = new LinkedHashMap<>();
        for (var c : params.conditions().entrySet()) {
            PriorRisk prior = PriorRisk.of(Math.min(1, t21AtGestation.p() * params.priorRatio().get(c.getKey())));
            double lr = LikelihoodRatio.of(logs, c.getValue(), params.unaffected());
            double odds = prior.p() / (1 - prior.p()) * lr;
            priors.put(c.getKey(), prior);
            lrs.put(c.getKey(), lr);
            risks.put(c.getKey(), PriorRisk.of(odds / (1 + odds)));
        }
        return new Result(moms, priors, lrs, risks, params.code() + "@" + params.version(), params.illustrative(), policy.version());
    }
}
