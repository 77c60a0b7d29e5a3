package cn.fuyou.security;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address (issue 15 §4): the account lockout stops guessing one
 * password, this stops one address from trying many accounts. Past {@code maxFailuresPerAddress}
 * failures within {@code addressWindow} the address gets 429 until the bucket refills.
 */
@Component
class LoginThrottle {

    private static final int MAX_ADDRESSES = 100_000;

    private final LoginPolicy policy;
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginPolicy policy) {
        this.policy = policy;
    }

    /** Seconds to wait when this address has used up its failures; empty when it may try. */
    OptionalLong retryAfter(String address) {
        Bucket bucket = failures.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) return OptionalLong.empty();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds()));
    }

    void failed(String address) {
        if (failures.size() > MAX_ADDRESSES) failures.clear(); // bounded memory under address churn
        failures.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(l -> l.capacity(policy.maxFailuresPerAddress())
                        .refillGreedy(policy.maxFailuresPerAddress(), policy.addressWindow()))
                .build()).tryConsume(1);
    }
}
