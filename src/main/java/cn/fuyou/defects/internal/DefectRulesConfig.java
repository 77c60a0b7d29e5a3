package cn.fuyou.defects.internal;

import cn.fuyou.defects.DefectRuleSet;
import cn.fuyou.defects.ScreeningPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The §7 rule version in force ({@code fuyou.rules.birth-defects}); every classification stores it. */
@Configuration
class DefectRulesConfig {

    @Bean
    ScreeningPolicy screeningPolicy(@Value("${fuyou.rules.birth-defects:" + DefectRuleSet.DEFAULT_VERSION + "}") String version) {
        return new ScreeningPolicy(DefectRuleSet.load(version));
    }
}
