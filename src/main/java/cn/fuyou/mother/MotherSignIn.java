package cn.fuyou.mother;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.security.SignInGuard;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Her sign-in (issue 12 §1): activation with her ID number and the printed code, where she sets her
 * password; then ID number + password. The staff sign-in's protections apply: the per-address throttle
 * (429), lockout after {@code fuyou.login.max-attempts} failures, a new session at sign-in, every
 * attempt audited. Wrong ID number, wrong code, wrong password and a locked account give the same answer
 * (401, same message, a bcrypt comparison each): a different answer for a locked account would tell whoever
 * tries an ID number that an account exists for it. The lock itself still holds and is audited.
 */
@Service
public class MotherSignIn {

    private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1QnuR1xX5Vw8Kx0H0s1Zb1y";

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PasswordEncoder encoder;
    private final SignInGuard guard;
    private final AuditLog audit;

    MotherSignIn(JdbcClient jdbc, Persons persons, PasswordEncoder encoder, SignInGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.encoder = encoder;
        this.guard = guard;
        this.audit = audit;
    }

    public record Me(UUID personId, String displayName) {}

    public record Activation(String idNumber, String code, String password) {}

    public record Credentials(String idNumber, String password) {}

    record Account(UUID id, UUID personId, String activationHash, OffsetDateTime activationExpires, OffsetDateTime activatedAt,
                   String passwordHash, int failedAttempts, OffsetDateTime lockedUntil, boolean enabled, long authVersion) {}

    @Transactional(noRollbackFor = ApiException.class)
    public Me activate(Activation a, HttpServletRequest req, HttpServletResponse res) {
        if (a == null) throw ApiException.badField("idNumber", "mother.id-required");
        String idNumber = required(a.idNumber(), "idNumber", "mother.id-required").toUpperCase(Locale.ROOT);
        String code = ActivationCodes.normalize(required(a.code(), "code", "mother.code-required"));
        String password = a.password() == null ? "" : a.password();
        checkPassword(password, idNumber);
        throttled(req, idNumber);
        Account account = account(idNumber).orElse(null);
        OffsetDateTime now = OffsetDateTime.now();
        if (account == null || account.activationHash() == null || !account.enabled()) { // a disabled account is not activated
            encoder.matches(code, DUMMY_HASH);
            refuse(req, idNumber, null, "no activation code");
            throw wrongCode();
        }
        if (locked(account, now)) {
            encoder.matches(code, DUMMY_HASH);
            refuse(req, idNumber, account.personId(), "locked");
            throw wrongCode();
        }
        if (account.activationExpires().isBefore(now) || !encoder.matches(code, account.activationHash())) {
            failure(account, req, idNumber, "bad activation code");
            throw wrongCode();
        }
        jdbc.sql("""
                update mother_account set password_hash = ?, activated_at = coalesce(activated_at, now()), activation_hash = null,
                       activation_expires = null, failed_attempts = 0, locked_until = null, auth_version = auth_version + 1,
                       version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                .params(encoder.encode(password), "mother:" + account.personId(), account.id()).update();
        return start(account.personId(), "ACTIVATE", req, res);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public Me signIn(Credentials c, HttpServletRequest req, HttpServletResponse res) {
        if (c == null) throw ApiException.badField("idNumber", "mother.id-required");
        String idNumber = required(c.idNumber(), "idNumber", "mother.id-required").toUpperCase(Locale.ROOT);
        String password = required(c.password(), "password", "mother.password-required");
        throttled(req, idNumber);
        Account account = account(idNumber).orElse(null);
        OffsetDateTime now = OffsetDateTime.now();
        if (account == null || account.passwordHash() == null) {
            encoder.matches(password, DUMMY_HASH);
            refuse(req, idNumber, null, "no activated account");
            throw badCredentials();
        }
        if (locked(account, now)) {
            encoder.matches(password, DUMMY_HASH);
            refuse(req, idNumber, account.personId(), "locked");
            throw badCredentials();
        }
        if (!account.enabled() || !encoder.matches(password, account.passwordHash())) {
            failure(account, req, idNumber, "bad password");
            throw badCredentials();
        }
        return start(account.personId(), "LOGIN", req, res);
    }

    public void signOut(HttpServletRequest req) {
        // only her session ends here: a staff member's session that reaches this path is left alone
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof MotherPrincipal)) return;
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
    }

    /** The signed-in woman, re-checked against her account on every request (disabled or new password: 401). */
    public MotherPrincipal current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof MotherPrincipal p)) throw unauthenticated();
        boolean valid = jdbc.sql("select enabled and auth_version = ? from mother_account where id = ?").params(p.authVersion(), p.accountId())
                .query(Boolean.class).optional().orElse(false);
        if (!valid) throw unauthenticated();
        return p;
    }

    public Me me(MotherPrincipal p) {
        return new Me(p.personId(), p.displayName());
    }

    private Me start(UUID personId, String action, HttpServletRequest req, HttpServletResponse res) {
        record State(UUID id, long authVersion) {}
        State s = jdbc.sql("update mother_account set last_login_at = now(), failed_attempts = 0, locked_until = null where person_id = ? "
                        + "returning id, auth_version").param(personId).query(State.class).single();
        PersonDetail person = persons.load(personId).orElseThrow();
        String name = person.givenName() != null && !person.givenName().isBlank() ? person.givenName() : person.fullName();
        MotherPrincipal principal = new MotherPrincipal(s.id(), personId, name, s.authVersion());
        guard.startSession(principal, List.of(new SimpleGrantedAuthority(MotherPrincipal.ROLE)), req, res);
        audit.recordFor(auditActor(principal.getName()), new AuditRecord(action, "MotherAccount", personId.toString(), personId, true, false,
                null, Map.of()));
        return new Me(personId, name);
    }

    private Optional<Account> account(String idNumber) {
        return persons.findByDocument("RESIDENT_ID", idNumber).or(() -> persons.findByDocument("PASSPORT", idNumber))
                .flatMap(person -> jdbc.sql("""
                        select id, person_id, activation_hash, activation_expires, activated_at, password_hash, failed_attempts,
                               locked_until, enabled, auth_version from mother_account where person_id = ? for update""")
                        .param(person).query(Account.class).optional());
    }

    private boolean locked(Account a, OffsetDateTime now) {
        return a.lockedUntil() != null && a.lockedUntil().isAfter(now);
    }

    /** Counts a failure; the one that reaches {@code fuyou.login.max-attempts} locks the account (audited as such). */
    private void failure(Account a, HttpServletRequest req, String idNumber, String why) {
        int failures = a.failedAttempts() + 1;
        OffsetDateTime until = failures >= guard.maxAttempts() ? OffsetDateTime.now().plus(guard.lockFor()) : null;
        jdbc.sql("update mother_account set failed_attempts = ?, locked_until = ? where id = ?")
                .params(until != null ? 0 : failures, until, a.id()).update();
        refuse(req, idNumber, a.personId(), until != null ? why + "; locked until " + until : why);
    }

    private void refuse(HttpServletRequest req, String idNumber, UUID personId, String why) {
        guard.failed(req);
        String who = personId != null ? "mother:" + personId : "mother:" + mask(idNumber);
        audit.recordFor(auditActor(who), new AuditRecord("LOGIN", "MotherAccount", personId == null ? null : personId.toString(), personId,
                false, false, why, Map.of()));
    }

    private void throttled(HttpServletRequest req, String idNumber) {
        var wait = guard.retryAfter(req);
        if (wait.isPresent()) {
            audit.recordFor(auditActor("mother:" + mask(idNumber)), new AuditRecord("LOGIN", "MotherAccount", null, null, false, false,
                    "address throttled", Map.of()));
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "mother.too-many-attempts", List.of(),
                    Map.of("retryAfterSeconds", wait.getAsLong()), wait.getAsLong());
        }
    }

    /** Her password: at least 8 characters with letters and digits, not her ID number. */
    static void checkPassword(String password, String idNumber) {
        if (password.length() < 8 || password.length() > 128 || password.chars().noneMatch(Character::isLetter)
                || password.chars().noneMatch(Character::isDigit)) {
            throw ApiException.badField("password", "mother.password-weak");
        }
        if (password.toUpperCase(Locale.ROOT).contains(idNumber)) throw ApiException.badField("password", "mother.password-is-id");
    }

    static Actor auditActor(String name) {
        return new Actor(name, name, null, null, null, null);
    }

    private static String mask(String idNumber) {
        return idNumber.length() <= 4 ? "****" : "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 4);
    }

    private static String required(String value, String field, String key) {
        if (value == null || value.isBlank()) throw ApiException.badField(field, key);
        return value.strip();
    }

    private static ApiException wrongCode() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-activation", "mother.bad-activation", List.of(), Map.of());
    }

    private static ApiException badCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "mother.bad-credentials", List.of(), Map.of());
    }

    private static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "mother.sign-in-first", List.of(), Map.of());
    }
}
