package cn.fuyou.security;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for system integrations (a member hospital's EMR, the regional data centre).
 * The secret is shown once at issue; only its SHA-256 is stored (it is random, so no salt is needed).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "fy_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Issued(UUID id, String token) {}

    /** The longest a token may live; a token issued without an expiry by code (never by the API) gets this. */
    static final java.time.Duration MAX_LIFETIME = java.time.Duration.ofDays(366);

    @Transactional
    public Issued issue(String name, UUID institutionId, StaffRole role, OffsetDateTime expiresAt) {
        OffsetDateTime now = OffsetDateTime.now();
        if (expiresAt == null) expiresAt = now.plus(MAX_LIFETIME);
        if (!expiresAt.isAfter(now)) throw ApiException.badField("expiresAt", "有效期须在将来 / the expiry must be in the future");
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.badField("expiresAt", "有效期最长一年 / a token lives at most one year");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_token (id, name, token_hash, institution_id, role, created_by, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, name, hash(token), institutionId, role.name(), CurrentActor.orSystem().username(), expiresAt)
                .update();
        audit.record(AuditRecord.write("CREATE", "ApiToken", id, null, Map.of("name", name)));
        return new Issued(id, token);
    }

    public record Listed(UUID id, String name, String institutionCode, StaffRole role, OffsetDateTime createdAt, String createdBy,
                         OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy, boolean active) {}

    /** Every token (never its secret), newest first. */
    public java.util.List<Listed> list() {
        return jdbc.sql("""
                select t.id, t.name, i.code, t.role, t.created_at, t.created_by, t.expires_at, t.revoked_at, t.revoked_by,
                       (t.revoked_at is null and (t.expires_at is null or t.expires_at > now())) as active
                  from api_token t join institution i on i.id = t.institution_id order by t.created_at desc""")
                .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        StaffRole.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getBoolean(10)))
                .list();
    }

    /** Revokes a token at once: the next request with it is 401. */
    @Transactional
    public void revoke(UUID id) {
        int n = jdbc.sql("update api_token set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null")
                .params(CurrentActor.get().username(), id).update();
        if (n == 0 && jdbc.sql("select count(*) from api_token where id = ?").param(id).query(Long.class).single() == 0) {
            throw ApiException.notFound("token", id);
        }
        audit.record(AuditRecord.write("REVOKE", "ApiToken", id, null, Map.of()));
    }

    Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) return Optional.empty();
        return jdbc.sql("""
                select t.name, t.role, t.institution_id, i.code, i.area_code from api_token t join institution i on i.id = t.institution_id
                 where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())""")
                .param(hash(token))
                .query((rs, n) -> new Actor("token:" + rs.getString(1), rs.getString(1), StaffRole.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
                .optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
