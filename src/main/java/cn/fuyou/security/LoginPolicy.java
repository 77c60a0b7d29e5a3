package cn.fuyou.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lockout after repeated failures: {@code maxAttempts} wrong passwords lock the account for
 * {@code lockFor}; {@code maxFailuresPerAddress} failed sign-ins from one client address within
 * {@code addressWindow} refuse that address (429) whatever account it tries.
 */
@ConfigurationProperties("fuyou.login")
record LoginPolicy(int maxAttempts, Duration lockFor, int maxFailuresPerAddress, Duration addressWindow) {
    LoginPolicy {
        if (maxAttempts <= 0) maxAttempts = 5;
        if (lockFor == null) lockFor = Duration.ofMinutes(15);
        if (maxFailuresPerAddress <= 0) maxFailuresPerAddress = 20;
        if (addressWindow == null) addressWindow = Duration.ofMinutes(15);
    }
}
