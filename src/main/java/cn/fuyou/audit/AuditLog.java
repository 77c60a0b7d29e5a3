package cn.fuyou.audit;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail (the table refuses UPDATE, DELETE and TRUNCATE). Writes join the
 * caller's transaction, so a rolled-back change leaves no audit row; refusals are recorded in a
 * transaction of their own so they survive the failing request.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord r) {
        insert(CurrentActor.orSystem(), r);
    }

    /**
     * A read's audit row in the reading transaction, which then commits without waiting for the WAL
     * flush (synchronous_commit off, for this transaction only): a database crash within the flush
     * delay (≈ 0.6 s) could lose the newest read events, never corrupt anything; writes keep full
     * durability. Measured: this is what lets 50 concurrent readers stay fast on two cores.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRead(AuditRecord r) {
        jdbc.sql(INSERT_READ).params(values(CurrentActor.orSystem(), r)).update();
    }

    /** Several reads of one request (e.g. each of her pregnancies) in one round trip to the database; as {@link #recordRead}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordReads(List<AuditRecord> reads) {
        if (reads.isEmpty()) return;
        Actor actor = CurrentActor.orSystem();
        batch.batchUpdate(INSERT_READ, reads.stream().map(r -> values(actor, r)).toList());
    }

    /** For refused attempts: committed even though the request then fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditRecord r) {
        insert(CurrentActor.orSystem(), r);
    }

    /** For events of an actor that is not in the security context yet (failed or successful logins). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(Actor actor, AuditRecord r) {
        insert(actor, r);
    }

    private static final String COLUMNS = """
            audit_event (username, institution_code, action, entity_type, entity_id, person_id,
                         outcome, break_glass, reason, client_ip, detail, channel, purpose, person_ids)""";
    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?";
    private static final String INSERT = "insert into " + COLUMNS + " values (" + VALUES + ")";
    /** The row, and synchronous_commit off for the rest of the transaction (set_config(…, true) is SET LOCAL), in one statement. */
    private static final String INSERT_READ = "with read_only as (select set_config('synchronous_commit', 'off', true))\n"
            + "insert into " + COLUMNS + " select " + VALUES + " from read_only";

    private void insert(Actor actor, AuditRecord r) {
        jdbc.sql(INSERT).params(values(actor, r)).update();
    }

    private Object[] values(Actor actor, AuditRecord r) {
        UUID[] persons = personIds(r);
        HttpServletRequest request = currentRequest();
        if (persons != null && request != null) request.setAttribute(ListReadAudit.PERSONS_LOGGED, Boolean.TRUE);
        return new Object[] {actor.username(), actor.institutionCode(), r.action(), r.entityType(), r.entityId(),
                r.personId(), r.allowed() ? "ALLOWED" : "DENIED", r.breakGlass(), r.reason(), clientIp(),
                toJson(r), AuditChannel.of(r, request), purpose(), persons};
    }

    /** The person(s) a row is about: its person plus every person a list or search showed ({@code detail.personIds}). */
    private static UUID[] personIds(AuditRecord r) {
        var ids = new java.util.LinkedHashSet<UUID>();
        if (r.personId() != null) ids.add(r.personId());
        if (r.detail() != null && r.detail().get(AuditRecord.PERSON_IDS) instanceof java.util.Collection<?> many) {
            for (Object o : many) if (o != null) ids.add(o instanceof UUID u ? u : UUID.fromString(o.toString()));
        }
        return ids.isEmpty() ? null : ids.toArray(UUID[]::new);
    }

    /** The purpose the caller states for a read that needs one: header {@code X-Purpose} (URL-encoded) or {@code ?purpose=}. */
    private static String purpose() {
        HttpServletRequest req = currentRequest();
        if (req == null) return null;
        String p = req.getHeader("X-Purpose");
        if (p != null) p = java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8);
        else p = req.getParameter("purpose");
        if (p == null || p.isBlank()) return null;
        p = p.strip().replace("\0", "");
        return p.length() > 500 ? p.substring(0, 500) : p;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs ? attrs.getRequest() : null;
    }

    /** {@code institutionCode} confines an institution admin to the events of their own staff. */
    public record Query(String username, UUID personId, String action, OffsetDateTime from, OffsetDateTime to,
                        String institutionCode) {}

    public PageResult<AuditEvent> search(Query q, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q.username() != null && !q.username().isBlank()) { where.append(" and username = ?"); params.add(q.username().trim()); }
        if (q.personId() != null) { where.append(" and (person_id = ? or person_ids @> array[?::uuid])"); params.add(q.personId()); params.add(q.personId()); }
        if (q.action() != null && !q.action().isBlank()) { where.append(" and action = ?"); params.add(q.action().trim().toUpperCase()); }
        if (q.from() != null) { where.append(" and at >= ?"); params.add(q.from()); }
        if (q.to() != null) { where.append(" and at < ?"); params.add(q.to()); }
        if (q.institutionCode() != null) { where.append(" and institution_code = ?"); params.add(q.institutionCode()); }
        long total = jdbc.sql("select count(*) from (select 1 from audit_event" + where + " limit 10001) c")
                .params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEvent> items = jdbc.sql("select * from audit_event" + where + " order by at desc, id desc limit ? offset ?")
                .params(pageParams).query(AuditLog::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public List<AuditEvent> forPerson(UUID personId, int limit) {
        return jdbc.sql("select * from audit_event where person_id = ? or person_ids @> array[?::uuid] order by at desc, id desc limit ?")
                .params(personId, personId, limit).query(AuditLog::map).list();
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
                rs.getString("institution_code"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("person_id", UUID.class), rs.getString("outcome"),
                rs.getBoolean("break_glass"), rs.getString("reason"), rs.getString("client_ip"), rs.getString("detail"),
                rs.getString("channel"), rs.getString("purpose"));
    }

    private String toJson(AuditRecord r) {
        if (r.detail() == null || r.detail().isEmpty()) return null;
        try {
            return json.writeValueAsString(r.detail());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest req = attrs.getRequest();
            return req.getRemoteAddr();
        }
        return null;
    }
}
