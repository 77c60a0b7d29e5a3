package cn.fuyou.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Collection;
import java.util.OptionalLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The staff sign-in's protections for other kinds of account (the mother's app, issue 12): the same
 * per-address throttle and lockout policy ({@code fuyou.login.*}), and a fresh session at sign-in (no
 * session fixation). A principal that is not a staff {@link cn.fuyou.shared.Actor} never reaches a staff
 * API: the access tables admit the mother's session ({@link AccessPolicy.Subject#MOTHER_AUTHORITY}) only where
 * they name {@code MOTHER}.
 */
@Component
public class SignInGuard {

    private final LoginThrottle throttle;
    private final LoginPolicy policy;
    private final SecurityContextRepository contexts;

    SignInGuard(LoginThrottle throttle, LoginPolicy policy, SecurityContextRepository contexts) {
        this.throttle = throttle;
        this.policy = policy;
        this.contexts = contexts;
    }

    /** Seconds this address must wait after too many failures; empty when it may try. */
    public OptionalLong retryAfter(HttpServletRequest req) {
        return throttle.retryAfter(req.getRemoteAddr());
    }

    public void failed(HttpServletRequest req) {
        throttle.failed(req.getRemoteAddr());
    }

    public int maxAttempts() {
        return policy.maxAttempts();
    }

    public Duration lockFor() {
        return policy.lockFor();
    }

    /** Signs the principal in on a new session (the old one, if any, is invalidated). */
    public void startSession(Object principal, Collection<? extends GrantedAuthority> authorities, HttpServletRequest req,
                             HttpServletResponse res) {
        HttpSession old = req.getSession(false);
        if (old != null) old.invalidate();
        req.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, req, res);
    }
}
