package cn.fuyou.security;

import cn.fuyou.security.web.ProblemResponses;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public endpoints (calculators, directory) answer without login, so each client address gets
 * a token bucket; past it, 429 with Retry-After.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    @ConfigurationProperties("fuyou.rate-limit")
    record Settings(int perMinute, int maxClients) {
        Settings {
            if (perMinute <= 0) perMinute = 600;
            if (maxClients <= 0) maxClients = 100_000;
        }
    }

    private final Settings settings;
    private final ProblemResponses problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(Settings settings, ProblemResponses problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/calculators/") || path.startsWith("/api/growth/curves")
                || path.startsWith("/api/network/critical-care-centres"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > settings.maxClients()) buckets.clear(); // bounded memory under address churn
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), k -> Bucket.builder()
                .addLimit(l -> l.capacity(settings.perMinute()).refillGreedy(settings.perMinute(), Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
        } else {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(response, 429, "rate-limited", "请求过于频繁，请稍后再试 / too many requests; retry in " + seconds + " s");
        }
    }
}
