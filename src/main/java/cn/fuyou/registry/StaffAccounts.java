package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and their failed-login counters (the lockout rule lives in the security module). */
@Service
public class StaffAccounts {

    private static final String SELECT = """
            select s.*, i.code as institution_code, i.name_zh as institution_name_zh, i.name_en as institution_name_en
              from staff_user s join institution i on i.id = s.institution_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    StaffAccounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<StaffAccount> find(String username) {
        return jdbc.sql(SELECT + " where s.username = ?").param(username).query((rs, n) -> new StaffAccount(
                rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), rs.getObject("institution_id", UUID.class), rs.getString("institution_code"),
                rs.getString("institution_name_zh"), rs.getString("institution_name_en"),
                StaffRole.valueOf(rs.getString("role")), rs.getString("area_code"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), rs.getObject("locked_until", OffsetDateTime.class))).optional();
    }

    /** Display names by username, for lists and histories in other modules (unknown usernames are left out). */
    public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) return java.util.Map.of();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select username, display_name from staff_user where username = any(?)").param(usernames.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    public record Listed(String username, String displayName, String institutionCode, StaffRole role, String areaCode, boolean enabled,
                         boolean locked) {}

    /** Staff of one institution, or everyone (null). */
    public java.util.List<Listed> list(String institutionCode) {
        return jdbc.sql(SELECT + (institutionCode == null ? "" : " where i.code = ?") + " order by i.code, s.username")
                .params(institutionCode == null ? java.util.List.of() : java.util.List.of(institutionCode))
                .query((rs, n) -> new Listed(rs.getString("username"), rs.getString("display_name"), rs.getString("institution_code"),
                        StaffRole.valueOf(rs.getString("role")), rs.getString("area_code"), rs.getBoolean("enabled"),
                        rs.getObject("locked_until", OffsetDateTime.class) != null
                                && rs.getObject("locked_until", OffsetDateTime.class).isAfter(OffsetDateTime.now())))
                .list();
    }

    /** Unlocks an account and sets whether it may sign in (audited). */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        int n = jdbc.sql("update staff_user set enabled = ?, failed_attempts = 0, locked_until = null, version = version + 1, changed_at = now(), changed_by = ? where username = ?")
                .params(enabled, CurrentActor.get().username(), username).update();
        if (n == 0) throw ApiException.notFound("staff user", username);
        audit.record(AuditRecord.write(enabled ? "ENABLE" : "DISABLE", "StaffUser", username, null, Map.of()));
    }

    /** What a signed-in session is checked against on every request: ended when disabled or auth_version moved on. */
    public record SessionState(boolean enabled, long authVersion) {}

    public Optional<SessionState> sessionState(String username) {
        return jdbc.sql("select enabled, auth_version from staff_user where username = ?").param(username)
                .query((rs, n) -> new SessionState(rs.getBoolean(1), rs.getLong(2))).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single();
    }

    /** Counts a failure in its own transaction; at {@code maxAttempts} the account locks for {@code lockFor}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<OffsetDateTime> recordFailure(String username, int maxAttempts, Duration lockFor) {
        return jdbc.sql("""
                update staff_user set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= ? then now() + ? * interval '1 second' else locked_until end
                 where username = ? returning locked_until""")
                .params(maxAttempts, lockFor.toSeconds(), username)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional().flatMap(o -> o);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username) {
        jdbc.sql("update staff_user set failed_attempts = 0, locked_until = null where username = ?").param(username).update();
    }

    public record NewAccount(String username, String passwordHash, String displayName, String institutionCode,
                             StaffRole role, String areaCode) {}

    @Transactional
    public UUID create(NewAccount a) {
        UUID institutionId = jdbc.sql("select id from institution where code = ?").param(a.institutionCode())
                .query(UUID.class).optional()
                .orElseThrow(() -> ApiException.badField("institutionCode", "unknown institution " + a.institutionCode()));
        if (a.role() == StaffRole.REGIONAL_OFFICIAL && a.areaCode() == null) {
            throw ApiException.badField("areaCode", "区域管理人员须指定地区 / a regional official needs an area");
        }
        UUID id = UUID.randomUUID();
        String by = CurrentActor.orSystem().username();
        jdbc.sql("""
                insert into staff_user (id, username, password_hash, display_name, institution_id, role, area_code, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, a.username(), a.passwordHash(), a.displayName(), institutionId, a.role().name(), a.areaCode(), by, by)
                .update();
        audit.record(AuditRecord.write("CREATE", "StaffUser", a.username(), null, Map.of("role", a.role().name())));
        return id;
    }
}
