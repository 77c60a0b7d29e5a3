package cn.fuyou.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored audit event as admins see it. */
public record AuditEvent(long id, OffsetDateTime at, String username, String institutionCode, String action,
                         String entityType, String entityId, UUID personId, String outcome, boolean breakGlass,
                         String reason, String clientIp, String detail,
                         String channel, String purpose) {}
