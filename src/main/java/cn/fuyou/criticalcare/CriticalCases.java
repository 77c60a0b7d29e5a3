package cn.fuyou.criticalcare;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.network.CriticalCareCentres;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonForm;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Critically ill pregnant and postpartum women (危重孕产妇): reported by any institution from pregnancy to
 * 42 days after its end, assessed against the WHO near-miss criteria (clinical-rules.md §6), routed to her
 * designated critical-care centre through the network's emergency referral, treated (team, interventions,
 * timeline) and closed with her outcome at discharge or day 42 — a death opens the death report.
 */
@Service
public class CriticalCases {

    static final int WINDOW_DAYS = 42;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Persons persons;
    private final cn.fuyou.registry.PersonAccess access;
    private final cn.fuyou.registry.Entitlements entitlements;
    private final cn.fuyou.registry.PersonRegistration registration;
    private final Institutions institutions;
    private final Pregnancies pregnancies;
    private final CriticalCareCentres centres;
    private final cn.fuyou.network.ReferralRequests referralRequests;
    private final NearMissPolicy policy;
    private final DeathReports deathReports;
    private final CriticalCareFacts facts;
    private final CaseScope scope;
    private final AuditLog audit;

    CriticalCases(JdbcClient jdbc, Persons persons, cn.fuyou.registry.PersonAccess access, cn.fuyou.registry.Entitlements entitlements,
                  cn.fuyou.registry.PersonRegistration registration, Institutions institutions, Pregnancies pregnancies, CriticalCareCentres centres,
                  cn.fuyou.network.ReferralRequests referralRequests, NearMissPolicy policy, DeathReports deathReports, CriticalCareFacts facts, CaseScope scope,
                  AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.registration = registration;
        this.institutions = institutions;
        this.pregnancies = pregnancies;
        this.centres = centres;
        this.referralRequests = referralRequests;
        this.policy = policy;
        this.deathReports = deathReports;
        this.facts = facts;
        this.scope = scope;
        this.audit = audit;
    }

    public record NewCase(UUID personId, @Valid PersonForm newPerson, UUID pregnancyId,
                          @NotNull(message = "阶段必填 / stage is required") @Pattern(regexp = "PREGNANT|POSTPARTUM|POST_ABORTION",
                                  message = "阶段为PREGNANT/POSTPARTUM/POST_ABORTION") String stage,
                          @Min(value = 4, message = "孕周4–45 / weeks 4–45") @Max(value = 45, message = "孕周4–45 / weeks 4–45") Integer gestationalWeeks,
                          LocalDate pregnancyEndedOn,
                          @NotNull(message = "发病时间必填 / onsetAt is required") OffsetDateTime onsetAt,
                          @NotBlank(message = "诊断必填 / diagnosis is required") @Size(max = 1000) String diagnosis,
                          Checklist checklist, Boolean routeToCentre) {}

    @Transactional
    public CaseView report(NewCase c) {
        Actor actor = CurrentActor.get();
        requireClinical(actor);
        if ((c.personId() == null) == (c.newPerson() == null)) {
            throw ApiException.badField("personId", "请选择人员或现场登记 / give personId or newPerson (emergency registration)");
        }
        boolean onSpot = c.newPerson() != null;
        PersonDetail person;
        if (onSpot) {
            person = registration.register(c.newPerson());
        } else {
            person = persons.load(c.personId()).orElseThrow(() -> ApiException.badField("personId", "人员不存在 / no such person"));
            if (!access.canAccess(person.id())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this person");
        }
        if (!"F".equals(person.sex())) throw ApiException.badField("personId", "危重孕产妇须为女性 / the woman must be female");
        LocalDate onset = c.onsetAt().atZoneSameInstant(CaseScope.CHINA).toLocalDate();
        if (c.onsetAt().toInstant().isAfter(java.time.Instant.now().plusSeconds(300))) {
            throw ApiException.badField("onsetAt", "发病时间不能晚于现在 / onset cannot be in the future");
        }
        PregnancyRecord pregnancy = null;
        LocalDate endedOn = c.pregnancyEndedOn();
        Integer weeks = c.gestationalWeeks();
        if (c.pregnancyId() != null) {
            pregnancy = pregnancies.readForWrite(c.pregnancyId());
            if (!pregnancy.womanId().equals(person.id())) throw ApiException.badField("pregnancyId", "孕期档案不属于该人员 / the pregnancy is not hers");
            if (endedOn == null && pregnancy.outcomeDate() != null) endedOn = pregnancy.outcomeDate();
            if (weeks == null && pregnancy.gestationalAgeToday() != null && endedOn == null) weeks = pregnancy.gestationalAgeToday().weeks();
        }
        checkWindow(c.stage(), endedOn, onset);
        Checklist checklist = c.checklist() == null ? Checklist.EMPTY : c.checklist();
        NearMissAssessment a = assess(checklist, null, null, null);

        Institution from = institutions.findById(actor.institutionId()).orElseThrow();
        String area = person.addressAreaCode() != null ? person.addressAreaCode() : from.areaCode();
        Institution centre = centres.maternalCentreFor(area).or(() -> centres.maternalCentreFor(from.areaCode())).orElse(null);
        Institution mch = institutions.districtMchInstitution(area).orElse(null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into critical_case (id, person_id, pregnancy_id, reporting_institution_id, centre_institution_id,
                    district_mch_institution_id, area_code, registered_on_spot, stage, gestational_weeks, pregnancy_ended_on, onset_at,
                    diagnosis, findings, criteria, organ_systems, life_threatening, classification, rule_version, state, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?)""")
                .params(id, person.id(), c.pregnancyId(), from.id(), centre == null ? null : centre.id(), mch == null ? null : mch.id(), area,
                        onSpot, c.stage(), weeks, endedOn, c.onsetAt(), c.diagnosis().strip(),
                        checklist.findingsOrEmpty().toArray(String[]::new), a.criteria().toArray(String[]::new),
                        a.organSystems().toArray(String[]::new), a.lifeThreatening(), a.classification().name(), a.ruleVersion(),
                        actor.username(), actor.username())
                .update();
        insertAssessment(id, c.onsetAt(), checklist, a, actor);
        event(id, "REPORTED", (onSpot ? "现场紧急登记并报告 / registered on the spot and reported" : "报告危重孕产妇 / reported")
                + " · " + from.nameZh() + " · " + c.diagnosis().strip(), actor);
        event(id, "ASSESSMENT", criteriaText(a), actor);
        if (mch != null) entitlements.entitle(person.id(), mch.id(), "CARED");
        boolean route = !Boolean.FALSE.equals(c.routeToCentre());
        if (route && centre != null && !centre.id().equals(from.id())) {
            var referral = referralRequests.create(new Referrals.NewReferral(person.id(), c.pregnancyId(), "MATERNAL", null, true, "EMERGENCY",
                    "危重孕产妇 / critically ill: " + c.diagnosis().strip(), a.criteria(), criteriaText(a), false, null));
            jdbc.sql("update critical_case set referral_id = ?, centre_institution_id = (select id from institution where code = ?) where id = ?")
                    .params(referral.id(), referral.toInstitutionCode(), id).update();
            event(id, "ROUTED", "急诊转诊至指定救治中心 / emergency referral to the designated centre: " + referral.toInstitutionName(), actor);
        } else if (centre != null && centre.id().equals(from.id())) {
            event(id, "ROUTED", "在指定救治中心救治 / treated at the designated centre", actor);
        }
        audit.record(AuditRecord.write("CREATE", "CriticalCase", id, person.id(),
                Map.of("criteria", a.criteria(), "classification", a.classification().name(), "onSpot", onSpot)));
        facts.ofCase(id);
        return view(id);
    }

    /** Pregnancy to 42 days after its end (clinical-rules.md §6). */
    static void checkWindow(String stage, LocalDate endedOn, LocalDate onset) {
        if ("PREGNANT".equals(stage)) {
            if (endedOn != null && endedOn.isBefore(onset)) {
                throw ApiException.badField("stage", "妊娠已结束，请选择产后或流产后 / the pregnancy has ended: choose POSTPARTUM or POST_ABORTION");
            }
            return;
        }
        if (endedOn == null) throw ApiException.badField("pregnancyEndedOn", "须填写妊娠结束日期 / the end of the pregnancy is required");
        if (onset.isBefore(endedOn)) throw ApiException.badField("onsetAt", "发病早于妊娠结束 / onset before the end of pregnancy");
        if (onset.isAfter(endedOn.plusDays(WINDOW_DAYS))) {
            throw ApiException.badField("onsetAt", "超过妊娠结束后42天，不属危重孕产妇 / more than 42 days after the end of pregnancy");
        }
    }

    private NearMissAssessment assess(Checklist checklist, BigDecimal unitsTransfused, String hysterectomy, NearMissInputs.Outcome outcome) {
        List<String> findings = new ArrayList<>(checklist.findingsOrEmpty());
        Map<String, BigDecimal> values = new java.util.LinkedHashMap<>(checklist.values());
        if (unitsTransfused != null) values.merge("transfusionUnits", unitsTransfused, BigDecimal::max);
        if ("HAEMORRHAGE".equals(hysterectomy) || "INFECTION".equals(hysterectomy)) findings.add("HYSTERECTOMY_INFECTION_OR_HAEMORRHAGE");
        try {
            return policy.assess(new NearMissInputs(findings, values, outcome));
        } catch (InvalidNearMissInput e) {
            String f = e.field();
            throw ApiException.badField(f.startsWith("findings") ? "checklist." + f : "checklist." + f, e.getMessage());
        }
    }

    public record Assessment(@NotNull(message = "评估时间必填 / assessedAt is required") OffsetDateTime assessedAt,
                             @NotNull(message = "清单必填 / checklist is required") Checklist checklist,
                             @NotNull(message = "版本号必填 / version is required") Long version) {}

    /** A re-assessment: the case's criteria become the union of every checklist and the interventions. */
    @Transactional
    public CaseView assess(UUID id, Assessment r) {
        Actor actor = CurrentActor.get();
        Row row = lockForTreatment(id, actor, r.version());
        NearMissAssessment a = assess(r.checklist(), null, null, null);
        insertAssessment(id, r.assessedAt(), r.checklist(), a, actor);
        event(id, "ASSESSMENT", criteriaText(a), actor);
        rederive(id, row, actor);
        audit.record(AuditRecord.write("ASSESS", "CriticalCase", id, row.personId(), Map.of("criteria", a.criteria())));
        return view(id);
    }

    public record TeamMember(@NotBlank(message = "姓名必填 / name is required") @Size(max = 50) String name,
                             @NotBlank(message = "角色必填 / role is required") @Size(max = 50) String role,
                             @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public CaseView addTeamMember(UUID id, TeamMember m) {
        Actor actor = CurrentActor.get();
        Row row = lockForTreatment(id, actor, m.version());
        jdbc.sql("insert into critical_case_team (id, case_id, name, role, institution_id, added_by) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, m.name().strip(), m.role().strip(), actor.institutionId(), actor.username()).update();
        String inst = institutions.findById(actor.institutionId()).map(Institution::nameZh).orElse("");
        event(id, "TEAM", "救治团队 / treating team: " + m.name().strip() + "（" + m.role().strip() + "，" + inst + "）", actor);
        jdbc.sql("update critical_case set state = case when state = 'REPORTED' then 'TREATING' else state end, version = version + 1,"
                + " changed_at = now(), changed_by = ? where id = ?").params(actor.username(), id).update();
        audit.record(AuditRecord.write("TEAM", "CriticalCase", id, row.personId(), Map.of("name", m.name())));
        return view(id);
    }

    public record Interventions(@Min(value = 0, message = "ICU天数0–365 / ICU days 0–365") @Max(value = 365, message = "ICU天数0–365 / ICU days 0–365") Integer icuDays,
                                @DecimalMin(value = "0", message = "输血单位不能为负 / units cannot be negative")
                                @DecimalMax(value = "200", message = "输血单位0–200 / units 0–200") BigDecimal unitsTransfused,
                                Boolean laparotomy,
                                @Pattern(regexp = "HAEMORRHAGE|INFECTION|OTHER", message = "子宫切除原因为HAEMORRHAGE/INFECTION/OTHER") String hysterectomy,
                                @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public CaseView recordInterventions(UUID id, Interventions i) {
        Actor actor = CurrentActor.get();
        Row row = lockForTreatment(id, actor, i.version());
        jdbc.sql("""
                update critical_case set icu_days = ?, units_transfused = ?, laparotomy = ?, hysterectomy = ?,
                       state = case when state = 'REPORTED' then 'TREATING' else state end where id = ?""")
                .params(i.icuDays(), i.unitsTransfused(), Boolean.TRUE.equals(i.laparotomy()), i.hysterectomy(), id).update();
        event(id, "INTERVENTION", "干预 / interventions: ICU " + (i.icuDays() == null ? "-" : i.icuDays()) + " 天/days, 输血 "
                + (i.unitsTransfused() == null ? "-" : i.unitsTransfused().stripTrailingZeros().toPlainString()) + " U"
                + (Boolean.TRUE.equals(i.laparotomy()) ? ", 剖腹探查 laparotomy" : "")
                + (i.hysterectomy() != null ? ", 子宫切除 hysterectomy (" + i.hysterectomy() + ")" : ""), actor);
        rederive(id, row, actor);
        audit.record(AuditRecord.write("INTERVENTIONS", "CriticalCase", id, row.personId(), Map.of()));
        return view(id);
    }

    public record Note(@NotBlank(message = "内容必填 / text is required") @Size(max = 2000) String text) {}

    @Transactional
    public CaseView note(UUID id, Note n) {
        Actor actor = CurrentActor.get();
        Row row = load(id);
        if (!mayTreat(actor, row)) throw ApiException.forbidden("只有报告机构或救治中心可记录 / only the reporting institution or the centre");
        event(id, "NOTE", n.text().strip(), actor);
        audit.record(AuditRecord.write("NOTE", "CriticalCase", id, row.personId(), Map.of()));
        return view(id);
    }

    public record Outcome(@NotNull(message = "结局必填 / outcome is required") @Pattern(regexp = "SURVIVED|DIED", message = "结局为SURVIVED或DIED") String outcome,
                          @NotNull(message = "依据必填 / basis is required") @Pattern(regexp = "DISCHARGE|DAY_42|DEATH", message = "依据为DISCHARGE/DAY_42/DEATH") String basis,
                          @NotNull(message = "日期必填 / outcomeOn is required") LocalDate outcomeOn,
                          @NotNull(message = "版本号必填 / version is required") Long version) {}

    /** At discharge or day 42: survived → NEAR_MISS when a criterion was met; died → MATERNAL_DEATH and the death report opens. */
    @Transactional
    public CaseView recordOutcome(UUID id, Outcome o) {
        Actor actor = CurrentActor.get();
        Row row = lockForTreatment(id, actor, o.version());
        if ("CLOSED".equals(row.state())) throw ApiException.conflict("closed", "已记录结局 / the outcome is already recorded", Map.of());
        boolean died = "DIED".equals(o.outcome());
        if (died != "DEATH".equals(o.basis())) throw ApiException.badField("basis", "死亡的依据为DEATH，存活为DISCHARGE或DAY_42 / DEATH goes with DIED");
        if (o.outcomeOn().isAfter(CaseScope.today())) throw ApiException.badField("outcomeOn", "日期不能晚于今天 / cannot be in the future");
        if (o.outcomeOn().isBefore(row.onsetAt().atZoneSameInstant(CaseScope.CHINA).toLocalDate())) {
            throw ApiException.badField("outcomeOn", "结局早于发病 / outcome before onset");
        }
        if (died && row.endedOn() != null && o.outcomeOn().isAfter(row.endedOn().plusDays(WINDOW_DAYS))) {
            throw ApiException.badField("outcomeOn", "妊娠结束42天后死亡不属孕产妇死亡 / a death after 42 days is not a maternal death");
        }
        jdbc.sql("update critical_case set outcome = ?, outcome_basis = ?, outcome_on = ?, state = 'CLOSED' where id = ?")
                .params(o.outcome(), o.basis(), o.outcomeOn(), id).update();
        NearMissAssessment a = rederive(id, row, actor);
        event(id, "OUTCOME", "结局 / outcome: " + a.classification().name() + " (" + o.basis() + ", " + o.outcomeOn() + ")", actor);
        if (died) {
            UUID report = deathReports.openFor(new DeathReports.Opening("CRITICAL_CASE", row.personId(), row.pregnancyId(), id,
                    o.outcomeOn(), actor.institutionId()));
            jdbc.sql("update critical_case set death_report_id = ? where id = ?").params(report, id).update();
            event(id, "DEATH_REPORT", "已开启孕产妇死亡报告卡 / maternal death report opened", actor);
        }
        audit.record(AuditRecord.write("OUTCOME", "CriticalCase", id, row.personId(), Map.of("classification", a.classification().name())));
        facts.ofCase(id);
        return view(id);
    }

    /** Recomputes the case's criteria: the union of its checklists and its interventions, with its outcome. */
    private NearMissAssessment rederive(UUID id, Row row, Actor actor) {
        var checklists = jdbc.sql("select findings, criteria from critical_case_assessment where case_id = ?").param(id)
                .query((rs, n) -> strings(rs.getArray("criteria"))).list();
        TreeSet<String> union = new TreeSet<>();
        checklists.forEach(union::addAll);
        record Now(BigDecimal units, String hysterectomy, String outcome) {}
        Now now = jdbc.sql("select units_transfused as units, hysterectomy, outcome from critical_case where id = ?").param(id).query(Now.class).single();
        // Criteria found by values in earlier checklists stay met: feed them back as findings of the policy's union.
        List<String> findingCodes = union.stream().filter(policy.rules()::knowsFinding).toList();
        NearMissAssessment fromInterventions = assess(new Checklist(findingCodes, null, null, null, null, null, null, null, null, null, null),
                now.units(), now.hysterectomy(), now.outcome() == null ? null : NearMissInputs.Outcome.valueOf(now.outcome()));
        TreeSet<String> criteria = new TreeSet<>(union);
        criteria.addAll(fromInterventions.criteria());
        TreeSet<String> systems = new TreeSet<>();
        criteria.forEach(c -> systems.add(policy.rules().systemOf(c)));
        boolean ltc = !criteria.isEmpty();
        NearMissAssessment.Classification cls = "DIED".equals(now.outcome()) ? NearMissAssessment.Classification.MATERNAL_DEATH
                : !ltc ? NearMissAssessment.Classification.NONE
                : "SURVIVED".equals(now.outcome()) ? NearMissAssessment.Classification.NEAR_MISS
                : NearMissAssessment.Classification.LIFE_THREATENING;
        NearMissAssessment a = new NearMissAssessment(List.copyOf(criteria), List.copyOf(systems), ltc, cls, policy.rules().version());
        jdbc.sql("""
                update critical_case set criteria = ?, organ_systems = ?, life_threatening = ?, classification = ?, rule_version = ?,
                       version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                .params(a.criteria().toArray(String[]::new), a.organSystems().toArray(String[]::new), ltc, cls.name(), a.ruleVersion(),
                        actor.username(), id).update();
        facts.ofCase(id);
        return a;
    }

    private void insertAssessment(UUID caseId, OffsetDateTime at, Checklist c, NearMissAssessment a, Actor actor) {
        String measured;
        try {
            measured = JSON.writeValueAsString(c.values());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                insert into critical_case_assessment (id, case_id, assessed_at, findings, measured, criteria, rule_version, created_by)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, at, c.findingsOrEmpty().toArray(String[]::new), measured,
                        a.criteria().toArray(String[]::new), a.ruleVersion(), actor.username()).update();
    }

    private String criteriaText(NearMissAssessment a) {
        if (a.criteria().isEmpty()) return "未达WHO危重标准 / no WHO near-miss criterion (" + a.ruleVersion() + ")";
        StringBuilder sb = new StringBuilder("WHO危重标准 / near-miss criteria (" + a.ruleVersion() + "): ");
        for (String c : a.criteria()) {
            var f = policy.rules().findings().get(c);
            String zh = f != null ? f.nameZh() : policy.rules().values().stream().filter(v -> v.code().equals(c)).findFirst()
                    .map(NearMissRuleSet.ValueCriterion::nameZh).orElse(c);
            sb.append(zh).append("；");
        }
        return sb.toString();
    }

    void event(UUID caseId, String kind, String text, Actor actor) {
        jdbc.sql("insert into critical_case_event (case_id, kind, text, by_user) values (?, ?, ?, ?)")
                .params(caseId, kind, text, actor.username()).update();
    }

    private static void requireClinical(Actor a) {
        if (a.role() == StaffRole.REGIONAL_OFFICIAL) throw ApiException.forbidden("区域管理人员不能报告病例 / officials do not report cases");
        if (a.institutionId() == null) throw ApiException.forbidden("须属于一个机构 / an institution is required");
    }

    // ---- reading ------------------------------------------------------------------------------

    record Row(UUID id, UUID personId, UUID pregnancyId, UUID reportingInstitutionId, UUID centreInstitutionId,
               UUID districtMchInstitutionId, String areaCode, String state, OffsetDateTime onsetAt, LocalDate endedOn, long version) {}

    private Row load(UUID id) {
        return jdbc.sql("""
                select id, person_id, pregnancy_id, reporting_institution_id, centre_institution_id, district_mch_institution_id, area_code,
                       state, onset_at, pregnancy_ended_on as ended_on, version from critical_case where id = ? for update""")
                .param(id).query(Row.class).optional().orElseThrow(() -> ApiException.notFound("critical case", id));
    }

    private boolean mayTreat(Actor a, Row r) {
        return a.isSystemAdmin() || (a.role() != StaffRole.REGIONAL_OFFICIAL
                && (a.institutionId().equals(r.reportingInstitutionId()) || a.institutionId().equals(r.centreInstitutionId())));
    }

    private Row lockForTreatment(UUID id, Actor actor, long version) {
        Row row = load(id);
        if (!mayTreat(actor, row)) throw ApiException.forbidden("只有报告机构或救治中心可记录 / only the reporting institution or the centre");
        if (row.version() != version) throw ApiException.staleVersion("critical case", id, version, row.version());
        return row;
    }

    public record TeamView(String name, String role, String institutionCode, String institutionName, OffsetDateTime addedAt) {}

    public record EventView(OffsetDateTime at, String kind, String text, String byUser) {}

    public record AssessmentView(OffsetDateTime assessedAt, List<String> findings, Map<String, Object> measured, List<String> criteria,
                                 String ruleVersion) {}

    public record CaseView(UUID id, UUID personId, String personName, UUID pregnancyId, String reportingInstitutionCode,
                           String reportingInstitutionName, String centreInstitutionCode, String centreInstitutionName,
                           String districtMchInstitutionCode, String districtMchInstitutionName, String areaCode,
                           boolean registeredOnSpot, String stage, Integer gestationalWeeks, LocalDate pregnancyEndedOn,
                           OffsetDateTime onsetAt, String diagnosis, List<String> criteria, List<String> organSystems,
                           boolean lifeThreatening, String classification, String ruleVersion, UUID referralId, String state,
                           Integer icuDays, BigDecimal unitsTransfused, boolean laparotomy, String hysterectomy, String outcome,
                           String outcomeBasis, LocalDate outcomeOn, UUID deathReportId, List<TeamView> team,
                           List<AssessmentView> assessments, List<EventView> timeline, boolean mayTreat, OffsetDateTime createdAt,
                           String createdBy, long version) {}

    @Transactional
    public CaseView get(UUID id) {
        CaseView v = view(id);
        Actor actor = CurrentActor.get();
        var row = jdbc.sql("select reporting_institution_id, centre_institution_id, district_mch_institution_id from critical_case where id = ?")
                .param(id).query((rs, n) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)})
                .single();
        if (!scope.sees(actor, v.areaCode(), row)) {
            audit.recordIndependently(AuditRecord.read("CriticalCase", id, v.personId(), false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此病例 / not entitled to this case");
        }
        audit.recordRead(AuditRecord.read("CriticalCase", id, v.personId(), true, false, null));
        return v;
    }

    CaseView view(UUID id) {
        var team = jdbc.sql("select name, role, institution_id, added_at from critical_case_team where case_id = ? order by added_at")
                .param(id).query((rs, n) -> {
                    Institution i = institutions.findById(rs.getObject("institution_id", UUID.class)).orElseThrow();
                    return new TeamView(rs.getString("name"), rs.getString("role"), i.code(), i.nameZh(), rs.getObject("added_at", OffsetDateTime.class));
                }).list();
        var timeline = jdbc.sql("select at, kind, text, by_user from critical_case_event where case_id = ? order by at, id").param(id)
                .query((rs, n) -> new EventView(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        var assessments = jdbc.sql("select assessed_at, findings, measured::text, criteria, rule_version from critical_case_assessment where case_id = ? order by assessed_at")
                .param(id).query((rs, n) -> new AssessmentView(rs.getObject(1, OffsetDateTime.class), strings(rs.getArray(2)), readMap(rs.getString(3)),
                        strings(rs.getArray(4)), rs.getString(5))).list();
        Actor actor = CurrentActor.orSystem();
        return jdbc.sql("select * from critical_case where id = ?").param(id).query((rs, n) -> map(rs, team, assessments, timeline, actor))
                .optional().orElseThrow(() -> ApiException.notFound("critical case", id));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    private CaseView map(ResultSet rs, List<TeamView> team, List<AssessmentView> assessments, List<EventView> timeline, Actor actor)
            throws SQLException {
        UUID personId = rs.getObject("person_id", UUID.class);
        Institution rep = institutions.findById(rs.getObject("reporting_institution_id", UUID.class)).orElseThrow();
        Institution centre = inst(rs.getObject("centre_institution_id", UUID.class));
        Institution mch = inst(rs.getObject("district_mch_institution_id", UUID.class));
        Row row = new Row(rs.getObject("id", UUID.class), personId, null, rep.id(), centre == null ? null : centre.id(), null, null, null,
                null, null, 0);
        return new CaseView(rs.getObject("id", UUID.class), personId, persons.namesOf(List.of(personId)).get(personId),
                rs.getObject("pregnancy_id", UUID.class), rep.code(), rep.nameZh(), centre == null ? null : centre.code(),
                centre == null ? null : centre.nameZh(), mch == null ? null : mch.code(), mch == null ? null : mch.nameZh(),
                rs.getString("area_code"), rs.getBoolean("registered_on_spot"), rs.getString("stage"),
                (Integer) rs.getObject("gestational_weeks"), rs.getObject("pregnancy_ended_on", LocalDate.class),
                rs.getObject("onset_at", OffsetDateTime.class), rs.getString("diagnosis"), strings(rs.getArray("criteria")),
                strings(rs.getArray("organ_systems")), rs.getBoolean("life_threatening"), rs.getString("classification"),
                rs.getString("rule_version"), rs.getObject("referral_id", UUID.class), rs.getString("state"),
                (Integer) rs.getObject("icu_days"), rs.getBigDecimal("units_transfused"), rs.getBoolean("laparotomy"),
                rs.getString("hysterectomy"), rs.getString("outcome"), rs.getString("outcome_basis"),
                rs.getObject("outcome_on", LocalDate.class), rs.getObject("death_report_id", UUID.class), team, assessments, timeline,
                actor.institutionId() != null && mayTreat(actor, row), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getLong("version"));
    }

    private Institution inst(UUID id) {
        return id == null ? null : institutions.findById(id).orElse(null);
    }

    public record CaseItem(UUID id, UUID personId, String personName, String reportingInstitutionName, String centreInstitutionName,
                           String areaCode, String stage, OffsetDateTime onsetAt, String diagnosis, List<String> criteria,
                           boolean lifeThreatening, String classification, String state, String outcome, LocalDate outcomeOn,
                           boolean incoming) {}

    /** The cases the caller's institution reported, treats as centre or receives as district MCH, or its officials' area holds. */
    public PageResult<CaseItem> list(String state, String classification, String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        CaseScope.Where w = scope.where(actor, "reporting_institution_id", "centre_institution_id", "district_mch_institution_id");
        StringBuilder where = new StringBuilder(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        if (state != null && !state.isBlank()) { where.append(" and state = ?"); params.add(state.toUpperCase()); }
        if (classification != null && !classification.isBlank()) { where.append(" and classification = ?"); params.add(classification.toUpperCase()); }
        if (q != null && !q.isBlank()) {
            where.append(" and (diagnosis ilike ? or person_id in (select id from person where full_name like ?))");
            params.add("%" + q.strip() + "%");
            params.add("%" + q.strip() + "%");
        }
        long total = jdbc.sql("select count(*) from critical_case" + where).params(params).query(Long.class).single();
        List<Object> pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var rows = jdbc.sql("select * from critical_case" + where + " order by created_at desc limit ? offset ?").params(pp)
                .query((rs, n) -> {
                    Institution rep = inst(rs.getObject("reporting_institution_id", UUID.class));
                    Institution centre = inst(rs.getObject("centre_institution_id", UUID.class));
                    return new CaseItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), null,
                            rep == null ? null : rep.nameZh(), centre == null ? null : centre.nameZh(), rs.getString("area_code"),
                            rs.getString("stage"), rs.getObject("onset_at", OffsetDateTime.class), rs.getString("diagnosis"),
                            strings(rs.getArray("criteria")), rs.getBoolean("life_threatening"), rs.getString("classification"),
                            rs.getString("state"), rs.getString("outcome"), rs.getObject("outcome_on", LocalDate.class),
                            centre != null && centre.id().equals(actor.institutionId()) && !rep.id().equals(actor.institutionId()));
                }).list();
        var names = persons.namesOf(rows.stream().map(CaseItem::personId).toList());
        var items = rows.stream().map(i -> new CaseItem(i.id(), i.personId(), names.get(i.personId()), i.reportingInstitutionName(),
                i.centreInstitutionName(), i.areaCode(), i.stage(), i.onsetAt(), i.diagnosis(), i.criteria(), i.lifeThreatening(),
                i.classification(), i.state(), i.outcome(), i.outcomeOn(), i.incoming())).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
