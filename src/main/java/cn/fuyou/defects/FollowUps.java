package cn.fuyou.defects;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.defects.internal.ListScope;
import cn.fuyou.network.ReferralRequests;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up of a HIGH or INTERMEDIATE screen (issue 17 §3): counselling → NIPT or invasive diagnosis
 * (amniocentesis, CVS; karyotype, CMA) → result → decision → outcome. Every step is dated and the next
 * one is due a number of days later (rule data, a fuyou rule); what is past due is on the overdue
 * worklist. Counselling may refer her to the prenatal diagnosis centre through the network module.
 */
@Service
public class FollowUps {

    public static final List<String> STEPS = List.of("COUNSEL", "DIAGNOSIS", "RESULT", "DECISION", "OUTCOME", "CLOSED");
    static final Set<String> PLANS = Set.of("NIPT", "AMNIOCENTESIS", "CVS", "CORDOCENTESIS", "ULTRASOUND_REVIEW", "DECLINED");
    static final Set<String> TESTS = Set.of("NIPT", "KARYOTYPE", "CMA", "KARYOTYPE_CMA", "ULTRASOUND");
    static final Set<String> RESULTS = Set.of("NORMAL", "ABNORMAL", "FAILED");
    static final Set<String> DECISIONS = Set.of("CONTINUE", "TERMINATE");
    static final Set<String> OUTCOMES = Set.of("LIVE_BIRTH", "STILLBIRTH", "TERMINATION", "MISCARRIAGE", "LOST");

    private final JdbcClient jdbc;
    private final ScreeningPolicy policy;
    private final PersonAccess access;
    private final Institutions institutions;
    private final ReferralRequests referrals;
    private final ListScope scope;
    private final AuditLog audit;
    private final org.springframework.context.MessageSource messages;

    FollowUps(JdbcClient jdbc, ScreeningPolicy policy, PersonAccess access, Institutions institutions, ReferralRequests referrals,
              ListScope scope, AuditLog audit, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.policy = policy;
        this.access = access;
        this.institutions = institutions;
        this.referrals = referrals;
        this.scope = scope;
        this.audit = audit;
    }

    public record FollowUpView(UUID id, UUID screenId, String screenKind, Long t21OneIn, Long t18OneIn, String screenBand,
                               UUID womanId, String womanName, UUID pregnancyId, LocalDate edd, String institutionCode,
                               String institutionNameZh, String institutionNameEn, String band, LocalDate openedOn, String step,
                               LocalDate dueOn, boolean overdue, LocalDate counselledOn, String counsellingNote, String plan,
                               LocalDate procedureOn, String test, UUID referralId, LocalDate resultOn, String result, String diagnosis,
                               String diagnosisIcd10, LocalDate decisionOn, String decision, LocalDate outcomeOn, String outcome,
                               String outcomeNote, UUID registrationId, long version) {}

    /**
     * One step. {@code step} is the step being recorded (the follow-up's current step); the other fields
     * are those the step needs: COUNSEL plan (+ note, referToCentre/centreCode); DIAGNOSIS test; RESULT
     * result (+ diagnosis, diagnosisIcd10 when abnormal); DECISION decision; OUTCOME outcome (+ note).
     */
    public record StepForm(@NotBlank String step, @NotNull LocalDate on, @NotNull Long version, @Size(max = 2000) String note,
                           String plan, String test, String result, @Size(max = 500) String diagnosis, @Size(max = 10) String diagnosisIcd10,
                           String decision, String outcome, Boolean referToCentre, @Size(max = 40) String centreCode) {}

    /** Opens follow-up for a screen in its transaction (one per screen); the first step, counselling, is due in 7 days. */
    void open(UUID screenId, UUID womanId, UUID pregnancyId, UUID institutionId, String area, RiskBand band, LocalDate on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into defect_follow_up (id, screen_id, woman_id, pregnancy_id, institution_id, area_code, band, opened_on, step, due_on, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'COUNSEL', ?, ?)""")
                .params(id, screenId, womanId, pregnancyId, institutionId, area, band.name(), on, on.plusDays(policy.rules().followUpDays("COUNSEL")),
                        cn.fuyou.shared.CurrentActor.get().username()).update();
        audit.record(AuditRecord.write("OPEN", "DefectFollowUp", id, womanId, Map.of("band", band.name())));
    }

    void closeForVoidedScreen(UUID screenId) {
        jdbc.sql("update defect_follow_up set step = 'CLOSED', due_on = null, outcome_note = 'screen voided', version = version + 1, changed_at = now() where screen_id = ? and step = 'COUNSEL' and counselled_on is null")
                .param(screenId).update();
    }

    /** Access to her record (403 otherwise), audited as a read of the entity. */
    void requireAccess(UUID womanId, String entity, UUID id) {
        requireEntitled(womanId, entity, id, "defects.error.not-entitled");
        audit.recordRead(AuditRecord.read(entity, id, womanId, true, false, null));
    }

    /** Access to a person's record or 403 {@code message} (the refusal audited); the caller audits what it then does. */
    void requireEntitled(UUID personId, String entity, UUID id, String message) {
        if (!access.canAccess(personId)) {
            audit.recordIndependently(AuditRecord.read(entity, id, personId, false, false, null));
            throw ApiException.forbidden(message);
        }
    }

    boolean entitled(UUID personId) {
        return access.canAccess(personId);
    }

    @Transactional
    public FollowUpView open(UUID id) {
        FollowUpView v = view(id);
        requireAccess(v.womanId(), "DefectFollowUp", id);
        return v;
    }

    /** The worklist: OPEN (not closed), OVERDUE (next step past due), CLOSED or ALL; search by her name. */
    @Transactional
    public PageResult<FollowUpView> list(String status, String q, PageRequest page) {
        String st = status == null || status.isBlank() ? "OPEN" : status;
        if (!Set.of("OPEN", "OVERDUE", "CLOSED", "ALL").contains(st)) throw ApiException.badField("status", "defects.error.bad-value", st);
        ListScope.Clause clause = scope.of("f", false);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        String where = " from defect_follow_up f join person p on p.id = f.woman_id where " + clause.sql()
                + switch (st) {
                    case "OPEN" -> " and f.step <> 'CLOSED'";
                    case "OVERDUE" -> " and f.step <> 'CLOSED' and f.due_on < ?";
                    case "CLOSED" -> " and f.step = 'CLOSED'";
                    default -> "";
                } + " and (?::text is null or p.full_name ilike '%' || ? || '%')";
        List<Object> params = new ArrayList<>(clause.params());
        if (st.equals("OVERDUE")) params.add(today);
        String qq = q == null || q.isBlank() ? null : q.strip();
        params.addAll(Arrays.asList(qq, qq));
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<FollowUpView> items = jdbc.sql("select f.id" + where + " order by f.step = 'CLOSED', f.due_on nulls last, f.opened_on desc limit ? offset ?")
                .params(pageParams).query(UUID.class).list().stream().map(this::view).toList();
        audit.recordRead(AuditRecord.list("LIST", "DefectFollowUp", items.stream().map(FollowUpView::womanId).toList(), Map.of("status", st)));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Records the current step; a step out of order, a date before the last step or in the future is a 400 naming the field. */
    @Transactional
    public FollowUpView record(UUID id, StepForm f) {
        Actor actor = scope.writer();
        FollowUpView v = view(id);
        if (!actor.institutionId().equals(jdbc.sql("select institution_id from defect_follow_up where id = ? for update").param(id).query(UUID.class).single())) {
            throw ApiException.forbidden("defects.error.not-your-record");
        }
        if (!access.canAccess(v.womanId())) throw ApiException.forbidden("defects.error.not-entitled");
        if (v.version() != f.version()) throw ApiException.staleVersion("follow-up", id, f.version(), v.version());
        if ("CLOSED".equals(v.step())) throw ApiException.conflict("follow-up-closed", "defects.follow-up.closed", Map.of());
        if (!v.step().equals(f.step())) throw ApiException.badField("step", "defects.follow-up.wrong-step", v.step());
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (f.on().isAfter(today)) throw ApiException.badField("on", "defects.error.date-in-future", today);
        LocalDate last = lastDate(v);
        if (f.on().isBefore(last)) throw ApiException.badField("on", "defects.follow-up.before-last-step", last);
        String next;
        LocalDate due;
        int n;
        switch (f.step()) {
            case "COUNSEL" -> {
                String plan = required(f.plan(), "plan", PLANS);
                UUID referral = null;
                if (Boolean.TRUE.equals(f.referToCentre()) && !"DECLINED".equals(plan)) referral = refer(v, plan, f.centreCode());
                next = "DECLINED".equals(plan) ? "OUTCOME" : "DIAGNOSIS";
                due = "DECLINED".equals(plan) ? v.edd().plusDays(policy.rules().followUpDays("OUTCOME"))
                        : f.on().plusDays(policy.rules().followUpDays("DIAGNOSIS"));
                n = jdbc.sql("update defect_follow_up set counselled_on = ?, counselling_note = ?, plan = ?, referral_id = ?, step = ?, due_on = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                        .params(f.on(), f.note(), plan, referral, next, due, actor.username(), id, f.version()).update();
            }
            case "DIAGNOSIS" -> {
                String test = required(f.test(), "test", TESTS);
                boolean invasive = Set.of("AMNIOCENTESIS", "CVS", "CORDOCENTESIS").contains(v.plan());
                if (invasive && !Set.of("KARYOTYPE", "CMA", "KARYOTYPE_CMA").contains(test)) throw ApiException.badField("test", "defects.follow-up.test-for-invasive");
                if ("NIPT".equals(v.plan()) && !"NIPT".equals(test)) throw ApiException.badField("test", "defects.follow-up.test-for-nipt");
                next = "RESULT";
                due = f.on().plusDays(policy.rules().followUpDays("RESULT"));
                n = jdbc.sql("update defect_follow_up set procedure_on = ?, test = ?, step = ?, due_on = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                        .params(f.on(), test, next, due, actor.username(), id, f.version()).update();
            }
            case "RESULT" -> {
                String result = required(f.result(), "result", RESULTS);
                String icd = null;
                if ("ABNORMAL".equals(result)) {
                    if (f.diagnosis() == null || f.diagnosis().isBlank()) throw ApiException.badField("diagnosis", "defects.error.required");
                    if (f.diagnosisIcd10() != null && !f.diagnosisIcd10().isBlank()) {
                        icd = f.diagnosisIcd10().strip().toUpperCase(java.util.Locale.ROOT);
                        if (!icd.matches("Q\\d{2}(\\.\\d{1,2})?")) throw ApiException.badField("diagnosisIcd10", "defects.registration.icd10-format", icd);
                    }
                }
                // FAILED: the procedure is repeated (back to DIAGNOSIS); NORMAL: nothing to decide, follow to the outcome
                next = switch (result) { case "ABNORMAL" -> "DECISION"; case "FAILED" -> "DIAGNOSIS"; default -> "OUTCOME"; };
                due = switch (next) {
                    case "DECISION" -> f.on().plusDays(policy.rules().followUpDays("DECISION"));
                    case "DIAGNOSIS" -> f.on().plusDays(policy.rules().followUpDays("DIAGNOSIS"));
                    default -> v.edd().plusDays(policy.rules().followUpDays("OUTCOME"));
                };
                n = jdbc.sql("update defect_follow_up set result_on = ?, result = ?, diagnosis = ?, diagnosis_icd10 = ?, step = ?, due_on = ?, decision = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                        .params(f.on(), result, f.diagnosis(), icd, next, due, "NORMAL".equals(result) ? "NOT_NEEDED" : null, actor.username(), id, f.version()).update();
            }
            case "DECISION" -> {
                String decision = required(f.decision(), "decision", DECISIONS);
                next = "OUTCOME";
                due = "TERMINATE".equals(decision) ? f.on().plusDays(policy.rules().followUpDays("DECISION"))
                        : v.edd().plusDays(policy.rules().followUpDays("OUTCOME"));
                n = jdbc.sql("update defect_follow_up set decision_on = ?, decision = ?, step = ?, due_on = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                        .params(f.on(), decision, next, due, actor.username(), id, f.version()).update();
            }
            case "OUTCOME" -> {
                String outcome = required(f.outcome(), "outcome", OUTCOMES);
                next = "CLOSED";
                n = jdbc.sql("update defect_follow_up set outcome_on = ?, outcome = ?, outcome_note = ?, step = 'CLOSED', due_on = null, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                        .params(f.on(), outcome, f.note(), actor.username(), id, f.version()).update();
            }
            default -> throw ApiException.badField("step", "defects.follow-up.wrong-step", v.step());
        }
        if (n == 0) throw ApiException.staleVersion("follow-up", id, f.version(), v.version() + 1);
        audit.record(AuditRecord.write("STEP", "DefectFollowUp", id, v.womanId(), Map.of("step", f.step(), "next", next)));
        return view(id);
    }

    /** The outcome a registration records closes the follow-up it came from (if still open). */
    void closeByRegistration(UUID followUpId, LocalDate on, String outcome) {
        String o = switch (outcome) { case "TERMINATION" -> "TERMINATION"; case "STILLBIRTH" -> "STILLBIRTH"; default -> "LIVE_BIRTH"; };
        jdbc.sql("update defect_follow_up set outcome_on = ?, outcome = ?, step = 'CLOSED', due_on = null, version = version + 1, changed_at = now() where id = ? and step <> 'CLOSED'")
                .params(on, o, followUpId).update();
    }

    private UUID refer(FollowUpView v, String plan, String centreCode) {
        Actor actor = cn.fuyou.shared.CurrentActor.get();
        Institution centre;
        if (centreCode != null && !centreCode.isBlank()) {
            centre = institutions.find(centreCode).orElseThrow(() -> ApiException.badField("centreCode", "defects.error.unknown-institution"));
            if (!centre.designations().contains(Designation.PRENATAL_DIAGNOSIS_CENTRE)) throw ApiException.badField("centreCode", "defects.follow-up.not-a-centre");
        } else {
            centre = institutions.designated(Designation.PRENATAL_DIAGNOSIS_CENTRE).stream().filter(i -> !i.id().equals(actor.institutionId()))
                    .findFirst().orElseThrow(() -> ApiException.badField("referToCentre", "defects.follow-up.no-centre"));
        }
        if (centre.id().equals(actor.institutionId())) throw ApiException.badField("centreCode", "defects.follow-up.own-centre");
        String reason = text("defects.referral.reason", text("defects.kind." + v.screenKind()), text("defects.band." + v.band()),
                v.t21OneIn() == null ? "—" : "1:" + v.t21OneIn(), text("defects.plan." + plan));
        Referrals.ReferralView r = referrals.create(new Referrals.NewReferral(v.womanId(), v.pregnancyId(), "MATERNAL", centre.code(), false,
                "ROUTINE", reason, List.of(), null, false, null));
        return r.id();
    }

    /** A bundle text in the writer's language (the referral reason is stored as she reads it). */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static String required(String value, String field, Set<String> allowed) {
        if (value == null || value.isBlank()) throw ApiException.badField(field, "defects.error.required");
        if (!allowed.contains(value)) throw ApiException.badField(field, "defects.error.bad-value", value);
        return value;
    }

    private static LocalDate lastDate(FollowUpView v) {
        LocalDate last = v.openedOn();
        for (LocalDate d : new LocalDate[]{v.counselledOn(), v.procedureOn(), v.resultOn(), v.decisionOn()}) {
            if (d != null && d.isAfter(last)) last = d;
        }
        return last;
    }

    FollowUpView view(UUID id) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        return jdbc.sql("""
                select f.*, p.full_name, s.kind, s.t21_one_in, s.t18_one_in, s.band as screen_band, s.edd, i.code as i_code, i.name_zh, i.name_en,
                       (select r.id from defect_registration r where r.follow_up_id = f.id and r.status = 'ACTIVE' limit 1) as registration_id
                  from defect_follow_up f join person p on p.id = f.woman_id join prenatal_screen s on s.id = f.screen_id
                  join institution i on i.id = f.institution_id where f.id = ?""").param(id)
                .query((rs, n) -> map(rs, today)).optional().orElseThrow(() -> ApiException.notFound("follow-up", id));
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static FollowUpView map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        String step = rs.getString("step");
        return new FollowUpView(rs.getObject("id", UUID.class), rs.getObject("screen_id", UUID.class), rs.getString("kind"),
                longOrNull(rs, "t21_one_in"), longOrNull(rs, "t18_one_in"), rs.getString("screen_band"), rs.getObject("woman_id", UUID.class),
                rs.getString("full_name"), rs.getObject("pregnancy_id", UUID.class), rs.getObject("edd", LocalDate.class), rs.getString("i_code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("band"), rs.getObject("opened_on", LocalDate.class), step, due,
                !"CLOSED".equals(step) && due != null && due.isBefore(today), rs.getObject("counselled_on", LocalDate.class),
                rs.getString("counselling_note"), rs.getString("plan"), rs.getObject("procedure_on", LocalDate.class), rs.getString("test"),
                rs.getObject("referral_id", UUID.class), rs.getObject("result_on", LocalDate.class), rs.getString("result"),
                rs.getString("diagnosis"), rs.getString("diagnosis_icd10"), rs.getObject("decision_on", LocalDate.class), rs.getString("decision"),
                rs.getObject("outcome_on", LocalDate.class), rs.getString("outcome"), rs.getString("outcome_note"),
                rs.getObject("registration_id", UUID.class), rs.getLong("version"));
    }
}
