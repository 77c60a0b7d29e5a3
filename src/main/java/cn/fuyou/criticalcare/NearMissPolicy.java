package cn.fuyou.criticalcare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * WHO maternal near-miss criteria (WHO 2011; clinical-rules.md §6) as a pure policy over versioned
 * rule data: any criterion is a life-threatening condition; with it, survival to 42 days after the end
 * of pregnancy is a NEAR_MISS; death is a MATERNAL_DEATH with or without criteria; an unknown outcome
 * with criteria is LIFE_THREATENING; no criterion and no death is NONE.
 */
public final class NearMissPolicy {

    private final NearMissRuleSet rules;

    public NearMissPolicy(NearMissRuleSet rules) {
        this.rules = rules;
    }

    public NearMissRuleSet rules() {
        return rules;
    }

    public NearMissAssessment assess(NearMissInputs in) {
        TreeSet<String> criteria = new TreeSet<>();
        List<String> findings = in.findings();
        for (int i = 0; i < findings.size(); i++) {
            String code = findings.get(i);
            if (code == null || !rules.knowsFinding(code)) {
                throw new InvalidNearMissInput("findings[" + i + "]", "未知的危重指标代码 / unknown near-miss finding: " + code);
            }
            criteria.add(code);
        }
        for (Map.Entry<String, BigDecimal> e : in.values().entrySet()) {
            if (e.getValue() == null) continue;
            NearMissRuleSet.Range range = rules.plausible().get(e.getKey());
            if (range == null) throw new InvalidNearMissInput(e.getKey(), "未知的测量项 / unknown measured value " + e.getKey());
            if (!range.contains(e.getValue())) {
                throw new InvalidNearMissInput(e.getKey(), "数值不可能 / impossible value: " + e.getKey() + " must be "
                        + range.min().toPlainString() + "–" + range.max().toPlainString());
            }
        }
        for (NearMissRuleSet.ValueCriterion c : rules.values()) {
            if (c.metBy(in.values().get(c.field()))) criteria.add(c.code());
        }
        TreeSet<String> systems = new TreeSet<>();
        criteria.forEach(c -> systems.add(rules.systemOf(c)));
        boolean lifeThreatening = !criteria.isEmpty();
        NearMissAssessment.Classification cls;
        if (in.outcome() == NearMissInputs.Outcome.DIED) cls = NearMissAssessment.Classification.MATERNAL_DEATH;
        else if (!lifeThreatening) cls = NearMissAssessment.Classification.NONE;
        else if (in.outcome() == NearMissInputs.Outcome.SURVIVED) cls = NearMissAssessment.Classification.NEAR_MISS;
        else cls = NearMissAssessment.Classification.LIFE_THREATENING;
        return new NearMissAssessment(new ArrayList<>(criteria), new ArrayList<>(systems), lifeThreatening, cls, rules.version());
    }
}
