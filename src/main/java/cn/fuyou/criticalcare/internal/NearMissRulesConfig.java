package cn.fuyou.criticalcare.internal;

import cn.fuyou.criticalcare.NearMissPolicy;
import cn.fuyou.criticalcare.NearMissRuleSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The near-miss rule version in force ({@code fuyou.rules.near-miss}); each assessment stores it. */
@Configuration
class NearMissRulesConfig {

    @Bean
    NearMissPolicy nearMissPolicy(@Value("${fuyou.rules.near-miss:WHO-2011}") String version) {
        return new NearMissPolicy(NearMissRuleSet.load(version));
    }
}
