package cn.fuyou.childhealth;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.childhealth.internal.Growth;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.CurrentActor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newborn home visit (clinical-rules.md §2, schedule code NEWBORN_HOME, days 3–10) on the community
 * doctor's phone (issue 12 §3): the state of the babies on today's postpartum list and a versioned sync
 * — created when none exists, changed only from the version the phone saw, otherwise 409 with the
 * visit as it is now (the well-child visit's own version).
 */
@Service
public class NewbornHomeVisits {

    static final String CODE = "NEWBORN_HOME";
    private static final List<String> FEEDING = List.of("EXCLUSIVE_BREASTFEEDING", "MIXED", "FORMULA");

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final ChildHealth childHealth;
    private final ChildFacts facts;
    private final AuditLog audit;

    NewbornHomeVisits(JdbcClient jdbc, Persons persons, PersonAccess access, ChildHealth childHealth, ChildFacts facts, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.childHealth = childHealth;
        this.facts = facts;
        this.audit = audit;
    }

    public record Visit(UUID id, long version, LocalDate visitDate, BigDecimal weightKg, String feeding, String findings, String changedBy) {}

    public record State(UUID childId, String name, String sex, LocalDate birthDate, LocalDate dueFrom, LocalDate dueUntil, String status,
                        Visit visit) {}

    /** The babies' newborn-visit state; children this institution may not see are left out. */
    @Transactional
    public List<State> of(List<UUID> childIds) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        List<State> out = new ArrayList<>();
        for (UUID id : childIds.stream().distinct().limit(200).toList()) {
            if (!access.canAccess(id)) continue;
            PersonDetail child = persons.load(id).orElse(null);
            if (child == null || child.birthDate() == null) continue;
            WellChildSchedule.Slot slot = WellChildSchedule.slots(child.birthDate(), true).stream().filter(s -> s.code().equals(CODE))
                    .findFirst().orElseThrow();
            Visit visit = current(id);
            String status = visit != null ? "DONE" : today.isBefore(slot.dueFrom()) ? "UPCOMING" : today.isAfter(slot.dueUntil()) ? "OVERDUE" : "DUE";
            out.add(new State(id, child.fullName(), child.sex(), child.birthDate(), slot.dueFrom(), slot.dueUntil(), status, visit));
        }
        if (!out.isEmpty()) {
            audit.recordRead(AuditRecord.list("LIST", "NewbornHomeVisit", out.stream().map(State::childId).toList(), Map.of("results", out.size())));
        }
        return out;
    }

    public record Sync(Long version, LocalDate visitDate, BigDecimal weightKg, String feeding, String findings) {}

    @Transactional
    public Visit sync(UUID childId, Sync s) {
        Actor actor = CurrentActor.get();
        if (s == null || s.visitDate() == null) throw ApiException.badField("visitDate", "homevisits.date-required");
        if (s.visitDate().isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("visitDate", "homevisits.date-future");
        if (s.weightKg() != null && (s.weightKg().compareTo(new BigDecimal("0.3")) < 0 || s.weightKg().compareTo(BigDecimal.TEN) > 0)) {
            throw ApiException.badField("weightKg", "homevisits.weight");
        }
        if (s.feeding() != null && !FEEDING.contains(s.feeding())) throw ApiException.badField("feeding", "homevisits.feeding");
        if (s.findings() != null && s.findings().length() > 2000) throw ApiException.badField("findings", "homevisits.too-long");
        PersonDetail child = persons.load(childId).orElseThrow(() -> ApiException.notFound("child", childId));
        if (!access.canAccess(childId)) {
            audit.recordIndependently(new AuditRecord("SYNC", "WellChildVisit", childId.toString(), childId, false, false, null, Map.of()));
            throw ApiException.forbidden("homevisits.not-entitled");
        }
        if (s.visitDate().isBefore(child.birthDate())) throw ApiException.badField("visitDate", "homevisits.before-birth");
        jdbc.sql("select child_id from child_record where child_id = ? for update").param(childId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("child record", childId));
        Visit current = current(childId);
        String findings = s.findings() == null || s.findings().isBlank() ? null : s.findings().strip();
        if (current == null) {
            if (s.version() != null) throw conflict(null);
            childHealth.recordVisit(childId, new VisitForm(s.visitDate(), s.weightKg(), null, null, null, false, null, null, s.feeding(),
                    findings, null));
            // the home visit is this one, whatever day it fell on
            jdbc.sql("""
                    update well_child_visit set schedule_code = ? where id = (select id from well_child_visit where child_id = ?
                       and voided_at is null order by created_at desc limit 1)""").params(CODE, childId).update();
            return current(childId);
        }
        if (s.version() == null || s.version() != current.version()) throw conflict(current);
        String sex = "F".equals(child.sex()) ? "female" : "M".equals(child.sex()) ? "male" : null;
        Growth.Result g = sex == null ? null
                : Growth.assess(new Growth.Input(sex, child.birthDate(), s.visitDate(), s.weightKg(), null, null, null, false));
        jdbc.sql("""
                update well_child_visit set visit_date = ?, age_days = ?, weight_kg = ?, feeding = ?, findings = ?, waz = ?,
                       flags = ?, version = version + 1 where id = ?""")
                .params(s.visitDate(), (int) java.time.temporal.ChronoUnit.DAYS.between(child.birthDate(), s.visitDate()), s.weightKg(),
                        s.feeding(), findings, g == null ? null : g.waz(),
                        (g == null ? List.<String>of() : g.flags()).toArray(String[]::new), current.id())
                .update();
        audit.record(AuditRecord.write("UPDATE", "WellChildVisit", current.id(), childId, Map.of("by", actor.username())));
        facts.refresh(childId);
        return current(childId);
    }

    private Visit current(UUID childId) {
        return jdbc.sql("""
                select id, version, visit_date, weight_kg, feeding, findings, created_by as changed_by from well_child_visit
                 where child_id = ? and schedule_code = ? and voided_at is null order by visit_date desc, created_at desc limit 1""")
                .params(childId, CODE).query(Visit.class).optional().orElse(null);
    }

    private static ApiException conflict(Visit current) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("currentVersion", current == null ? -1 : current.version());
        if (current != null) props.put("current", current);
        return new ApiException(HttpStatus.CONFLICT, "stale-version", "homevisits.changed-meanwhile",
                List.of(new ApiException.FieldError("version", "homevisits.changed-meanwhile")), props);
    }
}
