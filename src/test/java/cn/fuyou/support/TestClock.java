package cn.fuyou.support;

import cn.fuyou.shared.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock (China's zone) unless a test fixes it — e.g. at
 * 00:30 China time, when the UTC date is still yesterday. A test that fixes it resets it afterwards.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    public void fix(Instant at) {
        this.fixed = at;
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ChinaTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return fixed == null ? Clock.system(zone) : Clock.fixed(fixed, zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
