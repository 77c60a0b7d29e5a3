package cn.fuyou.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Lockout after repeated failures: {@code maxAttempts} wrong passwords lock the account for {@code lockFor}. */
@ConfigurationProperties("fuyou.login")
record LoginPolicy(int maxAttempts, Duration lockFor) {
    LoginPolicy {
        if (maxAttempts <= 0) maxAttempts = 5;
        if (lockFor == null) lockFor = Duration.ofMinutes(15);
    }
}
