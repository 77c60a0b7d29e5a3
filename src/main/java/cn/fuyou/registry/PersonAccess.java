package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read a person's record: opening it (every attempt audited), the check other modules use
 * to guard their own records, break-glass emergency access and the record's access log.
 */
@Service
public class PersonAccess {

    static final Duration BREAK_GLASS_VALIDITY = Duration.ofHours(12);
    static final int MIN_BREAK_GLASS_REASON = 10;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Areas areas;
    private final AuditLog audit;

    PersonAccess(JdbcClient jdbc, Persons persons, Areas areas, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.areas = areas;
        this.audit = audit;
    }

    /** Opens a record to read it: every attempt, allowed or refused, is in the audit trail. */
    @Transactional
    public PersonDetail open(UUID id) {
        return open(id, true);
    }

    PersonDetail openForUpdate(UUID id) {
        return open(id, false);
    }

    private PersonDetail open(UUID id, boolean readOnly) {
        Actor actor = CurrentActor.get();
        PersonDetail person = persons.load(id).orElseThrow(() -> ApiException.notFound("person", id));
        PersonAccessPolicy.Decision decision = decide(actor, id, person.addressAreaCode());
        if (!decision.allowed()) {
            audit.recordIndependently(AuditRecord.read("Person", id, id, false, false, null));
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "您所在机构无权查看此记录 / your institution is not entitled to this record",
                    List.of(), Map.of("breakGlassAllowed", actor.role() != StaffRole.REGIONAL_OFFICIAL));
        }
        AuditRecord read = AuditRecord.read("Person", id, id, true, decision.breakGlass(), null);
        if (readOnly) audit.recordRead(read); else audit.record(read);
        return person;
    }

    /** Whether the current actor may see the person; for other modules guarding their own records. */
    public boolean canAccess(UUID personId) {
        return decide(CurrentActor.get(), personId, null).allowed();
    }

    /** Emergency access with a reason: allowed, flagged in the audit, valid for 12 hours. */
    @Transactional
    public PersonDetail breakGlass(UUID id, String reason) {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            throw ApiException.forbidden("区域管理人员不能紧急访问个人记录 / regional officials cannot break the glass");
        }
        if (reason == null || reason.strip().length() < MIN_BREAK_GLASS_REASON) {
            throw ApiException.badField("reason", "紧急访问需填写至少10个字的理由 / a reason of at least 10 characters is required");
        }
        PersonDetail person = persons.load(id).orElseThrow(() -> ApiException.notFound("person", id));
        jdbc.sql("insert into break_glass_grant (id, username, person_id, reason, expires_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), actor.username(), id, reason.strip(), OffsetDateTime.now().plus(BREAK_GLASS_VALIDITY))
                .update();
        audit.record(new AuditRecord("BREAK_GLASS", "Person", id.toString(), id, true, true, reason.strip(), Map.of()));
        audit.record(AuditRecord.read("Person", id, id, true, true, reason.strip()));
        return person;
    }

    public List<cn.fuyou.audit.AuditEvent> accessLog(UUID id) {
        Actor actor = CurrentActor.get();
        if (!actor.role().isAdmin()) throw ApiException.forbidden("仅管理员可查看 / admins only");
        if (!actor.isSystemAdmin() && !decide(actor, id, null).allowed()) {
            throw ApiException.forbidden("您所在机构无权查看此记录 / your institution is not entitled to this record");
        }
        return audit.forPerson(id, 200);
    }

    private PersonAccessPolicy.Decision decide(Actor actor, UUID personId, String addressArea) {
        record Row(String area, UUID[] entitled, boolean glass) {}
        Row row = jdbc.sql("""
                select p.address_area_code,
                       array(select institution_id from person_institution where person_id = p.id and (until is null or until > now())),
                       exists (select 1 from break_glass_grant where username = ? and person_id = p.id and expires_at > now())
                  from person p where p.id = ?""")
                .params(actor.username(), personId)
                .query((rs, n) -> new Row(rs.getString(1), (UUID[]) rs.getArray(2).getArray(), rs.getBoolean(3)))
                .optional().orElse(new Row(null, new UUID[0], false));
        return PersonAccessPolicy.decide(actor, new PersonAccessPolicy.Facts(new HashSet<>(java.util.Arrays.asList(row.entitled())),
                addressArea != null ? addressArea : row.area(), actorAreas(actor), row.glass()));
    }

    Set<String> actorAreas(Actor actor) {
        return actor.areaCode() == null ? Set.of() : areas.withDescendants(actor.areaCode());
    }
}
