package cn.fuyou.audit;

import java.util.Map;
import java.util.UUID;

/** One audited event: what happened to which entity, whose record it was, and whether it was allowed. */
public record AuditRecord(String action, String entityType, String entityId, UUID personId,
                          boolean allowed, boolean breakGlass, String reason, Map<String, Object> detail) {

    public static AuditRecord write(String action, String entityType, Object entityId, UUID personId, Map<String, Object> detail) {
        return new AuditRecord(action, entityType, String.valueOf(entityId), personId, true, false, null, detail);
    }

    public static AuditRecord read(String entityType, Object entityId, UUID personId, boolean allowed, boolean breakGlass, String reason) {
        return new AuditRecord("READ", entityType, String.valueOf(entityId), personId, allowed, breakGlass, reason, Map.of());
    }
}
