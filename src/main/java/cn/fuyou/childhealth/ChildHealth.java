package cn.fuyou.childhealth;

import static cn.fuyou.shared.Rows.dates;
import static cn.fuyou.shared.Rows.integer;
import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.childhealth.internal.Growth;
import cn.fuyou.maternal.DeliveryRecorded;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child record from birth to age three: created from the delivery (or registered directly for
 * a child who moves in), well-child visits with WHO z-scores, the schedule, and the high-risk list.
 */
@Service
public class ChildHealth {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final Institutions institutions;
    private final AuditLog audit;

    private final ChildFacts childFacts;

    private final java.time.Clock clock;

    ChildHealth(JdbcClient jdbc, Persons persons, PersonAccess access, Entitlements entitlements, Institutions institutions,
                AuditLog audit, ChildFacts childFacts, java.time.Clock clock) {
        this.clock = clock;
        this.childFacts = childFacts;
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.institutions = institutions;
        this.audit = audit;
    }

    /** Each live-born baby gets a child record in the delivery's transaction (nothing lost between modules). */
    @EventListener
    void on(DeliveryRecorded d) {
        Actor actor = CurrentActor.get();
        boolean exposed = !d.maternalInfections().isEmpty();
        for (DeliveryRecorded.Baby b : d.babies()) {
            insert(b.childId(), d.motherId(), actor.institutionId(), "DELIVERY", d.gestationalAgeDays(), b.weightG(), b.lengthCm(),
                    b.headCircumferenceCm(), b.apgar1(), b.apgar5(), b.apgar10(), b.anomalies(), b.nicuTransfer(), exposed,
                    cn.fuyou.shared.ChinaTime.dayOf(d.deliveredAt()));
        }
    }

    public record Registration(@NotNull(message = "儿童必填 / childId is required") UUID childId,
                               @Min(value = 154, message = "出生孕周22–45周 / GA at birth 22–45 weeks")
                               @Max(value = 315, message = "出生孕周22–45周 / GA at birth 22–45 weeks") Integer birthGaDays,
                               @Min(value = 300, message = "出生体重300–7000 g") @Max(value = 7000, message = "出生体重300–7000 g") Integer birthWeightG,
                               @Size(max = 500) String anomalies, Boolean nicuStay, Boolean pmtctExposed) {}

    /** A child who moves in: her record starts here with what is known of her birth. */
    @Transactional
    public ChildRecord register(Registration r) {
        PersonDetail child = persons.load(r.childId()).orElseThrow(() -> ApiException.badField("childId", "儿童不存在 / no such person"));
        if (!access.canAccess(r.childId())) throw ApiException.forbidden("无权查看此儿童 / not entitled to this child");
        if (child.birthDate().isBefore(cn.fuyou.shared.ChinaTime.today(clock).minusYears(6))) {
            throw ApiException.badField("childId", "儿童保健管理至6岁 / child health records are for children under 6");
        }
        if (jdbc.sql("select count(*) from child_record where child_id = ?").param(r.childId()).query(Long.class).single() > 0) {
            throw ApiException.conflict("exists", "已有儿童保健档案 / the child already has a record", Map.of("childId", r.childId()));
        }
        UUID mother = child.links().stream().filter(l -> l.kind().equals("MOTHER")).map(PersonDetail.Link::personId).findFirst().orElse(null);
        insert(r.childId(), mother, CurrentActor.get().institutionId(), "DIRECT", r.birthGaDays(), r.birthWeightG(), null, null,
                null, null, null, r.anomalies(), Boolean.TRUE.equals(r.nicuStay()), Boolean.TRUE.equals(r.pmtctExposed()), child.birthDate());
        return read(r.childId());
    }

    private void insert(UUID child, UUID mother, UUID institution, String source, Integer ga, Integer weight, BigDecimal length,
                        BigDecimal hc, Integer a1, Integer a5, Integer a10, String anomalies, boolean nicu, boolean exposed,
                        LocalDate birth) {
        String by = CurrentActor.orSystem().username();
        jdbc.sql("""
                insert into child_record (child_id, mother_id, birth_date, institution_id, source, birth_ga_days, birth_weight_g,
                                          birth_length_cm, birth_hc_cm, apgar1, apgar5, apgar10, anomalies, nicu_stay, pmtct_exposed,
                                          created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(child, mother, birth, institution, source, ga, weight, length, hc, a1, a5, a10, anomalies, nicu, exposed, by, by)
                .update();
        for (var reason : HighRiskInfantPolicy.atBirth(ga, weight, nicu, anomalies, exposed)) {
            jdbc.sql("insert into high_risk_infant (id, child_id, reason, detail, since) values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(UUID.randomUUID(), child, reason.code(), reason.detail(), birth).update();
        }
        audit.record(AuditRecord.write("CREATE", "ChildRecord", child, child, Map.of("source", source)));
    }

    /**
     * Puts a child on the high-risk infant list for a reason found by another module (e.g. a
     * positive newborn screen, issue 18). Returns false when the child has no child-health record.
     * Re-flagging an existing reason reopens it with the new detail.
     */
    @Transactional
    public boolean flagHighRisk(UUID childId, String reason, String detail, LocalDate since) {
        if (!exists(childId)) return false;
        jdbc.sql("""
                insert into high_risk_infant (id, child_id, reason, detail, since) values (?, ?, ?, ?, ?)
                on conflict (child_id, reason) do update set closed_on = null, detail = excluded.detail""")
                .params(UUID.randomUUID(), childId, reason, detail, since).update();
        audit.record(AuditRecord.write("HIGH_RISK", "ChildRecord", childId, childId, Map.of("reason", reason)));
        return true;
    }

    /**
     * For the child's mother in her own app (the mother module): the record without a staff entitlement check —
     * the caller has established that the reader is the child's mother, and audits the read.
     */
    public java.util.Optional<ChildRecord> readForFamily(UUID childId) {
        return exists(childId) ? java.util.Optional.of(read(childId)) : java.util.Optional.empty();
    }

    @Transactional
    public ChildRecord open(UUID childId) {
        if (!exists(childId)) throw ApiException.notFound("child record", childId);
        if (!access.canAccess(childId)) {
            audit.recordIndependently(AuditRecord.read("ChildRecord", childId, childId, false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此记录 / your institution is not entitled to this record");
        }
        audit.recordRead(AuditRecord.read("ChildRecord", childId, childId, true, false, null));
        return read(childId);
    }

    @Transactional
    public ChildRecord recordVisit(UUID childId, VisitForm f) {
        if (!exists(childId)) throw ApiException.notFound("child record", childId);
        if (!access.canAccess(childId)) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        PersonDetail child = persons.load(childId).orElseThrow();
        cn.fuyou.shared.Possible.asOf(cn.fuyou.shared.ChinaTime.today(clock)).notFuture("visitDate", f.visitDate())
                .notBefore("visitDate", f.visitDate(), "birthDate", child.birthDate());
        if (f.lengthCm() != null && f.measurement() == null) {
            throw ApiException.badField("measurement", "请注明卧位或立位 / say whether length was recumbent or standing");
        }
        String sex = "F".equals(child.sex()) ? "female" : "M".equals(child.sex()) ? "male" : null;
        Growth.Result g = sex == null
                ? new Growth.Result((int) ChronoUnit.DAYS.between(child.birthDate(), f.visitDate()), null, null, null, null, null,
                        List.of("SEX_UNDETERMINED"), List.of(), "none")
                : Growth.assess(new Growth.Input(sex, child.birthDate(), f.visitDate(), f.weightKg(), f.lengthCm(),
                        f.measurement() == null ? null : f.measurement().toLowerCase(), f.headCircumferenceCm(),
                        Boolean.TRUE.equals(f.oedema())));
        String slot = WellChildSchedule.slots(child.birthDate(), true).stream()
                .filter(s -> !f.visitDate().isBefore(s.dueFrom()) && !f.visitDate().isAfter(s.dueUntil()))
                .map(WellChildSchedule.Slot::code).findFirst().orElse(null);
        Actor actor = CurrentActor.get();
        BigDecimal previousWaz = jdbc.sql("""
                select waz from well_child_visit where child_id = ? and voided_at is null and waz is not null and visit_date <= ?
                 order by visit_date desc, created_at desc limit 1""")
                .params(childId, f.visitDate()).query(BigDecimal.class).optional().orElse(null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into well_child_visit (id, child_id, institution_id, visit_date, age_days, schedule_code, weight_kg, length_cm,
                    measurement, head_circumference_cm, oedema, hemoglobin_g_per_l, milestones, feeding, findings, advice,
                    waz, lhaz, whz, bmiz, hcz, flags, classification, growth_standard, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, childId, actor.institutionId(), f.visitDate(), g.ageDays(), slot, f.weightKg(), f.lengthCm(),
                        f.measurement(), f.headCircumferenceCm(), Boolean.TRUE.equals(f.oedema()), f.hemoglobinGPerL(),
                        (f.milestones() == null ? List.<String>of() : f.milestones()).toArray(String[]::new), f.feeding(), f.findings(),
                        f.advice(), g.waz(), g.lhaz(), g.whz(), g.bmiz(), g.hcz(), g.flags().toArray(String[]::new),
                        g.classification().toArray(String[]::new), g.standard(), actor.username())
                .update();
        if (HighRiskInfantPolicy.faltering(previousWaz, g.waz())) {
            jdbc.sql("""
                    insert into high_risk_infant (id, child_id, reason, detail, since) values (?, ?, 'GROWTH_FALTERING', ?, ?)
                    on conflict (child_id, reason) do update set closed_on = null, detail = excluded.detail""")
                    .params(UUID.randomUUID(), childId, "WAZ " + previousWaz + " → " + g.waz(), f.visitDate()).update();
        }
        entitlements.entitle(childId, actor.institutionId(), "CARED");
        audit.record(AuditRecord.write("CREATE", "WellChildVisit", id, childId, Map.of()));
        childFacts.refresh(childId);
        return read(childId);
    }

    public record WorkItem(UUID childId, String name, LocalDate birthDate, String code, String labelZh, String labelEn,
                           LocalDate dueFrom, LocalDate dueUntil, String status, List<String> highRisk) {}

    /** Due and overdue well-child visits of the children this institution is responsible for. */
    public PageResult<WorkItem> worklist(String status, boolean highRiskOnly, PageRequest page) {
        UUID institution = CurrentActor.get().institutionId();
        record Row(UUID childId, LocalDate birth, List<LocalDate> visits, List<String> reasons) {}
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        var rows = jdbc.sql("""
                select c.child_id, c.birth_date,
                       array(select v.visit_date from well_child_visit v where v.child_id = c.child_id and v.voided_at is null) as visits,
                       array(select h.reason from high_risk_infant h where h.child_id = c.child_id and h.closed_on is null) as reasons
                  from child_record c
                 where c.institution_id = ? and c.birth_date > ?::date - interval '37 months'""")
                .params(institution, today)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), dates(rs.getArray(3)),
                        strings(rs.getArray(4))))
                .list();
        List<WorkItem> items = new ArrayList<>();
        for (Row r : rows) {
            if (highRiskOnly && r.reasons().isEmpty()) continue;
            for (var s : WellChildSchedule.slots(r.birth(), !r.reasons().isEmpty())) {
                String st = WellChildSchedule.status(s, r.visits(), today);
                if (("DUE".equals(st) || "OVERDUE".equals(st)) && (status == null || status.isBlank() || status.equalsIgnoreCase(st))) {
                    items.add(new WorkItem(r.childId(), null, r.birth(), s.code(), s.labelZh(), s.labelEn(), s.dueFrom(), s.dueUntil(),
                            st, r.reasons()));
                }
            }
        }
        items.sort(Comparator.comparing((WorkItem w) -> !"OVERDUE".equals(w.status())).thenComparing(WorkItem::dueUntil));
        int from = Math.min(page.offset(), items.size());
        var slice = items.subList(from, Math.min(from + page.size(), items.size()));
        Map<UUID, String> names = persons.namesOf(slice.stream().map(WorkItem::childId).toList());
        return new PageResult<>(slice.stream().map(w -> new WorkItem(w.childId(), names.get(w.childId()), w.birthDate(), w.code(),
                w.labelZh(), w.labelEn(), w.dueFrom(), w.dueUntil(), w.status(), w.highRisk())).toList(), items.size(), page.page(), page.size());
    }

    public record HighRiskChild(UUID childId, String name, LocalDate birthDate, List<String> reasons, LocalDate since) {}

    /** The institution's high-risk infant list: its children with an open high-risk reason, newest first (issue 4 §5, issue 11 §3). */
    public PageResult<HighRiskChild> highRiskList(PageRequest page) {
        UUID institution = CurrentActor.get().institutionId();
        long total = jdbc.sql("""
                select count(*) from child_record c where c.institution_id = ?
                   and exists (select 1 from high_risk_infant h where h.child_id = c.child_id and h.closed_on is null)""")
                .param(institution).query(Long.class).single();
        var rows = jdbc.sql("""
                select c.child_id, c.birth_date, array_agg(h.reason order by h.since) as reasons, max(h.since) as since
                  from child_record c join high_risk_infant h on h.child_id = c.child_id and h.closed_on is null
                 where c.institution_id = ? group by c.child_id, c.birth_date, c.changed_at order by max(h.since) desc, c.changed_at desc, c.child_id limit ? offset ?""")
                .params(institution, page.size(), page.offset())
                .query((rs, n) -> new HighRiskChild(rs.getObject(1, UUID.class), null, rs.getObject(2, LocalDate.class), strings(rs.getArray(3)),
                        rs.getObject(4, LocalDate.class))).list();
        Map<UUID, String> names = persons.namesOf(rows.stream().map(HighRiskChild::childId).toList());
        return new PageResult<>(rows.stream().map(r -> new HighRiskChild(r.childId(), names.get(r.childId()), r.birthDate(), r.reasons(),
                r.since())).toList(), total, page.page(), page.size());
    }

    /** Whether the person has a child record (no access check, nothing shown: callers then {@link #open} it). */
    public boolean hasRecord(UUID personId) {
        return exists(personId);
    }

    private boolean exists(UUID childId) {
        return jdbc.sql("select count(*) from child_record where child_id = ?").param(childId).query(Long.class).single() > 0;
    }

    ChildRecord read(UUID childId) {
        PersonDetail child = persons.load(childId).orElseThrow();
        var visits = jdbc.sql("select * from well_child_visit where child_id = ? and voided_at is null order by visit_date, created_at")
                .param(childId).query((rs, n) -> visit(rs)).list();
        var highRisk = jdbc.sql("select reason, detail, since, closed_on from high_risk_infant where child_id = ? order by since")
                .param(childId).query((rs, n) -> new ChildRecord.HighRisk(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))).list();
        boolean isHighRisk = highRisk.stream().anyMatch(h -> h.closedOn() == null);
        List<LocalDate> dates = visits.stream().map(ChildRecord.Visit::visitDate).toList();
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        var schedule = WellChildSchedule.slots(child.birthDate(), isHighRisk).stream().map(s -> {
            String st = WellChildSchedule.status(s, dates, today);
            LocalDate done = "DONE".equals(st) ? dates.stream().filter(d -> !d.isBefore(s.dueFrom()) && !d.isAfter(s.dueUntil()))
                    .findFirst().orElse(null) : null;
            return new ChildRecord.ScheduledVisit(s.code(), s.labelZh(), s.labelEn(), s.dueFrom(), s.dueUntil(), s.haemoglobin(), done, st);
        }).toList();
        return jdbc.sql("select * from child_record where child_id = ?").param(childId).query((rs, n) -> {
            UUID mother = rs.getObject("mother_id", UUID.class);
            return new ChildRecord(childId, child.fullName(), child.sex(), child.birthDate(), mother,
                    mother == null ? null : persons.namesOf(List.of(mother)).get(mother),
                    institutions.findById(rs.getObject("institution_id", UUID.class)).map(i -> i.code()).orElse(null),
                    rs.getString("source"), integer(rs, "birth_ga_days"), integer(rs, "birth_weight_g"),
                    rs.getBigDecimal("birth_length_cm"), rs.getBigDecimal("birth_hc_cm"), integer(rs, "apgar1"),
                    integer(rs, "apgar5"), integer(rs, "apgar10"), rs.getString("anomalies"), rs.getBoolean("nicu_stay"),
                    rs.getBoolean("pmtct_exposed"), (int) ChronoUnit.DAYS.between(child.birthDate(), today), visits, schedule,
                    highRisk, rs.getLong("version"));
        }).single();
    }

    private ChildRecord.Visit visit(ResultSet rs) throws SQLException {
        return new ChildRecord.Visit(rs.getObject("id", UUID.class), rs.getObject("visit_date", LocalDate.class),
                rs.getInt("age_days"), rs.getString("schedule_code"), rs.getBigDecimal("weight_kg"), rs.getBigDecimal("length_cm"),
                rs.getString("measurement"), rs.getBigDecimal("head_circumference_cm"), rs.getBoolean("oedema"),
                rs.getBigDecimal("hemoglobin_g_per_l"), strings(rs.getArray("milestones")), rs.getString("feeding"),
                rs.getString("findings"), rs.getString("advice"), rs.getBigDecimal("waz"), rs.getBigDecimal("lhaz"),
                rs.getBigDecimal("whz"), rs.getBigDecimal("bmiz"), rs.getBigDecimal("hcz"), strings(rs.getArray("flags")),
                strings(rs.getArray("classification")), rs.getString("growth_standard"),
                institutions.findById(rs.getObject("institution_id", UUID.class)).map(i -> i.code()).orElse(null),
                rs.getString("created_by"));
    }



}
