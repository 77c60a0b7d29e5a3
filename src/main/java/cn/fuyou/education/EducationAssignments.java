package cn.fuyou.education;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.PersonAccess;
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

/** A clinician gives a woman a published item to read; her app lists what she was given. */
@Service
public class EducationAssignments {

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final EditorPolicy policy;
    private final AuditLog audit;

    EducationAssignments(JdbcClient jdbc, PersonAccess access, EditorPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.policy = policy;
        this.audit = audit;
    }

    public record Assignment(UUID id, UUID itemId, String title, String kind, String note, OffsetDateTime assignedAt, String assignedBy,
                             OffsetDateTime readAt) {}

    public record NewAssignment(UUID personId, String note) {}

    @Transactional
    public Assignment assign(UUID itemId, NewAssignment a) {
        Actor actor = CurrentActor.get();
        if (!policy.mayAssign(actor)) throw ApiException.forbidden("education.clinicians-assign");
        if (a == null || a.personId() == null) throw ApiException.badField("personId", "education.person-required");
        String note = a.note() == null || a.note().isBlank() ? null : a.note().strip();
        if (note != null && note.length() > 500) throw ApiException.badField("note", "education.too-long", 500);
        String status = jdbc.sql("select status from education_item where id = ?").param(itemId).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("education item", itemId));
        if (!"PUBLISHED".equals(status)) throw ApiException.badField("itemId", "education.assign-published-only");
        if (jdbc.sql("select count(*) from person where id = ? and sex = 'F'").param(a.personId()).query(Long.class).single() == 0) {
            throw ApiException.badField("personId", "education.person-not-woman");
        }
        if (!access.canAccess(a.personId())) {
            audit.recordIndependently(new AuditRecord("ASSIGN", "EducationItem", itemId.toString(), a.personId(), false, false, null, Map.of()));
            throw ApiException.forbidden("education.not-entitled");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into education_assignment (id, item_id, person_id, institution_id, note, assigned_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, itemId, a.personId(), actor.institutionId(), note, actor.username()).update();
        audit.record(AuditRecord.write("ASSIGN", "EducationItem", itemId, a.personId(), Map.of("assignment", id.toString())));
        return forPerson(a.personId()).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** What a woman was given, newest first (callers check who may see it: her clinicians or she herself). */
    public List<Assignment> forPerson(UUID personId) {
        return jdbc.sql("""
                select a.id, a.item_id, i.title, i.kind, a.note, a.assigned_at, a.assigned_by, a.read_at
                  from education_assignment a join education_item i on i.id = a.item_id
                 where a.person_id = ? and i.status = 'PUBLISHED' order by a.assigned_at desc""")
                .param(personId).query(Assignment.class).list();
    }

    /** She opened it in her app. */
    @Transactional
    public void markRead(UUID personId, UUID itemId) {
        jdbc.sql("update education_assignment set read_at = now() where person_id = ? and item_id = ? and read_at is null")
                .params(personId, itemId).update();
    }
}
