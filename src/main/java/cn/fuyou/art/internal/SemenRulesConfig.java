package cn.fuyou.art.internal;

import cn.fuyou.art.SemenAnalysis;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The semen reference limits in force ({@code fuyou.rules.semen}, default WHO 2021); each analysis stores the version. */
@Configuration
class SemenRulesConfig {

    @Bean
    SemenAnalysis semenAnalysis(@Value("${fuyou.rules.semen:WHO-2021}") String version) {
        return SemenAnalysis.load(version);
    }
}
