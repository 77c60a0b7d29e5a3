package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.maternal.rules.RiskRuleSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clinical policies as beans, built from the rule data this installation is configured with
 * ({@code fuyou.rules.pregnancy-risk}, a province's version of the five-colour table).
 */
@Configuration(proxyBeanMethods = false)
class RiskRulesConfiguration {

    static final String DEFAULT_RISK_RULES = "NHC-2017-CQ-1";

    @Bean
    RiskRuleSet pregnancyRiskRules(@Value("${fuyou.rules.pregnancy-risk:" + DEFAULT_RISK_RULES + "}") String version) {
        return RiskRuleSet.load(version);
    }

    @Bean
    RiskGradingPolicy riskGradingPolicy(RiskRuleSet pregnancyRiskRules) {
        return new RiskGradingPolicy(pregnancyRiskRules);
    }
}
