package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reversible merges of duplicate records: what moved is written down so that a merge can be undone exactly. */
@Service
public class PersonMerges {

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final AuditLog audit;

    PersonMerges(JdbcClient jdbc, PersonAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Folds a duplicate into the survivor: the duplicate stays (marked merged) and what moved is
     * written down, so that the merge can be undone exactly.
     */
    @Transactional
    public UUID merge(UUID survivorId, UUID duplicateId) {
        if (survivorId == null) throw ApiException.badField("survivorId", "必填 / required");
        if (duplicateId == null) throw ApiException.badField("duplicateId", "必填 / required");
        if (survivorId.equals(duplicateId)) throw ApiException.badField("duplicateId", "不能与自身合并 / cannot merge a record into itself");
        PersonDetail survivor = access.openForUpdate(survivorId);
        PersonDetail duplicate = access.openForUpdate(duplicateId);
        if (survivor.mergedInto() != null || survivor.voided()) throw ApiException.badField("survivorId", "记录已合并或作废 / record is merged or voided");
        if (duplicate.mergedInto() != null || duplicate.voided()) throw ApiException.badField("duplicateId", "记录已合并或作废 / record is merged or voided");
        Actor actor = CurrentActor.get();
        List<UUID> addedEntitlements = jdbc.sql("""
                insert into person_institution (person_id, institution_id, reason, since, until)
                select ?, institution_id, reason, since, until from person_institution where person_id = ?
                on conflict do nothing returning institution_id""")
                .params(survivorId, duplicateId).query(UUID.class).list();
        List<UUID> movedLinksFrom = jdbc.sql("update person_link set person_id = ? where person_id = ? and voided_at is null returning id")
                .params(survivorId, duplicateId).query(UUID.class).list();
        List<UUID> movedLinksTo = jdbc.sql("update person_link set related_person_id = ? where related_person_id = ? and voided_at is null returning id")
                .params(survivorId, duplicateId).query(UUID.class).list();
        jdbc.sql("update person set merged_into = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(survivorId, actor.username(), duplicateId).update();
        UUID mergeId = UUID.randomUUID();
        String moved = "{\"entitlements\":" + jsonArray(addedEntitlements) + ",\"linksFrom\":" + jsonArray(movedLinksFrom)
                + ",\"linksTo\":" + jsonArray(movedLinksTo) + "}";
        jdbc.sql("insert into person_merge (id, survivor_id, duplicate_id, moved, merged_by) values (?, ?, ?, cast(? as jsonb), ?)")
                .params(mergeId, survivorId, duplicateId, moved, actor.username()).update();
        audit.record(AuditRecord.write("MERGE", "Person", duplicateId, duplicateId, Map.of("survivorId", survivorId.toString(), "mergeId", mergeId.toString())));
        audit.record(AuditRecord.write("MERGE", "Person", survivorId, survivorId, Map.of("duplicateId", duplicateId.toString(), "mergeId", mergeId.toString())));
        return mergeId;
    }

    @Transactional
    public void undoMerge(UUID mergeId) {
        record Merge(UUID survivorId, UUID duplicateId, String moved, OffsetDateTime undoneAt) {}
        Merge m = jdbc.sql("select survivor_id, duplicate_id, moved::text, undone_at from person_merge where id = ? for update")
                .param(mergeId).query(Merge.class).optional()
                .orElseThrow(() -> ApiException.notFound("merge", mergeId));
        if (m.undoneAt() != null) throw ApiException.conflict("already-undone", "合并已撤销 / merge already undone", Map.of());
        access.openForUpdate(m.survivorId());
        jdbc.sql("""
                delete from person_institution where person_id = ? and institution_id in
                  (select (jsonb_array_elements_text(moved -> 'entitlements'))::uuid from person_merge where id = ?)""")
                .params(m.survivorId(), mergeId).update();
        jdbc.sql("""
                update person_link set person_id = ? where id in
                  (select (jsonb_array_elements_text(moved -> 'linksFrom'))::uuid from person_merge where id = ?)""")
                .params(m.duplicateId(), mergeId).update();
        jdbc.sql("""
                update person_link set related_person_id = ? where id in
                  (select (jsonb_array_elements_text(moved -> 'linksTo'))::uuid from person_merge where id = ?)""")
                .params(m.duplicateId(), mergeId).update();
        Actor actor = CurrentActor.get();
        boolean documentTaken = jdbc.sql("""
                select exists (select 1 from person p, person d where d.id = ? and p.id <> d.id and p.id_type = d.id_type
                               and p.id_number = d.id_number and p.merged_into is null and p.voided_at is null)""")
                .param(m.duplicateId()).query(Boolean.class).single();
        if (documentTaken) {
            throw ApiException.conflict("document-in-use", "该证件号已被另一条记录使用 / the document number is now used by another record", Map.of());
        }
        jdbc.sql("update person set merged_into = null, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), m.duplicateId()).update();
        jdbc.sql("update person_merge set undone_at = now(), undone_by = ? where id = ?").params(actor.username(), mergeId).update();
        audit.record(AuditRecord.write("UNMERGE", "Person", m.duplicateId(), m.duplicateId(), Map.of("mergeId", mergeId.toString())));
    }

    private static String jsonArray(List<UUID> ids) {
        return ids.stream().map(u -> "\"" + u + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
