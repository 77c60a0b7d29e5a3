package cn.fuyou.security;

import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.security.web.ProblemResponses;
import cn.fuyou.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a UI session as soon as its account is disabled or its role, institution, area or password
 * changes (issue 15 §4): the session remembers the account's {@code auth_version} from sign-in and
 * every request compares it with the database (one primary-key read), so this works on any number
 * of application nodes and needs no session registry.
 */
@Component
class SessionRevocation extends OncePerRequestFilter {

    static final String AUTH_VERSION = "fuyou.authVersion";

    private final StaffAccounts accounts;
    private final ProblemResponses problems;

    SessionRevocation(StaffAccounts accounts, ProblemResponses problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    static void remember(HttpSession session, long authVersion) {
        session.setAttribute(AUTH_VERSION, authVersion);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext ctx && ctx.getAuthentication() != null
                && ctx.getAuthentication().getPrincipal() instanceof Actor actor && !stillValid(session, actor)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            problems.write(response, 401, "session-ended",
                    "账号已停用或权限已变更，请重新登录 / your account was disabled or its role changed: sign in again");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(HttpSession session, Actor actor) {
        Object remembered = session.getAttribute(AUTH_VERSION);
        return remembered instanceof Long version && accounts.sessionState(actor.username())
                .map(s -> s.enabled() && s.authVersion() == version).orElse(false);
    }
}
