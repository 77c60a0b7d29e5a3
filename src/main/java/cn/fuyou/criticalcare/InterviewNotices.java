package cn.fuyou.criticalcare;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interviews and notices (约谈通报), the fifth maternal-safety regulation: the city or a district calls an
 * institution to account for cases, demands a follow-up by a date; the institution responds; the issuer
 * closes it. OPEN → RESPONDED → CLOSED.
 */
@Service
public class InterviewNotices {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final CaseScope scope;
    private final AuditLog audit;

    InterviewNotices(JdbcClient jdbc, Institutions institutions, CaseScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.scope = scope;
        this.audit = audit;
    }

    public record NewNotice(@NotNull(message = "类型必填 / kind is required") @Pattern(regexp = "INTERVIEW|NOTICE", message = "类型为INTERVIEW或NOTICE") String kind,
                            @NotBlank(message = "对象机构必填 / targetInstitutionCode is required") String targetInstitutionCode,
                            @NotNull(message = "日期必填 / issuedOn is required") LocalDate issuedOn,
                            @NotBlank(message = "事由必填 / subject is required") @Size(max = 200) String subject,
                            @NotBlank(message = "问题必填 / findings are required") @Size(max = 4000) String findings,
                            @NotBlank(message = "整改要求必填 / followUpDemanded is required") @Size(max = 4000) String followUpDemanded,
                            @NotNull(message = "整改期限必填 / followUpDue is required") LocalDate followUpDue,
                            List<UUID> caseIds, List<UUID> deathReportIds) {}

    @Transactional
    public NoticeView issue(NewNotice n) {
        Actor actor = CurrentActor.get();
        if (actor.role() != StaffRole.REGIONAL_OFFICIAL && !actor.isSystemAdmin()) {
            throw ApiException.forbidden("约谈通报由市或区妇幼管理人员发出 / interviews and notices are issued by the city or a district");
        }
        Institution target = institutions.find(n.targetInstitutionCode())
                .orElseThrow(() -> ApiException.badField("targetInstitutionCode", "未知机构 / unknown institution"));
        if (!actor.isSystemAdmin() && !scope.officialAreas(actor).contains(target.areaCode())) {
            throw ApiException.badField("targetInstitutionCode", "机构不在您的辖区 / the institution is outside your area");
        }
        if (n.issuedOn().isAfter(CaseScope.today())) throw ApiException.badField("issuedOn", "日期不能晚于今天 / cannot be in the future");
        if (n.followUpDue().isBefore(n.issuedOn())) throw ApiException.badField("followUpDue", "整改期限早于发出日期 / due before issue");
        List<UUID> cases = n.caseIds() == null ? List.of() : n.caseIds();
        List<UUID> deaths = n.deathReportIds() == null ? List.of() : n.deathReportIds();
        for (int i = 0; i < cases.size(); i++) {
            long ok = jdbc.sql("select count(*) from critical_case where id = ? and (reporting_institution_id = ? or centre_institution_id = ?)")
                    .params(cases.get(i), target.id(), target.id()).query(Long.class).single();
            if (ok == 0) throw ApiException.badField("caseIds[" + i + "]", "病例不属于该机构 / the case is not this institution's");
        }
        for (int i = 0; i < deaths.size(); i++) {
            long ok = jdbc.sql("select count(*) from maternal_death_report d left join critical_case c on c.id = d.case_id"
                            + " where d.id = ? and (d.reporting_institution_id = ? or c.centre_institution_id = ? or c.reporting_institution_id = ?)")
                    .params(deaths.get(i), target.id(), target.id(), target.id()).query(Long.class).single();
            if (ok == 0) throw ApiException.badField("deathReportIds[" + i + "]", "死亡报告不涉及该机构 / the death report does not concern this institution");
        }
        UUID id = UUID.randomUUID();
        Institution issuer = institutions.findById(actor.institutionId()).orElseThrow();
        jdbc.sql("""
                insert into interview_notice (id, kind, issuer_institution_id, issuer_area_code, target_institution_id, issued_on, subject,
                    findings, follow_up_demanded, follow_up_due, case_ids, death_report_ids, status, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, n.kind(), issuer.id(), actor.areaCode() == null ? issuer.areaCode() : actor.areaCode(), target.id(), n.issuedOn(),
                        n.subject().strip(), n.findings().strip(), n.followUpDemanded().strip(), n.followUpDue(),
                        cases.toArray(UUID[]::new), deaths.toArray(UUID[]::new), actor.username(), actor.username())
                .update();
        audit.record(AuditRecord.write("CREATE", "InterviewNotice", id, null, Map.of("kind", n.kind(), "target", target.code())));
        return view(id);
    }

    public record Reply(@NotBlank(message = "内容必填 / text is required") @Size(max = 4000) String text,
                        @NotNull(message = "版本号必填 / version is required") Long version) {}

    /** The institution's account of what it has done. */
    @Transactional
    public NoticeView respond(UUID id, Reply r) {
        Actor actor = CurrentActor.get();
        Row row = lock(id, r.version());
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL || !row.targetInstitutionId().equals(actor.institutionId())) {
            throw ApiException.forbidden("只有被约谈通报的机构可回复 / only the institution concerned may respond");
        }
        if (!"OPEN".equals(row.status()) && !"RESPONDED".equals(row.status())) throw illegal(row.status(), "RESPONDED");
        jdbc.sql("""
                update interview_notice set response = ?, responded_at = now(), responded_by = ?, status = 'RESPONDED', version = version + 1,
                       changed_at = now(), changed_by = ? where id = ?""")
                .params(r.text().strip(), actor.username(), actor.username(), id).update();
        audit.record(AuditRecord.write("RESPOND", "InterviewNotice", id, null, Map.of()));
        return view(id);
    }

    /** The issuer accepts the follow-up. */
    @Transactional
    public NoticeView close(UUID id, Reply r) {
        Actor actor = CurrentActor.get();
        Row row = lock(id, r.version());
        if (!actor.isSystemAdmin() && !(actor.role() == StaffRole.REGIONAL_OFFICIAL && scope.officialAreas(actor).contains(row.issuerAreaCode()))) {
            throw ApiException.forbidden("只有发出机构可关闭 / only the issuer may close");
        }
        if (!"RESPONDED".equals(row.status())) throw illegal(row.status(), "CLOSED");
        jdbc.sql("""
                update interview_notice set status = 'CLOSED', closed_at = now(), closing_note = ?, version = version + 1, changed_at = now(),
                       changed_by = ? where id = ?""").params(r.text().strip(), actor.username(), id).update();
        audit.record(AuditRecord.write("CLOSE", "InterviewNotice", id, null, Map.of()));
        return view(id);
    }

    private static ApiException illegal(String from, String to) {
        return ApiException.conflict("illegal-transition", "不允许从 " + from + " 到 " + to + " / illegal transition " + from + " → " + to,
                Map.of("from", from, "to", to));
    }

    record Row(UUID targetInstitutionId, String issuerAreaCode, String status, long version) {}

    private Row lock(UUID id, long version) {
        Row row = jdbc.sql("select target_institution_id, issuer_area_code, status, version from interview_notice where id = ? for update")
                .param(id).query(Row.class).optional().orElseThrow(() -> ApiException.notFound("notice", id));
        if (row.version() != version) throw ApiException.staleVersion("notice", id, version, row.version());
        return row;
    }

    public record NoticeView(UUID id, String kind, String issuerInstitutionName, String issuerAreaCode, String targetInstitutionCode,
                             String targetInstitutionName, LocalDate issuedOn, String subject, String findings, String followUpDemanded,
                             LocalDate followUpDue, boolean overdue, List<UUID> caseIds, List<UUID> deathReportIds, String status,
                             String response, OffsetDateTime respondedAt, String respondedBy, OffsetDateTime closedAt, String closingNote,
                             long version) {}

    private static List<UUID> uuids(Array a) throws SQLException {
        if (a == null) return List.of();
        List<UUID> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) out.add((UUID) o);
        return out;
    }

    private NoticeView view(UUID id) {
        LocalDate today = CaseScope.today();
        return jdbc.sql("select * from interview_notice where id = ?").param(id).query((rs, n) -> {
            Institution issuer = institutions.findById(rs.getObject("issuer_institution_id", UUID.class)).orElseThrow();
            Institution target = institutions.findById(rs.getObject("target_institution_id", UUID.class)).orElseThrow();
            LocalDate due = rs.getObject("follow_up_due", LocalDate.class);
            String status = rs.getString("status");
            return new NoticeView(rs.getObject("id", UUID.class), rs.getString("kind"), issuer.nameZh(), rs.getString("issuer_area_code"),
                    target.code(), target.nameZh(), rs.getObject("issued_on", LocalDate.class), rs.getString("subject"),
                    rs.getString("findings"), rs.getString("follow_up_demanded"), due, "OPEN".equals(status) && today.isAfter(due),
                    uuids(rs.getArray("case_ids")), uuids(rs.getArray("death_report_ids")), status, rs.getString("response"),
                    rs.getObject("responded_at", OffsetDateTime.class), rs.getString("responded_by"),
                    rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closing_note"), rs.getLong("version"));
        }).optional().orElseThrow(() -> ApiException.notFound("notice", id));
    }

    public NoticeView get(UUID id) {
        NoticeView v = view(id);
        Actor actor = CurrentActor.get();
        UUID target = institutions.find(v.targetInstitutionCode()).map(Institution::id).orElse(null);
        if (!scope.sees(actor, v.issuerAreaCode(), target) && !scope.officialAreas(actor).contains(
                institutions.find(v.targetInstitutionCode()).map(Institution::areaCode).orElse(""))) {
            throw ApiException.forbidden("无权查看 / not entitled");
        }
        return v;
    }

    /** Officials: the notices issued in their area; institutions: those addressed to them. */
    public PageResult<NoticeView> list(String status, PageRequest page) {
        Actor actor = CurrentActor.get();
        StringBuilder where = new StringBuilder(actor.isSystemAdmin() ? " where true" : " where (target_institution_id = ? or issuer_area_code = any(?))");
        List<Object> params = new ArrayList<>();
        if (!actor.isSystemAdmin()) {
            params.add(actor.institutionId());
            params.add(scope.officialAreas(actor).toArray(String[]::new));
        }
        if (status != null && !status.isBlank()) { where.append(" and status = ?"); params.add(status.toUpperCase()); }
        long total = jdbc.sql("select count(*) from interview_notice" + where).params(params).query(Long.class).single();
        List<Object> pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var ids = jdbc.sql("select id from interview_notice" + where + " order by issued_on desc, created_at desc limit ? offset ?").params(pp)
                .query(UUID.class).list();
        return new PageResult<>(ids.stream().map(this::view).toList(), total, page.page(), page.size());
    }
}
