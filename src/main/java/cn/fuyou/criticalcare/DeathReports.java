package cn.fuyou.criticalcare;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maternal death report card (孕产妇死亡报告卡, 卫统48): opened by a critical case's death, a death at
 * delivery, a pregnancy ended by death, or by hand; reported to her district's MCH institution within 2
 * days (clinical-rules.md §6, {@link DeathReportTimer}); overdue reports escalate to the city.
 */
@Service
public class DeathReports {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final cn.fuyou.registry.PersonAccess access;
    private final cn.fuyou.registry.Entitlements entitlements;
    private final Institutions institutions;
    private final Pregnancies pregnancies;
    private final CriticalCareFacts facts;
    private final CaseScope scope;
    private final AuditLog audit;

    DeathReports(JdbcClient jdbc, Persons persons, cn.fuyou.registry.PersonAccess access, cn.fuyou.registry.Entitlements entitlements, Institutions institutions, Pregnancies pregnancies, CriticalCareFacts facts,
                 CaseScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.institutions = institutions;
        this.pregnancies = pregnancies;
        this.facts = facts;
        this.scope = scope;
        this.audit = audit;
    }

    /** Where a death report comes from; one report per pregnancy and per critical case. */
    public record Opening(String source, UUID personId, UUID pregnancyId, UUID caseId, LocalDate deathDate, UUID institutionId) {}

    /** Opens (or finds) the report for a death; pre-fills the card from her record. Runs in the caller's transaction. */
    @Transactional
    public UUID openFor(Opening o) {
        if (o.pregnancyId() != null) {
            var existing = jdbc.sql("select id from maternal_death_report where pregnancy_id = ?").param(o.pregnancyId()).query(UUID.class).optional();
            if (existing.isPresent()) {
                if (o.caseId() != null) {
                    jdbc.sql("update maternal_death_report set case_id = coalesce(case_id, ?) where id = ?").params(o.caseId(), existing.get()).update();
                }
                return existing.get();
            }
        }
        if (o.caseId() != null) {
            var existing = jdbc.sql("select id from maternal_death_report where case_id = ?").param(o.caseId()).query(UUID.class).optional();
            if (existing.isPresent()) return existing.get();
        }
        Actor actor = CurrentActor.orSystem();
        PersonDetail person = persons.load(o.personId()).orElseThrow(() -> ApiException.badField("personId", "人员不存在 / no such person"));
        Institution at = institutions.findById(o.institutionId()).orElseThrow();
        String area = person.addressAreaCode() != null ? person.addressAreaCode() : at.areaCode();
        Institution mch = institutions.districtMchInstitution(area).orElse(null);
        Integer age = person.birthDate() == null ? null : Period.between(person.birthDate(), o.deathDate()).getYears();
        PregnancyRecord p = null;
        if (o.pregnancyId() != null) {
            try {
                p = pregnancies.readForWrite(o.pregnancyId());
            } catch (ApiException e) {
                p = null;
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into maternal_death_report (id, case_id, person_id, pregnancy_id, source, reporting_institution_id,
                    district_mch_institution_id, area_code, death_date, due_on, status, age_years, gravida, parity, delivery_date,
                    delivery_mode, gestational_weeks, antenatal_visits, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, o.caseId(), o.personId(), o.pregnancyId(), o.source(), at.id(), mch == null ? null : mch.id(), area,
                        o.deathDate(), DeathReportTimer.dueOn(o.deathDate()), age, p == null ? null : p.gravida(), p == null ? null : p.para(),
                        p == null || p.delivery() == null ? null : p.delivery().deliveredAt().atZoneSameInstant(CaseScope.CHINA).toLocalDate(),
                        p == null || p.delivery() == null ? null : p.delivery().mode(),
                        p == null || p.delivery() == null ? null : p.delivery().gestationalAge().weeks(),
                        p == null ? null : p.contacts().size(), actor.username(), actor.username())
                .update();
        if (mch != null) entitlements.entitle(o.personId(), mch.id(), "CARED");
        audit.record(AuditRecord.write("CREATE", "MaternalDeathReport", id, o.personId(), Map.of("source", o.source())));
        facts.ofDeathReport(id);
        return id;
    }

    public record ManualOpening(@NotNull(message = "人员必填 / personId is required") UUID personId, UUID pregnancyId,
                                @NotNull(message = "死亡日期必填 / deathDate is required") LocalDate deathDate) {}

    /** A death known otherwise (e.g. at home): opened by hand by the institution that learns of it. */
    @Transactional
    public DeathReportView open(ManualOpening m) {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL || actor.institutionId() == null) {
            throw ApiException.forbidden("须由医疗保健机构填报 / reported by a health institution");
        }
        if (!access.canAccess(m.personId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this person");
        if (m.deathDate().isAfter(CaseScope.today())) throw ApiException.badField("deathDate", "死亡日期不能晚于今天 / cannot be in the future");
        if (m.pregnancyId() != null) {
            PregnancyRecord p = pregnancies.readForWrite(m.pregnancyId());
            if (!p.womanId().equals(m.personId())) throw ApiException.badField("pregnancyId", "孕期档案不属于该人员 / the pregnancy is not hers");
            if (p.outcomeDate() != null && m.deathDate().isAfter(p.outcomeDate().plusDays(CriticalCases.WINDOW_DAYS))) {
                throw ApiException.badField("deathDate", "妊娠结束42天后死亡不属孕产妇死亡 / a death after 42 days is not a maternal death");
            }
        }
        return view(openFor(new Opening("MANUAL", m.personId(), m.pregnancyId(), null, m.deathDate(), actor.institutionId())));
    }

    public record Card(@Min(value = 10, message = "年龄10–60 / age 10–60") @Max(value = 60, message = "年龄10–60 / age 10–60") Integer ageYears,
                       @Pattern(regexp = "URBAN|RURAL", message = "居住地为URBAN或RURAL") String residence,
                       @Pattern(regexp = "LOCAL|NON_LOCAL", message = "户籍为LOCAL或NON_LOCAL") String household,
                       @Size(max = 50) String education,
                       @Min(value = 1, message = "孕次1–20") @Max(value = 20, message = "孕次1–20") Integer gravida,
                       @Min(value = 0, message = "产次0–20") @Max(value = 20, message = "产次0–20") Integer parity,
                       @Pattern(regexp = "PREGNANT|INTRAPARTUM|POSTPARTUM|POST_ABORTION", message = "死亡时期为PREGNANT/INTRAPARTUM/POSTPARTUM/POST_ABORTION") String stageAtDeath,
                       LocalDate deliveryDate, @Size(max = 100) String deliveryPlace, @Size(max = 50) String deliveryMode,
                       @Min(value = 4, message = "孕周4–45") @Max(value = 45, message = "孕周4–45") Integer gestationalWeeks,
                       @Min(value = 0, message = "产检次数0–50") @Max(value = 50, message = "产检次数0–50") Integer antenatalVisits,
                       @Pattern(regexp = "PROVINCIAL_CITY_HOSPITAL|DISTRICT_HOSPITAL|TOWNSHIP|VILLAGE|HOME|IN_TRANSIT|OTHER", message = "死亡地点代码无效 / unknown place of death") String placeOfDeath,
                       @Pattern(regexp = "PROVINCIAL_CITY|DISTRICT|TOWNSHIP|VILLAGE|NONE", message = "诊断级别代码无效 / unknown diagnosis level") String diagnosisLevel,
                       String causeGroup,
                       @Size(max = 10) String underlyingCauseIcd10,
                       @Size(max = 500) String underlyingCauseText,
                       @Size(max = 2000) String notes,
                       @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public DeathReportView updateCard(UUID id, Card c) {
        Actor actor = CurrentActor.get();
        Row row = lockForWrite(id, actor, c.version());
        IcdMmGroup group = group(c.causeGroup());
        if (c.underlyingCauseIcd10() != null && !c.underlyingCauseIcd10().isBlank()) {
            String icd = c.underlyingCauseIcd10().strip().toUpperCase();
            if (!IcdMmGroup.validIcd10(icd)) throw ApiException.badField("underlyingCauseIcd10", "ICD-10编码格式不正确 / not an ICD-10 code (e.g. O72.1)");
            if (group != null && !group.accepts(icd)) {
                throw ApiException.badField("underlyingCauseIcd10", "直接产科死因须为O00–O95编码 / a direct obstetric cause is coded O00–O95");
            }
        }
        if (c.deliveryDate() != null && c.deliveryDate().isAfter(row.deathDate())) {
            throw ApiException.badField("deliveryDate", "分娩日期晚于死亡日期 / delivery after death");
        }
        jdbc.sql("""
                update maternal_death_report set age_years = ?, residence = ?, household = ?, education = ?, gravida = ?, parity = ?,
                    pregnancy_stage_at_death = ?, delivery_date = ?, delivery_place = ?, delivery_mode = ?, gestational_weeks = ?,
                    antenatal_visits = ?, place_of_death = ?, diagnosis_level = ?, cause_group = ?, cause_type = ?,
                    underlying_cause_icd10 = ?, underlying_cause_text = ?, notes = ?, version = version + 1, changed_at = now(), changed_by = ?
                 where id = ?""")
                .params(c.ageYears(), c.residence(), c.household(), c.education(), c.gravida(), c.parity(), c.stageAtDeath(),
                        c.deliveryDate(), c.deliveryPlace(), c.deliveryMode(), c.gestationalWeeks(), c.antenatalVisits(), c.placeOfDeath(),
                        c.diagnosisLevel(), group == null ? null : group.name(), group == null ? null : group.type().name(),
                        blank(c.underlyingCauseIcd10()) ? null : c.underlyingCauseIcd10().strip().toUpperCase(), c.underlyingCauseText(),
                        c.notes(), actor.username(), id)
                .update();
        audit.record(AuditRecord.write("UPDATE", "MaternalDeathReport", id, row.personId(), Map.of()));
        facts.ofDeathReport(id);
        return view(id);
    }

    private static IcdMmGroup group(String code) {
        if (code == null || code.isBlank()) return null;
        try {
            return IcdMmGroup.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("causeGroup", "未知的ICD-MM分组 / unknown ICD-MM group " + code);
        }
    }

    public record Submission(@NotNull(message = "版本号必填 / version is required") Long version) {}

    /** Reports the card to her district MCH institution; the card must say where she died and why. */
    @Transactional
    public DeathReportView report(UUID id, Submission s) {
        Actor actor = CurrentActor.get();
        Row row = lockForWrite(id, actor, s.version());
        if ("REPORTED".equals(row.status())) throw ApiException.conflict("already-reported", "已上报 / already reported", Map.of());
        record Card(String placeOfDeath, String causeGroup, String icd10, String stage) {}
        Card c = jdbc.sql("select place_of_death, cause_group, underlying_cause_icd10 as icd10, pregnancy_stage_at_death as stage from maternal_death_report where id = ?")
                .param(id).query(Card.class).single();
        if (c.placeOfDeath() == null) throw ApiException.badField("placeOfDeath", "须填写死亡地点 / place of death is required");
        if (c.stage() == null) throw ApiException.badField("stageAtDeath", "须填写死亡时期 / stage at death is required");
        if (c.causeGroup() == null) throw ApiException.badField("causeGroup", "须填写根本死因分组 / the ICD-MM group is required");
        if (c.icd10() == null) throw ApiException.badField("underlyingCauseIcd10", "须填写根本死因ICD-10编码 / the ICD-10 code is required");
        LocalDate today = CaseScope.today();
        jdbc.sql("""
                update maternal_death_report set status = 'REPORTED', reported_on = ?, reported_at = now(), reported_by = ?,
                       version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                .params(today, actor.username(), actor.username(), id).update();
        audit.record(AuditRecord.write("REPORT", "MaternalDeathReport", id, row.personId(),
                Map.of("inTime", DeathReportTimer.inTime(row.deathDate(), today))));
        facts.ofDeathReport(id);
        return view(id);
    }

    /** Unreported after day 2: flagged as escalated to the city (run on a schedule and on each list). */
    @Transactional
    public int escalateOverdue() {
        return jdbc.sql("update maternal_death_report set escalated_at = now() where status = 'DRAFT' and escalated_at is null and due_on < ?")
                .param(CaseScope.today()).update();
    }

    // ---- reading ------------------------------------------------------------------------------

    record Row(UUID personId, UUID reportingInstitutionId, UUID districtMchInstitutionId, String areaCode, LocalDate deathDate,
               String status, long version) {}

    private Row lockForWrite(UUID id, Actor actor, long version) {
        Row row = jdbc.sql("""
                select person_id, reporting_institution_id, district_mch_institution_id, area_code, death_date, status, version
                  from maternal_death_report where id = ? for update""")
                .param(id).query(Row.class).optional().orElseThrow(() -> ApiException.notFound("maternal death report", id));
        if (!actor.isSystemAdmin() && !(actor.role() != StaffRole.REGIONAL_OFFICIAL && actor.institutionId().equals(row.reportingInstitutionId()))) {
            throw ApiException.forbidden("只有填报机构可修改 / only the reporting institution may edit the card");
        }
        if (row.version() != version) throw ApiException.staleVersion("maternal death report", id, version, row.version());
        return row;
    }

    public record DeathReportView(UUID id, UUID caseId, UUID personId, String personName, String idNumber, UUID pregnancyId, String source,
                                  String reportingInstitutionCode, String reportingInstitutionName, String districtMchInstitutionCode,
                                  String districtMchInstitutionName, String areaCode, LocalDate deathDate, LocalDate dueOn, long daysLeft,
                                  String status, LocalDate reportedOn, String reportedBy, Boolean inTime, boolean overdue,
                                  OffsetDateTime escalatedAt, Integer ageYears, String residence, String household, String education,
                                  Integer gravida, Integer parity, String stageAtDeath, LocalDate deliveryDate, String deliveryPlace,
                                  String deliveryMode, Integer gestationalWeeks, Integer antenatalVisits, String placeOfDeath,
                                  String diagnosisLevel, String causeGroup, String causeType, String underlyingCauseIcd10,
                                  String underlyingCauseText, String notes, UUID reviewId, String reviewStatus, boolean mayEdit, long version) {}

    @Transactional
    public DeathReportView get(UUID id) {
        DeathReportView v = view(id);
        Actor actor = CurrentActor.get();
        UUID rep = institutions.find(v.reportingInstitutionCode()).map(Institution::id).orElse(null);
        UUID mch = v.districtMchInstitutionCode() == null ? null : institutions.find(v.districtMchInstitutionCode()).map(Institution::id).orElse(null);
        UUID centre = v.caseId() == null ? null : jdbc.sql("select centre_institution_id from critical_case where id = ?").param(v.caseId())
                .query(UUID.class).optional().orElse(null);
        if (!scope.sees(actor, v.areaCode(), rep, mch, centre)) {
            audit.recordIndependently(AuditRecord.read("MaternalDeathReport", id, v.personId(), false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此报告 / not entitled to this report");
        }
        audit.recordRead(AuditRecord.read("MaternalDeathReport", id, v.personId(), true, false, null));
        return v;
    }

    DeathReportView view(UUID id) {
        Actor actor = CurrentActor.orSystem();
        return jdbc.sql("""
                select r.*, (select v.id from case_review v where v.death_report_id = r.id order by v.created_at desc limit 1) as review_id,
                       (select v.status from case_review v where v.death_report_id = r.id order by v.created_at desc limit 1) as review_status
                  from maternal_death_report r where r.id = ?""")
                .param(id).query((rs, n) -> map(rs, actor)).optional().orElseThrow(() -> ApiException.notFound("maternal death report", id));
    }

    private DeathReportView map(ResultSet rs, Actor actor) throws SQLException {
        UUID personId = rs.getObject("person_id", UUID.class);
        PersonDetail person = persons.load(personId).orElseThrow();
        Institution rep = institutions.findById(rs.getObject("reporting_institution_id", UUID.class)).orElseThrow();
        UUID mchId = rs.getObject("district_mch_institution_id", UUID.class);
        Institution mch = mchId == null ? null : institutions.findById(mchId).orElse(null);
        LocalDate death = rs.getObject("death_date", LocalDate.class);
        LocalDate reported = rs.getObject("reported_on", LocalDate.class);
        LocalDate today = CaseScope.today();
        return new DeathReportView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), personId, person.fullName(),
                person.idNumber(), rs.getObject("pregnancy_id", UUID.class), rs.getString("source"), rep.code(), rep.nameZh(),
                mch == null ? null : mch.code(), mch == null ? null : mch.nameZh(), rs.getString("area_code"), death,
                rs.getObject("due_on", LocalDate.class), DeathReportTimer.daysLeft(death, today), rs.getString("status"), reported,
                rs.getString("reported_by"), reported == null ? null : DeathReportTimer.inTime(death, reported),
                DeathReportTimer.overdue(death, reported, today), rs.getObject("escalated_at", OffsetDateTime.class),
                (Integer) rs.getObject("age_years"), rs.getString("residence"), rs.getString("household"), rs.getString("education"),
                (Integer) rs.getObject("gravida"), (Integer) rs.getObject("parity"), rs.getString("pregnancy_stage_at_death"),
                rs.getObject("delivery_date", LocalDate.class), rs.getString("delivery_place"), rs.getString("delivery_mode"),
                (Integer) rs.getObject("gestational_weeks"), (Integer) rs.getObject("antenatal_visits"), rs.getString("place_of_death"),
                rs.getString("diagnosis_level"), rs.getString("cause_group"), rs.getString("cause_type"),
                rs.getString("underlying_cause_icd10"), rs.getString("underlying_cause_text"), rs.getString("notes"),
                rs.getObject("review_id", UUID.class), rs.getString("review_status"),
                actor.isSystemAdmin() || (actor.role() != StaffRole.REGIONAL_OFFICIAL && rep.id().equals(actor.institutionId())),
                rs.getLong("version"));
    }

    public record DeathItem(UUID id, UUID personId, String personName, String reportingInstitutionName, String areaCode,
                            LocalDate deathDate, LocalDate dueOn, long daysLeft, String status, LocalDate reportedOn, Boolean inTime,
                            boolean overdue, boolean escalated, String causeGroup, String causeType, String underlyingCauseIcd10,
                            String reviewStatus, String reportingInstitutionNameEn) {}

    /** Scoped like the cases; {@code overdue=true} lists the reports past their 2 days, {@code escalated=true} those sent up to the city. */
    public PageResult<DeathItem> list(Boolean overdue, Boolean escalated, String status, PageRequest page) {
        escalateOverdue();
        Actor actor = CurrentActor.get();
        CaseScope.Where w = scope.where(actor, "reporting_institution_id", "district_mch_institution_id");
        StringBuilder where = new StringBuilder(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        LocalDate today = CaseScope.today();
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" and ((status = 'DRAFT' and due_on < ?) or (status = 'REPORTED' and reported_on > due_on))");
            params.add(today);
        }
        if (Boolean.TRUE.equals(escalated)) where.append(" and escalated_at is not null");
        if (status != null && !status.isBlank()) { where.append(" and status = ?"); params.add(status.toUpperCase()); }
        long total = jdbc.sql("select count(*) from maternal_death_report" + where).params(params).query(Long.class).single();
        List<Object> pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var rows = jdbc.sql("""
                select r.*, (select v.status from case_review v where v.death_report_id = r.id order by v.created_at desc limit 1) as review_status
                  from maternal_death_report r""" + where + " order by death_date desc, created_at desc limit ? offset ?")
                .params(pp).query((rs, n) -> {
                    LocalDate death = rs.getObject("death_date", LocalDate.class);
                    LocalDate reported = rs.getObject("reported_on", LocalDate.class);
                    Institution rep = institutions.findById(rs.getObject("reporting_institution_id", UUID.class)).orElseThrow();
                    return new DeathItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), null, rep.nameZh(),
                            rs.getString("area_code"), death, rs.getObject("due_on", LocalDate.class), DeathReportTimer.daysLeft(death, today),
                            rs.getString("status"), reported, reported == null ? null : DeathReportTimer.inTime(death, reported),
                            DeathReportTimer.overdue(death, reported, today), rs.getObject("escalated_at") != null, rs.getString("cause_group"),
                            rs.getString("cause_type"), rs.getString("underlying_cause_icd10"), rs.getString("review_status"),
                            rep.nameEn());
                }).list();
        var names = persons.namesOf(rows.stream().map(DeathItem::personId).toList());
        return new PageResult<>(rows.stream().map(i -> new DeathItem(i.id(), i.personId(), names.get(i.personId()),
                i.reportingInstitutionName(), i.areaCode(), i.deathDate(), i.dueOn(), i.daysLeft(), i.status(), i.reportedOn(), i.inTime(),
                i.overdue(), i.escalated(), i.causeGroup(), i.causeType(), i.underlyingCauseIcd10(), i.reviewStatus(),
                i.reportingInstitutionNameEn())).toList(),
                total, page.page(), page.size());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
