package cn.fuyou.security;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
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

    @Transactional
    public Issued issue(String name, UUID institutionId, StaffRole role, OffsetDateTime expiresAt) {
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
