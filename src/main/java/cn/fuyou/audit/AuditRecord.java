package cn.fuyou.audit;

import java.util.Map;
import java.util.UUID;

/** One audited event: what happened to which entity, whose record it was, and whether it was allowed. */
public record AuditRecord(String action, String entityType, String entityId, UUID personId,
                          boolean allowed, boolean breakGlass, String reason, Map<String, Object> detail) {

    /** Detail key naming every person a list or search showed; stored in the row's person_ids. */
    public static final String PERSON_IDS = "personIds";

    /** Detail key forcing the channel (for work done outside a request, e.g. an async export job). */
    public static final String CHANNEL = "channel";

    /** A read of a list or search: one row naming every person shown. */
    public static AuditRecord list(String action, String entityType, java.util.Collection<UUID> personIds, Map<String, Object> detail) {
        var d = new java.util.LinkedHashMap<String, Object>(detail);
        d.put(PERSON_IDS, personIds.stream().map(UUID::toString).distinct().toList());
        return new AuditRecord(action, entityType, null, personIds.size() == 1 ? personIds.iterator().next() : null, true, false, null, d);
    }

    public static AuditRecord write(String action, String entityType, Object entityId, UUID personId, Map<String, Object> detail) {
        return new AuditRecord(action, entityType, String.valueOf(entityId), personId, true, false, null, detail);
    }

    public static AuditRecord read(String entityType, Object entityId, UUID personId, boolean allowed, boolean breakGlass, String reason) {
        return new AuditRecord("READ", entityType, String.valueOf(entityId), personId, allowed, breakGlass, reason, Map.of());
    }
}
