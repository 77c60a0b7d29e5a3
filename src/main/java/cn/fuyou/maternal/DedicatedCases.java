package cn.fuyou.maternal;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.rules.CasePlanPolicy;
import cn.fuyou.maternal.rules.RiskColour;
import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dedicated case (高危专案, clinical-rules.md §1) as it is managed: the individual plan — visit
 * frequency by colour, consultations and tests ordered, the level of institution where she must
 * deliver, the centre it was agreed with — then follow-up records, transfers and the district MCH
 * institution's reviews, until the outcome closes it. Her care institution and the centre she was
 * reported to write the plan; the district's MCH institution (and its regional officials) review.
 */
@Service
public class DedicatedCases {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Areas areas;
    private final AuditLog audit;

    private final java.time.Clock clock;

    DedicatedCases(JdbcClient jdbc, Institutions institutions, Areas areas, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.areas = areas;
        this.audit = audit;
    }

    public record Plan(Integer visitEveryDays, Integer deliveryLevel, List<String> consultations, List<String> tests,
                       String agreedWithInstitutionCode, String notes, String rule, OffsetDateTime changedAt, String changedBy) {}

    public record FollowUp(UUID id, String kind, LocalDate on, String note, String toInstitutionCode, String institutionCode,
                           String createdBy) {}

    public record CaseView(UUID id, UUID pregnancyId, UUID womanId, String kind, String reason, String colour, boolean purple,
                           String districtCode, String reportedToInstitutionCode, String careInstitutionCode, String status,
                           OffsetDateTime openedAt, OffsetDateTime closedAt, String outcome, Plan plan,
                           CasePlanPolicy.Defaults planDefaults, List<FollowUp> followUps, long version) {}

    private record Row(UUID id, UUID pregnancyId, UUID womanId, String kind, String reason, String colour, boolean purple,
                       String districtCode, UUID reportedToInstitutionId, UUID careInstitutionId, String status, OffsetDateTime openedAt,
                       OffsetDateTime closedAt, String outcome, Integer planVisitEveryDays, Integer planDeliveryLevel,
                       String[] planConsultations, String[] planTests, UUID planAgreedWith, String planNotes, String planRule,
                       OffsetDateTime planChangedAt, String planChangedBy, long version) {}

    private Row row(UUID id) {
        return jdbc.sql("""
                select c.id, c.pregnancy_id, p.woman_id, c.kind, c.reason, p.colour, p.purple, c.district_code,
                       c.reported_to_institution_id, p.care_institution_id, c.status, c.opened_at, c.closed_at, c.outcome,
                       c.plan_visit_every_days, c.plan_delivery_level, c.plan_consultations, c.plan_tests, c.plan_agreed_with,
                       c.plan_notes, c.plan_rule, c.plan_changed_at, c.plan_changed_by, c.version
                  from high_risk_case c join pregnancy p on p.id = c.pregnancy_id where c.id = ?""")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getObject(9, UUID.class),
                        rs.getObject(10, UUID.class), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                        rs.getObject(13, OffsetDateTime.class), rs.getString(14), (Integer) rs.getObject(15), (Integer) rs.getObject(16),
                        (String[]) rs.getArray(17).getArray(), (String[]) rs.getArray(18).getArray(), rs.getObject(19, UUID.class),
                        rs.getString(20), rs.getString(21), rs.getObject(22, OffsetDateTime.class), rs.getString(23), rs.getLong(24)))
                .optional().orElseThrow(() -> ApiException.notFound("case", id));
    }

    /** Who may see a case: her care institution, the district MCH institution it was reported to, the district's officials. */
    private boolean canSee(Row r, Actor a) {
        if (a.role() == StaffRole.SYSTEM_ADMIN) return true;
        if (a.role() == StaffRole.REGIONAL_OFFICIAL) return a.areaCode() != null && areas.withDescendants(a.areaCode()).contains(r.districtCode());
        return a.institutionId() != null && (a.institutionId().equals(r.careInstitutionId()) || a.institutionId().equals(r.reportedToInstitutionId()));
    }

    private boolean reviews(Row r, Actor a) {
        return a.role() == StaffRole.REGIONAL_OFFICIAL ? canSee(r, a) : a.institutionId() != null && a.institutionId().equals(r.reportedToInstitutionId());
    }

    @Transactional
    public CaseView get(UUID id) {
        Row r = row(id);
        Actor a = CurrentActor.get();
        if (!canSee(r, a)) {
            audit.recordIndependently(AuditRecord.read("HighRiskCase", id, r.womanId(), false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此专案 / not entitled to this case");
        }
        audit.recordRead(AuditRecord.read("HighRiskCase", id, r.womanId(), true, false, null));
        return view(r);
    }

    public record PlanForm(@Min(value = 1, message = "随访间隔1–14天 / visits every 1–14 days") @Max(value = 14, message = "随访间隔1–14天 / visits every 1–14 days") Integer visitEveryDays,
                           @Min(value = 1, message = "分娩机构级别1–3 / level 1–3") @Max(value = 3, message = "分娩机构级别1–3 / level 1–3") Integer deliveryLevel,
                           @Size(max = 20) List<@Size(max = 200) String> consultations,
                           @Size(max = 30) List<@Size(max = 200) String> tests,
                           @Size(max = 32) String agreedWithInstitutionCode,
                           @Size(max = 2000) String notes,
                           @NotNull(message = "版本号必填 / version is required") Long version) {}

    /** The individual plan; never less than §1 asks for her colour (a higher level or closer visits are fine). */
    @Transactional
    public CaseView updatePlan(UUID id, PlanForm f) {
        Row r = row(id);
        Actor a = CurrentActor.get();
        if (a.institutionId() == null || !(a.institutionId().equals(r.careInstitutionId()) || a.institutionId().equals(r.reportedToInstitutionId()))) {
            throw ApiException.forbidden("只有孕妇的管理机构或接报机构可制定专案计划 / only her care institution or the district MCH institution writes the plan");
        }
        if (!"OPEN".equals(r.status())) throw ApiException.conflict("case-closed", "专案已结案 / the case is closed", Map.of());
        RiskColour colour = RiskColour.valueOf(r.colour());
        String refused = CasePlanPolicy.refusal(colour, r.purple(), f.visitEveryDays(), f.deliveryLevel());
        if (refused != null) {
            var d = CasePlanPolicy.defaults(colour, r.purple());
            throw ApiException.badField(refused, refused.equals("deliveryLevel")
                    ? "该颜色须在" + d.deliveryLevel() + "级及以上机构分娩 / her colour needs delivery at level " + d.deliveryLevel() + " or above"
                    : "该颜色随访间隔不超过" + d.visitEveryDays() + "天 / her colour needs a visit at least every " + d.visitEveryDays() + " days");
        }
        UUID agreed = null;
        if (f.agreedWithInstitutionCode() != null && !f.agreedWithInstitutionCode().isBlank()) {
            agreed = institutions.find(f.agreedWithInstitutionCode().trim()).map(Institution::id)
                    .orElseThrow(() -> ApiException.badField("agreedWithInstitutionCode", "未知机构 / unknown institution"));
        }
        int n = jdbc.sql("""
                update high_risk_case set plan_visit_every_days = ?, plan_delivery_level = ?, plan_consultations = ?, plan_tests = ?,
                       plan_agreed_with = ?, plan_notes = ?, plan_rule = ?, plan_changed_at = now(), plan_changed_by = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(f.visitEveryDays(), f.deliveryLevel(), (f.consultations() == null ? List.<String>of() : f.consultations()).toArray(String[]::new),
                        (f.tests() == null ? List.<String>of() : f.tests()).toArray(String[]::new), agreed, f.notes(), CasePlanPolicy.RULE,
                        a.username(), id, f.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("case", id, f.version(), r.version());
        audit.record(AuditRecord.write("CASE_PLAN", "HighRiskCase", id, r.womanId(), Map.of()));
        return view(row(id));
    }

    public record FollowUpForm(@NotNull(message = "类型必填 / kind is required")
                               @Pattern(regexp = "FOLLOW_UP|TRANSFER|REVIEW", message = "类型为FOLLOW_UP/TRANSFER/REVIEW") String kind,
                               @NotNull(message = "日期必填 / date is required") LocalDate on,
                               @NotNull(message = "记录必填 / note is required") @Size(min = 2, max = 2000, message = "记录2–2000字 / note 2–2000 characters") String note,
                               @Size(max = 32) String toInstitutionCode) {}

    /** A follow-up, a transfer (to another institution) or the district's review. */
    @Transactional
    public CaseView addFollowUp(UUID id, FollowUpForm f) {
        Row r = row(id);
        Actor a = CurrentActor.get();
        if (!canSee(r, a) || a.institutionId() == null && a.role() != StaffRole.REGIONAL_OFFICIAL) {
            throw ApiException.forbidden("无权操作此专案 / not entitled to this case");
        }
        if (a.role() == StaffRole.REGIONAL_OFFICIAL && !"REVIEW".equals(f.kind())) {
            throw ApiException.forbidden("管理人员审核专案，不记录诊疗 / officials review a case, they do not record care");
        }
        if ("REVIEW".equals(f.kind()) && !reviews(r, a)) {
            throw ApiException.forbidden("审核由辖区妇幼保健机构进行 / the district MCH institution reviews the case");
        }
        if (!"REVIEW".equals(f.kind()) && !"OPEN".equals(r.status())) {
            throw ApiException.conflict("case-closed", "专案已结案 / the case is closed", Map.of());
        }
        if (f.on().isAfter(cn.fuyou.shared.ChinaTime.today(clock))) throw ApiException.badField("on", "日期不能晚于今天 / the date cannot be in the future");
        if (f.on().isBefore(cn.fuyou.shared.ChinaTime.dayOf(r.openedAt()).minusDays(1))) throw ApiException.badField("on", "日期早于专案建立 / before the case was opened");
        UUID to = null;
        if ("TRANSFER".equals(f.kind())) {
            if (f.toInstitutionCode() == null || f.toInstitutionCode().isBlank()) {
                throw ApiException.badField("toInstitutionCode", "转诊须填写接收机构 / a transfer needs the receiving institution");
            }
            to = institutions.find(f.toInstitutionCode().trim()).map(Institution::id)
                    .orElseThrow(() -> ApiException.badField("toInstitutionCode", "未知机构 / unknown institution"));
        }
        UUID at = a.institutionId() != null ? a.institutionId() : r.reportedToInstitutionId();
        UUID fid = UUID.randomUUID();
        jdbc.sql("""
                insert into case_follow_up (id, case_id, kind, on_date, note, to_institution_id, institution_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fid, id, f.kind(), f.on(), f.note().strip(), to, at, a.username()).update();
        audit.record(AuditRecord.write("CASE_" + f.kind(), "HighRiskCase", id, r.womanId(), Map.of("followUpId", fid.toString())));
        return view(row(id));
    }

    private CaseView view(Row r) {
        List<FollowUp> followUps = jdbc.sql("select * from case_follow_up where case_id = ? order by on_date, created_at").param(r.id())
                .query((rs, n) -> new FollowUp(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getObject("on_date", LocalDate.class),
                        rs.getString("note"), code(rs.getObject("to_institution_id", UUID.class)), code(rs.getObject("institution_id", UUID.class)),
                        rs.getString("created_by")))
                .list();
        Plan plan = new Plan(r.planVisitEveryDays(), r.planDeliveryLevel(), Arrays.asList(r.planConsultations()), Arrays.asList(r.planTests()),
                code(r.planAgreedWith()), r.planNotes(), r.planRule(), r.planChangedAt(), r.planChangedBy());
        return new CaseView(r.id(), r.pregnancyId(), r.womanId(), r.kind(), r.reason(), r.colour(), r.purple(), r.districtCode(),
                code(r.reportedToInstitutionId()), code(r.careInstitutionId()), r.status(), r.openedAt(), r.closedAt(), r.outcome(), plan,
                CasePlanPolicy.defaults(RiskColour.valueOf(r.colour()), r.purple()), followUps, r.version());
    }

    private String code(UUID institution) {
        return institution == null ? null : institutions.findById(institution).map(Institution::code).orElse(null);
    }
}
