package cn.fuyou.mother.internal;

import cn.fuyou.mother.SmsGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MotherConfiguration {

    /** Replaced by any other {@link SmsGateway} bean (a real provider). */
    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway recordingSmsGateway() {
        return new RecordingSmsGateway();
    }
}
