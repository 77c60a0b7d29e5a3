package cn.fuyou.criticalcare;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
 * Reviews (评审) of maternal deaths and near-misses on one form: the committee and its date, the evidence
 * from her record, the classification (avoidable / avoidable under other conditions / unavoidable;
 * clinical-rules.md §6), contributing factors at three levels with the delay each caused, and
 * recommended actions with owner and due date, followed until closed.
 * SCHEDULED → CONCLUDED (classification, factors, actions) → CLOSED (when its last action closes, or at
 * once when it recommends none).
 */
@Service
public class CaseReviews {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Persons persons;
    private final EvidenceAssembly evidence;
    private final CriticalCareFacts facts;
    private final CaseScope scope;
    private final AuditLog audit;
    private final ObjectMapper json;

    CaseReviews(JdbcClient jdbc, Institutions institutions, Persons persons, EvidenceAssembly evidence, CriticalCareFacts facts,
                CaseScope scope, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.persons = persons;
        this.evidence = evidence;
        this.facts = facts;
        this.scope = scope;
        this.audit = audit;
        this.json = json;
    }

    public record Member(@NotBlank(message = "委员姓名必填 / member name is required") @Size(max = 50) String name,
                         @Size(max = 50) String role, @Size(max = 100) String institution) {}

    public record NewReview(UUID deathReportId, UUID caseId,
                            @NotNull(message = "评审级别必填 / level is required") @Pattern(regexp = "CITY|DISTRICT|FACILITY", message = "级别为CITY/DISTRICT/FACILITY") String level,
                            @NotNull(message = "评审日期必填 / meetingDate is required") LocalDate meetingDate,
                            @NotEmpty(message = "须有评审委员 / the committee needs members") @Size(max = 30) List<@Valid Member> members) {}

    private record Subject(String kind, UUID deathReportId, UUID caseId, UUID personId, String area, UUID reporting, UUID centre) {}

    @Transactional
    public ReviewView create(NewReview r) {
        Actor actor = CurrentActor.get();
        if ((r.deathReportId() == null) == (r.caseId() == null)) {
            throw ApiException.badField("deathReportId", "请选择死亡报告或危重病例之一 / give deathReportId or caseId");
        }
        Subject s;
        if (r.deathReportId() != null) {
            s = jdbc.sql("""
                    select 'MATERNAL_DEATH' as kind, d.id as death_report_id, d.case_id, d.person_id, d.area_code as area, d.reporting_institution_id as reporting,
                           c.centre_institution_id as centre
                      from maternal_death_report d left join critical_case c on c.id = d.case_id where d.id = ?""")
                    .param(r.deathReportId()).query(Subject.class).optional()
                    .orElseThrow(() -> ApiException.badField("deathReportId", "死亡报告不存在 / no such death report"));
        } else {
            s = jdbc.sql("""
                    select 'NEAR_MISS' as kind, null::uuid as death_report_id, id as case_id, person_id, area_code as area,
                           reporting_institution_id as reporting, centre_institution_id as centre
                      from critical_case where id = ?""").param(r.caseId()).query(Subject.class).optional()
                    .orElseThrow(() -> ApiException.badField("caseId", "病例不存在 / no such case"));
            String cls = jdbc.sql("select classification from critical_case where id = ?").param(r.caseId()).query(String.class).single();
            if (!"NEAR_MISS".equals(cls)) throw ApiException.badField("caseId", "只有结局为濒死（near-miss）的病例按此评审 / only near-miss cases are reviewed here");
        }
        requireReviewer(actor, r.level(), s);
        if (r.meetingDate().isAfter(CaseScope.today().plusDays(365))) throw ApiException.badField("meetingDate", "评审日期不合理 / implausible date");
        Institution organiser = institutions.findById(actor.institutionId()).orElseThrow();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into case_review (id, subject, death_report_id, case_id, person_id, area_code, level, organiser_institution_id,
                    meeting_date, members, evidence, status, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), 'SCHEDULED', ?, ?)""")
                .params(id, s.kind(), s.deathReportId(), s.caseId(), s.personId(), s.area(), r.level(), organiser.id(), r.meetingDate(),
                        write(r.members()), write(evidence.assemble(s.personId())), actor.username(), actor.username())
                .update();
        audit.record(AuditRecord.write("CREATE", "CaseReview", id, s.personId(), Map.of("subject", s.kind(), "level", r.level())));
        return view(id);
    }

    private void requireReviewer(Actor a, String level, Subject s) {
        if (a.isSystemAdmin()) return;
        if (a.role() == StaffRole.REGIONAL_OFFICIAL && scope.isOfficialFor(a, s.area()) && !"FACILITY".equals(level)) return;
        if ("FACILITY".equals(level) && a.role() != StaffRole.REGIONAL_OFFICIAL
                && (a.institutionId().equals(s.reporting()) || a.institutionId().equals(s.centre()))) return;
        throw ApiException.forbidden("市/区评审由辖区妇幼管理人员组织，机构评审由报告机构或救治中心组织 / "
                + "city and district reviews are organised by the area's officials, facility reviews by the reporting institution or the centre");
    }

    /** Re-assembles the evidence while the committee has not concluded (new contacts or referrals may have arrived). */
    @Transactional
    public ReviewView refreshEvidence(UUID id, long version) {
        Actor actor = CurrentActor.get();
        Row row = lock(id, actor, version);
        if (!"SCHEDULED".equals(row.status())) throw illegal(row.status(), "SCHEDULED");
        jdbc.sql("update case_review set evidence = cast(? as jsonb), version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(write(evidence.assemble(row.personId())), actor.username(), id).update();
        audit.record(AuditRecord.write("EVIDENCE", "CaseReview", id, row.personId(), Map.of()));
        return view(id);
    }

    public record Factor(@NotNull(message = "层面必填 / level is required") @Pattern(regexp = "WOMAN_FAMILY|FACILITY|HEALTH_SYSTEM", message = "层面为WOMAN_FAMILY/FACILITY/HEALTH_SYSTEM") String level,
                         @NotNull(message = "延误必填 / delay is required") @Pattern(regexp = "DECIDING|REACHING|RECEIVING|NONE", message = "延误为DECIDING/REACHING/RECEIVING/NONE") String delay,
                         @NotBlank(message = "描述必填 / description is required") @Size(max = 1000) String description) {}

    public record NewAction(@NotBlank(message = "措施必填 / description is required") @Size(max = 1000) String description,
                            @NotBlank(message = "责任机构必填 / ownerInstitutionCode is required") String ownerInstitutionCode,
                            @Size(max = 50) String ownerName,
                            @NotNull(message = "完成期限必填 / dueOn is required") LocalDate dueOn) {}

    public record Conclusion(@NotNull(message = "评审结论必填 / classification is required")
                             @Pattern(regexp = "AVOIDABLE|AVOIDABLE_UNDER_CONDITIONS|UNAVOIDABLE", message = "结论为AVOIDABLE/AVOIDABLE_UNDER_CONDITIONS/UNAVOIDABLE") String classification,
                             @Size(max = 4000) String summary,
                             @NotEmpty(message = "须至少填写一条影响因素 / at least one contributing factor") @Size(max = 50) List<@Valid Factor> factors,
                             @Size(max = 30) List<@Valid NewAction> actions,
                             @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public ReviewView conclude(UUID id, Conclusion c) {
        Actor actor = CurrentActor.get();
        Row row = lock(id, actor, c.version());
        if (!"SCHEDULED".equals(row.status())) throw illegal(row.status(), "CONCLUDED");
        if (row.meetingDate().isAfter(CaseScope.today())) {
            throw ApiException.badField("meetingDate", "评审会尚未召开 / the committee has not met yet (" + row.meetingDate() + ")");
        }
        List<NewAction> actions = c.actions() == null ? List.of() : c.actions();
        List<Institution> owners = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            final int n = i;
            owners.add(institutions.find(actions.get(i).ownerInstitutionCode())
                    .orElseThrow(() -> ApiException.badField("actions[" + n + "].ownerInstitutionCode", "未知机构 / unknown institution")));
            if (actions.get(i).dueOn().isBefore(row.meetingDate())) {
                throw ApiException.badField("actions[" + n + "].dueOn", "期限早于评审日期 / due before the review");
            }
        }
        for (Factor f : c.factors()) {
            jdbc.sql("insert into review_factor (id, review_id, level, delay, description) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), id, f.level(), f.delay(), f.description().strip()).update();
        }
        for (int i = 0; i < actions.size(); i++) {
            NewAction a = actions.get(i);
            UUID actionId = UUID.randomUUID();
            jdbc.sql("""
                    insert into review_action (id, review_id, description, owner_institution_id, owner_name, due_on, status, created_by, changed_by)
                    values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                    .params(actionId, id, a.description().strip(), owners.get(i).id(), a.ownerName(), a.dueOn(), actor.username(),
                            actor.username()).update();
            facts.ofAction(actionId);
        }
        String status = actions.isEmpty() ? "CLOSED" : "CONCLUDED";
        jdbc.sql("""
                update case_review set classification = ?, summary = ?, status = ?, concluded_at = now(),
                       closed_at = case when cast(? as text) = 'CLOSED' then now() end, version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                .params(c.classification(), c.summary(), status, status, actor.username(), id).update();
        if (row.deathReportId() != null) facts.ofDeathReport(row.deathReportId());
        audit.record(AuditRecord.write("CONCLUDE", "CaseReview", id, row.personId(), Map.of("classification", c.classification())));
        return view(id);
    }

    public record ActionUpdate(@Size(max = 2000) String note, @NotNull(message = "版本号必填 / version is required") Long version) {}

    /** Progress on an action, by its owner institution or the review's organisers. */
    @Transactional
    public ActionView progress(UUID actionId, ActionUpdate u) {
        ActionRow a = lockAction(actionId, u.version());
        if (!"OPEN".equals(a.status())) throw ApiException.conflict("action-closed", "措施已关闭 / the action is closed", Map.of());
        if (u.note() == null || u.note().isBlank()) throw ApiException.badField("note", "请填写进展 / describe the progress");
        jdbc.sql("update review_action set progress = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(u.note().strip(), CurrentActor.get().username(), actionId).update();
        audit.record(AuditRecord.write("PROGRESS", "ReviewAction", actionId, a.personId(), Map.of()));
        return action(actionId);
    }

    /** Closes an action with what was done; the review closes with its last action. */
    @Transactional
    public ActionView close(UUID actionId, ActionUpdate u) {
        Actor actor = CurrentActor.get();
        ActionRow a = lockAction(actionId, u.version());
        if (!"OPEN".equals(a.status())) throw ApiException.conflict("action-closed", "措施已关闭 / the action is closed", Map.of());
        if (u.note() == null || u.note().isBlank()) throw ApiException.badField("note", "关闭须说明落实情况 / say what was done");
        jdbc.sql("""
                update review_action set status = 'CLOSED', closed_at = now(), closed_by = ?, closing_note = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ?""")
                .params(actor.username(), u.note().strip(), actor.username(), actionId).update();
        facts.ofAction(actionId);
        long open = jdbc.sql("select count(*) from review_action where review_id = ? and status = 'OPEN'").param(a.reviewId()).query(Long.class).single();
        if (open == 0) {
            jdbc.sql("update case_review set status = 'CLOSED', closed_at = now(), version = version + 1, changed_at = now(), changed_by = ?"
                    + " where id = ? and status = 'CONCLUDED'").params(actor.username(), a.reviewId()).update();
        }
        audit.record(AuditRecord.write("CLOSE", "ReviewAction", actionId, a.personId(), Map.of()));
        return action(actionId);
    }

    private static ApiException illegal(String from, String to) {
        return ApiException.conflict("illegal-transition", "不允许从 " + from + " 到 " + to + " / illegal transition " + from + " → " + to,
                Map.of("from", from, "to", to));
    }

    // ---- reading ------------------------------------------------------------------------------

    record Row(UUID personId, String areaCode, String level, UUID organiserInstitutionId, UUID deathReportId, UUID caseId,
               LocalDate meetingDate, String status, long version) {}

    private Row lock(UUID id, Actor actor, long version) {
        Row row = jdbc.sql("""
                select person_id, area_code, level, organiser_institution_id, death_report_id, case_id, meeting_date, status, version
                  from case_review where id = ? for update""").param(id).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("review", id));
        if (!mayEdit(actor, row)) throw ApiException.forbidden("只有组织评审的机构可修改 / only the organisers may edit the review");
        if (row.version() != version) throw ApiException.staleVersion("review", id, version, row.version());
        return row;
    }

    private boolean mayEdit(Actor a, Row row) {
        if (a.isSystemAdmin()) return true;
        if ("FACILITY".equals(row.level())) return a.role() != StaffRole.REGIONAL_OFFICIAL && a.institutionId().equals(row.organiserInstitutionId());
        return a.role() == StaffRole.REGIONAL_OFFICIAL && scope.isOfficialFor(a, row.areaCode());
    }

    record ActionRow(UUID reviewId, UUID ownerInstitutionId, String status, long version, UUID personId) {}

    private ActionRow lockAction(UUID id, long version) {
        Actor actor = CurrentActor.get();
        ActionRow a = jdbc.sql("""
                select a.review_id, a.owner_institution_id, a.status, a.version, v.person_id
                  from review_action a join case_review v on v.id = a.review_id where a.id = ? for update of a""")
                .param(id).query(ActionRow.class).optional().orElseThrow(() -> ApiException.notFound("review action", id));
        Row review = jdbc.sql("""
                select person_id, area_code, level, organiser_institution_id, death_report_id, case_id, meeting_date, status, version
                  from case_review where id = ?""").param(a.reviewId()).query(Row.class).single();
        boolean owner = actor.role() != StaffRole.REGIONAL_OFFICIAL && a.ownerInstitutionId().equals(actor.institutionId());
        if (!owner && !mayEdit(actor, review)) throw ApiException.forbidden("只有责任机构或评审组织者可更新措施 / only the owner or the organisers");
        if (a.version() != version) throw ApiException.staleVersion("review action", id, version, a.version());
        return a;
    }

    public record FactorView(String level, String delay, String description) {}

    public record ActionView(UUID id, UUID reviewId, String description, String ownerInstitutionCode, String ownerInstitutionName,
                             String ownerName, LocalDate dueOn, String status, boolean overdue, String progress, OffsetDateTime closedAt,
                             String closedBy, String closingNote, String personName, long version) {}

    public record ReviewView(UUID id, String subject, UUID deathReportId, UUID caseId, UUID personId, String personName, String areaCode,
                             String level, String organiserInstitutionName, LocalDate meetingDate, JsonNode members, JsonNode evidence,
                             String status, String classification, String summary, List<FactorView> factors, List<ActionView> actions,
                             OffsetDateTime concludedAt, OffsetDateTime closedAt, boolean mayEdit, long version) {}

    @Transactional
    public ReviewView get(UUID id) {
        ReviewView v = view(id);
        Actor actor = CurrentActor.get();
        Row row = jdbc.sql("""
                select person_id, area_code, level, organiser_institution_id, death_report_id, case_id, meeting_date, status, version
                  from case_review where id = ?""").param(id).query(Row.class).single();
        boolean owner = v.actions().stream().anyMatch(a -> institutions.find(a.ownerInstitutionCode()).map(Institution::id)
                .filter(i -> i.equals(actor.institutionId())).isPresent());
        if (!scope.sees(actor, row.areaCode(), row.organiserInstitutionId()) && !owner) {
            audit.recordIndependently(AuditRecord.read("CaseReview", id, v.personId(), false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此评审 / not entitled to this review");
        }
        audit.recordRead(AuditRecord.read("CaseReview", id, v.personId(), true, false, null));
        return v;
    }

    ReviewView view(UUID id) {
        Actor actor = CurrentActor.orSystem();
        var factors = jdbc.sql("select level, delay, description from review_factor where review_id = ? order by level, id").param(id)
                .query(FactorView.class).list();
        var actions = jdbc.sql("select id from review_action where review_id = ? order by due_on, created_at").param(id).query(UUID.class).list()
                .stream().map(this::action).toList();
        return jdbc.sql("select * from case_review where id = ?").param(id).query((rs, n) -> {
            UUID personId = rs.getObject("person_id", UUID.class);
            Row row = new Row(personId, rs.getString("area_code"), rs.getString("level"), rs.getObject("organiser_institution_id", UUID.class),
                    null, null, null, null, 0);
            return new ReviewView(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getObject("death_report_id", UUID.class),
                    rs.getObject("case_id", UUID.class), personId, persons.namesOf(List.of(personId)).get(personId), rs.getString("area_code"),
                    rs.getString("level"), institutions.findById(row.organiserInstitutionId()).map(Institution::nameZh).orElse(null),
                    rs.getObject("meeting_date", LocalDate.class), read(rs.getString("members")), read(rs.getString("evidence")),
                    rs.getString("status"), rs.getString("classification"), rs.getString("summary"), factors, actions,
                    rs.getObject("concluded_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                    actor.institutionId() != null && mayEdit(actor, row), rs.getLong("version"));
        }).optional().orElseThrow(() -> ApiException.notFound("review", id));
    }

    private ActionView action(UUID id) {
        LocalDate today = CaseScope.today();
        return jdbc.sql("select a.*, v.person_id from review_action a join case_review v on v.id = a.review_id where a.id = ?").param(id)
                .query((rs, n) -> {
                    Institution owner = institutions.findById(rs.getObject("owner_institution_id", UUID.class)).orElseThrow();
                    UUID personId = rs.getObject("person_id", UUID.class);
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    String status = rs.getString("status");
                    return new ActionView(rs.getObject("id", UUID.class), rs.getObject("review_id", UUID.class), rs.getString("description"),
                            owner.code(), owner.nameZh(), rs.getString("owner_name"), due, status, "OPEN".equals(status) && today.isAfter(due),
                            rs.getString("progress"), rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closed_by"),
                            rs.getString("closing_note"), persons.namesOf(List.of(personId)).get(personId), rs.getLong("version"));
                }).single();
    }

    public record ReviewItem(UUID id, String subject, UUID personId, String personName, String areaCode, String level, LocalDate meetingDate,
                             String status, String classification, long openActions, long actions) {}

    public PageResult<ReviewItem> list(String status, PageRequest page) {
        Actor actor = CurrentActor.get();
        CaseScope.Where w = scope.where(actor, "organiser_institution_id");
        StringBuilder where = new StringBuilder(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        if (status != null && !status.isBlank()) { where.append(" and status = ?"); params.add(status.toUpperCase()); }
        long total = jdbc.sql("select count(*) from case_review" + where).params(params).query(Long.class).single();
        List<Object> pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var rows = jdbc.sql("""
                select v.id, v.subject, v.person_id, v.area_code, v.level, v.meeting_date, v.status, v.classification,
                       (select count(*) from review_action a where a.review_id = v.id and a.status = 'OPEN') as open_actions,
                       (select count(*) from review_action a where a.review_id = v.id) as actions
                  from case_review v""" + where + " order by meeting_date desc, created_at desc limit ? offset ?").params(pp)
                .query((rs, n) -> new ReviewItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), null,
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getLong(10))).list();
        var names = persons.namesOf(rows.stream().map(ReviewItem::personId).toList());
        return new PageResult<>(rows.stream().map(i -> new ReviewItem(i.id(), i.subject(), i.personId(), names.get(i.personId()), i.areaCode(),
                i.level(), i.meetingDate(), i.status(), i.classification(), i.openActions(), i.actions())).toList(), total, page.page(), page.size());
    }

    /** Actions owned by the caller's institution, or (officials) all actions of reviews in their area. */
    public PageResult<ActionView> actions(String status, Boolean overdue, PageRequest page) {
        Actor actor = CurrentActor.get();
        StringBuilder where = new StringBuilder(actor.isSystemAdmin() ? " where true"
                : " where (a.owner_institution_id = ? or v.organiser_institution_id = ? or v.area_code = any(?))");
        List<Object> params = new ArrayList<>();
        if (!actor.isSystemAdmin()) {
            params.add(actor.institutionId());
            params.add(actor.institutionId());
            params.add(scope.officialAreas(actor).toArray(String[]::new));
        }
        if (status != null && !status.isBlank()) { where.append(" and a.status = ?"); params.add(status.toUpperCase()); }
        if (Boolean.TRUE.equals(overdue)) { where.append(" and a.status = 'OPEN' and a.due_on < ?"); params.add(CaseScope.today()); }
        String from = " from review_action a join case_review v on v.id = a.review_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var ids = jdbc.sql("select a.id" + from + where + " order by a.status desc, a.due_on limit ? offset ?").params(pp).query(UUID.class).list();
        return new PageResult<>(ids.stream().map(this::action).toList(), total, page.page(), page.size());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
