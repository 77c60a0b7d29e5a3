package cn.fuyou;

import cn.fuyou.shared.ChinaTime;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One place for China time: the application's {@link Clock} (China's zone; tests replace it with a
 * fixed one), Bean Validation's {@code @PastOrPresent} judged by that clock, and every database
 * session in China's zone so {@code current_date} is China's date.
 */
@Configuration(proxyBeanMethods = false)
class ChinaTimeConfiguration {

    @Bean
    Clock clock() {
        return ChinaTime.systemClock();
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    @Bean
    static BeanPostProcessor chinaTimeSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource ds && ds.getConnectionInitSql() == null) ds.setConnectionInitSql(ChinaTime.SESSION_SQL);
                return bean;
            }
        };
    }
}
