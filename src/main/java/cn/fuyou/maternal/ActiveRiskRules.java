package cn.fuyou.maternal;

import cn.fuyou.maternal.internal.Rules;

/** The five-colour policy with the rule set this installation runs (for other modules, e.g. CDS Hooks). */
public final class ActiveRiskRules {

    private ActiveRiskRules() {}

    public static RiskGradingPolicy policy() {
        return Rules.policy();
    }
}
