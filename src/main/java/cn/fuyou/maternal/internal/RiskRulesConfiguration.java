package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.rules.FactorNames;
import cn.fuyou.maternal.rules.RiskGradingPolicy;
import java.util.Locale;
import org.springframework.context.MessageSource;
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

    /** Factor names from the message bundles ({@code risk.factor.<CODE>} in messages*.properties). */
    @Bean
    FactorNames factorNames(MessageSource messages) {
        return new FactorNames() {
            @Override public String zh(String code) { return messages.getMessage("risk.factor." + code, null, code, Locale.SIMPLIFIED_CHINESE); }
            @Override public String en(String code) { return messages.getMessage("risk.factor." + code, null, code, Locale.ENGLISH); }
        };
    }

    @Bean
    RiskGradingPolicy riskGradingPolicy(RiskRuleSet pregnancyRiskRules, FactorNames factorNames) {
        return new RiskGradingPolicy(pregnancyRiskRules, factorNames);
    }
}
