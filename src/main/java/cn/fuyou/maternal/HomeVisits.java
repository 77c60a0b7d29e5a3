package cn.fuyou.maternal;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.rules.PostpartumSchedule;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postpartum home visits for the community doctor's phone (issue 12 §3): today's list (the visit within
 * a week of discharge, clinical-rules.md §2, with the babies to see at the same visit) and a versioned
 * sync: a visit typed offline is created when none exists, or changes the one it was based on; when the
 * desk recorded or changed it meanwhile the sync gets 409 with the current visit, never overwriting it.
 */
@Service
public class HomeVisits {

    /** An overdue visit stays on the list this many days past its window. */
    static final int OVERDUE_DAYS_LISTED = 14;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final Deliveries deliveries;
    private final MaternalFacts facts;
    private final AuditLog audit;

    HomeVisits(JdbcClient jdbc, Persons persons, PersonAccess access, Deliveries deliveries, MaternalFacts facts, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.deliveries = deliveries;
        this.facts = facts;
        this.audit = audit;
    }

    public record Visit(UUID id, long version, LocalDate visitDate, String findings, Integer systolic, Integer diastolic,
                        String changedBy) {}

    public record Baby(UUID childId, String name, String sex) {}

    public record Due(UUID pregnancyId, UUID womanId, String womanName, String phone, String address, LocalDate deliveredOn,
                      LocalDate dischargedOn, LocalDate dueFrom, LocalDate dueUntil, String status, Visit visit, List<Baby> babies) {}

    /** The signed-in doctor's institution's home visits due or overdue today, and those recorded today. */
    @Transactional
    public List<Due> today() {
        Actor actor = CurrentActor.get();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        record Row(UUID id, UUID womanId, LocalDate delivered, LocalDate discharged) {}
        var rows = jdbc.sql("""
                select p.id, p.woman_id, p.ended_on as delivered, d.discharged_on as discharged
                  from pregnancy p join delivery d on d.pregnancy_id = p.id
                 where p.status = 'DELIVERED' and (d.institution_id = ? or p.care_institution_id = ?)
                   and p.ended_on > ? order by p.ended_on""")
                .params(actor.institutionId(), actor.institutionId(), today.minusDays(7 + 7 + OVERDUE_DAYS_LISTED))
                .query(Row.class).list();
        List<Due> out = new ArrayList<>();
        Map<UUID, Visit> visits = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    select distinct on (pregnancy_id) pregnancy_id, id, version, visit_date, findings, systolic, diastolic,
                           coalesce(changed_by, created_by) from postpartum_visit
                     where kind = 'HOME_VISIT' and pregnancy_id = any(?) order by pregnancy_id, visit_date desc, created_at desc""")
                    .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                    .query((rs, n) -> visits.put(rs.getObject(1, UUID.class), new Visit(rs.getObject(2, UUID.class), rs.getLong(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                            rs.getString(8))))
                    .list();
        }
        for (Row r : rows) {
            PostpartumSchedule.Item item = PostpartumSchedule.items(r.delivered(), r.discharged()).get(0);
            Visit visit = visits.get(r.id());
            String status;
            if (visit != null) {
                if (!visit.visitDate().equals(today)) continue; // done before today: not today's work
                status = "DONE";
            } else if (today.isBefore(item.dueFrom())) continue;
            else if (today.isAfter(item.dueUntil().plusDays(OVERDUE_DAYS_LISTED))) continue;
            else status = today.isAfter(item.dueUntil()) ? "OVERDUE" : "DUE";
            PersonDetail woman = persons.load(r.womanId()).orElseThrow();
            List<Baby> babies = woman.links().stream().filter(l -> "CHILD".equals(l.kind()) && l.birthDate() != null
                            && !l.birthDate().isBefore(r.delivered().minusDays(1)))
                    .map(l -> new Baby(l.personId(), l.fullName(), l.sex())).toList();
            out.add(new Due(r.id(), r.womanId(), woman.fullName(), woman.phone(), woman.addressText(), r.delivered(), r.discharged(),
                    item.dueFrom(), item.dueUntil(), status, visit, babies));
        }
        if (!out.isEmpty()) {
            audit.recordRead(AuditRecord.list("LIST", "HomeVisit", out.stream().map(Due::womanId).toList(), Map.of("results", out.size())));
        }
        return out;
    }

    /** What the phone sends: {@code version} null when it saw no visit, else the version it changed. */
    public record Sync(Long version, LocalDate visitDate, String findings, Integer systolic, Integer diastolic) {}

    @Transactional
    public Visit sync(UUID pregnancyId, Sync s) {
        Actor actor = CurrentActor.get();
        if (s == null || s.visitDate() == null) throw ApiException.badField("visitDate", "homevisits.date-required");
        if (s.visitDate().isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("visitDate", "homevisits.date-future");
        if (s.findings() != null && s.findings().length() > 2000) throw ApiException.badField("findings", "homevisits.too-long");
        if (s.systolic() != null && (s.systolic() < 50 || s.systolic() > 300)) throw ApiException.badField("systolic", "homevisits.systolic");
        if (s.diastolic() != null && (s.diastolic() < 20 || s.diastolic() > 200)) throw ApiException.badField("diastolic", "homevisits.diastolic");
        UUID woman = jdbc.sql("select woman_id from pregnancy where id = ? for update").param(pregnancyId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("pregnancy", pregnancyId));
        if (!access.canAccess(woman)) {
            audit.recordIndependently(new AuditRecord("SYNC", "PostpartumVisit", pregnancyId.toString(), woman, false, false, null, Map.of()));
            throw ApiException.forbidden("homevisits.not-entitled");
        }
        Visit current = current(pregnancyId);
        if (current == null) {
            if (s.version() != null) throw conflict(pregnancyId, s.version(), null);
            deliveries.recordPostpartum(pregnancyId, new Deliveries.PostpartumForm("HOME_VISIT", s.visitDate(), blank(s.findings()),
                    s.systolic(), s.diastolic(), List.of()));
            return current(pregnancyId);
        }
        if (s.version() == null || s.version() != current.version()) throw conflict(pregnancyId, s.version(), current);
        LocalDate ended = jdbc.sql("select ended_on from pregnancy where id = ?").param(pregnancyId).query(LocalDate.class).single();
        if (ended != null && s.visitDate().isBefore(ended)) throw ApiException.badField("visitDate", "homevisits.before-delivery");
        jdbc.sql("""
                update postpartum_visit set visit_date = ?, findings = ?, systolic = ?, diastolic = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ?""")
                .params(s.visitDate(), blank(s.findings()), s.systolic(), s.diastolic(), actor.username(), current.id()).update();
        audit.record(AuditRecord.write("UPDATE", "PostpartumVisit", current.id(), woman, Map.of("kind", "HOME_VISIT")));
        facts.refresh(pregnancyId);
        return current(pregnancyId);
    }

    private Visit current(UUID pregnancyId) {
        return jdbc.sql("""
                select id, version, visit_date, findings, systolic, diastolic, coalesce(changed_by, created_by) as changed_by
                  from postpartum_visit where pregnancy_id = ? and kind = 'HOME_VISIT' order by visit_date desc, created_at desc limit 1""")
                .param(pregnancyId).query(Visit.class).optional().orElse(null);
    }

    /** 409 carrying the visit as it is now, so the phone can show it beside what was typed. */
    private static ApiException conflict(UUID pregnancyId, Long expected, Visit current) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("currentVersion", current == null ? -1 : current.version());
        if (current != null) props.put("current", current);
        return new ApiException(HttpStatus.CONFLICT, "stale-version", "homevisits.changed-meanwhile",
                List.of(new ApiException.FieldError("version", "homevisits.changed-meanwhile")), props);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
