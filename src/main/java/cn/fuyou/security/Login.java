package cn.fuyou.security;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.StaffAccount;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.StaffRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Password sign-in with lockout; the session id changes at sign-in (no session fixation). An unknown user, a
 * wrong password and a locked account get the same 401 and message after a bcrypt comparison each, so that
 * the answer does not tell which usernames exist; the lock holds and every refusal is audited with its reason.
 */
@Service
public class Login {

    // Compared against when the user does not exist, so that timing does not reveal valid usernames.
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1QnuR1xX5Vw8Kx0H0s1Zb1y";

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final SecurityContextRepository contexts;
    private final LoginPolicy policy;
    private final AuditLog audit;
    private final LoginThrottle throttle;

    Login(StaffAccounts accounts, PasswordEncoder encoder, SecurityContextRepository contexts, LoginPolicy policy, AuditLog audit,
          LoginThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.contexts = contexts;
        this.policy = policy;
        this.audit = audit;
        this.throttle = throttle;
    }

    public record Me(String username, String displayName, StaffRole role, UUID institutionId, String institutionCode,
                     String institutionNameZh, String institutionNameEn, String areaCode) {}

    public Me signIn(String username, String password, HttpServletRequest req, HttpServletResponse res) {
        String address = req.getRemoteAddr();
        var wait = throttle.retryAfter(address);
        if (wait.isPresent()) {
            failed(username, "address throttled");
            res.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                    "此地址登录失败次数过多，请 " + wait.getAsLong() + " 秒后再试 / too many failed sign-ins from this address; retry in "
                            + wait.getAsLong() + " s", List.of(), Map.of("retryAfterSeconds", wait.getAsLong()));
        }
        StaffAccount account = accounts.find(username.trim()).orElse(null);
        OffsetDateTime now = OffsetDateTime.now();
        if (account == null) {
            encoder.matches(password, DUMMY_HASH);
            throttle.failed(address);
            failed(username, "unknown user");
            throw badCredentials();
        }
        if (account.lockedAt(now)) {
            encoder.matches(password, DUMMY_HASH);
            throttle.failed(address);
            failed(username, "locked");
            throw badCredentials();
        }
        if (!account.enabled() || !encoder.matches(password, account.passwordHash())) {
            var lockedUntil = accounts.recordFailure(account.username(), policy.maxAttempts(), policy.lockFor());
            throttle.failed(address);
            boolean locks = lockedUntil.isPresent() && lockedUntil.get().isAfter(now);
            failed(username, locks ? "bad password; locked until " + lockedUntil.get() : "bad password");
            throw badCredentials();
        }
        accounts.recordSuccess(account.username());
        HttpSession old = req.getSession(false);
        if (old != null) old.invalidate();
        HttpSession session = req.getSession(true);
        // read after the success was recorded: the version the session is valid for
        SessionRevocation.remember(session, accounts.sessionState(account.username()).orElseThrow().authVersion());
        Actor actor = account.actor();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, Authorities.of(actor.role())));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, req, res);
        audit.recordFor(actor, new AuditRecord("LOGIN", "StaffUser", actor.username(), null, true, false, null, Map.of()));
        return me(account);
    }

    public Me me(Actor actor) {
        return accounts.find(actor.username()).map(this::me)
                .orElseGet(() -> new Me(actor.username(), actor.displayName(), actor.role(), actor.institutionId(),
                        actor.institutionCode(), null, null, actor.areaCode()));
    }

    private Me me(StaffAccount a) {
        return new Me(a.username(), a.displayName(), a.role(), a.institutionId(), a.institutionCode(), a.institutionNameZh(),
                a.institutionNameEn(), a.areaCode());
    }

    public void signOut(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
    }

    private void failed(String username, String why) {
        Actor who = new Actor(username, username, StaffRole.CLINICIAN, null, null, null);
        audit.recordFor(who, new AuditRecord("LOGIN", "StaffUser", username, null, false, false, why, Map.of()));
    }

    private static ApiException badCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "security.bad-credentials", List.of(), Map.of());
    }
}
