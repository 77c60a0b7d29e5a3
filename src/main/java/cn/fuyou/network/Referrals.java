package cn.fuyou.network;

import static cn.fuyou.shared.Rows.strings;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-way referral across the network: creation with routing to the designated centre, the state
 * machine with every move timestamped, record access for the receiver during the referral's life,
 * attachments, the inboxes with their due times, and the two-week follow-up.
 */
@Service
public class Referrals {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;
    private final CriticalCareCentres centres;
    private final Pregnancies pregnancies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Timeliness timeliness = Timeliness.DEFAULT;

    Referrals(JdbcClient jdbc, Persons persons, Institutions institutions, CriticalCareCentres centres, Pregnancies pregnancies,
              AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.centres = centres;
        this.pregnancies = pregnancies;
        this.audit = audit;
        this.events = events;
    }

    public record Attachment(@NotBlank String fileName, @NotBlank String base64) {}

    public record NewReferral(@NotNull(message = "人员必填 / personId is required") UUID personId, UUID pregnancyId,
                              @NotNull(message = "类型必填 / kind is required") @Pattern(regexp = "MATERNAL|NEWBORN|CHILD|INFERTILITY") String kind,
                              String toInstitutionCode, Boolean toDesignatedCentre,
                              @NotNull(message = "紧急程度必填 / urgency is required") @Pattern(regexp = "ROUTINE|URGENT|EMERGENCY") String urgency,
                              @NotBlank(message = "转诊原因必填 / reason is required") @Size(max = 1000) String reason,
                              List<String> findings, @Size(max = 4000) String summary, Boolean screenFollowUp,
                              @Size(max = 5) List<Attachment> attachments) {}

    @Transactional
    public ReferralView create(NewReferral r) {
        Actor actor = CurrentActor.get();
        PersonDetail person = persons.load(r.personId()).orElseThrow(() -> ApiException.badField("personId", "人员不存在 / no such person"));
        if (!persons.canAccess(r.personId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this person");
        PregnancyRecord pregnancy = r.pregnancyId() == null ? null : pregnancies.readForWrite(r.pregnancyId());
        if (pregnancy != null && !pregnancy.womanId().equals(r.personId())) {
            throw ApiException.badField("pregnancyId", "孕期档案不属于该人员 / the pregnancy is not hers");
        }
        String colour = pregnancy == null ? null : pregnancy.colour();
        Institution from = institutions.findById(actor.institutionId()).orElseThrow();
        boolean designated = Boolean.TRUE.equals(r.toDesignatedCentre())
                || (r.toInstitutionCode() == null && ("ORANGE".equals(colour) || "RED".equals(colour)));
        Institution to;
        if (r.toInstitutionCode() != null && !Boolean.TRUE.equals(r.toDesignatedCentre())) {
            to = institutions.find(r.toInstitutionCode()).orElseThrow(() -> ApiException.badField("toInstitutionCode", "未知机构 / unknown institution"));
        } else if (designated) {
            to = ("NEWBORN".equals(r.kind()) ? centres.newbornCentre()
                    : centres.maternalCentreFor(person.addressAreaCode()).or(() -> centres.maternalCentreFor(from.areaCode())))
                    .orElseThrow(() -> ApiException.badField("toDesignatedCentre", "找不到其辖区的指定救治中心 / no designated centre for her area"));
        } else {
            throw ApiException.badField("toInstitutionCode", "请选择接收机构或指定救治中心 / choose the receiving institution or the designated centre");
        }
        if (to.id().equals(from.id())) throw ApiException.badField("toInstitutionCode", "不能转诊到本机构 / cannot refer to your own institution");
        UUID id = UUID.randomUUID();
        String summary = (r.summary() == null ? "" : r.summary().strip() + "\n") + generatedSummary(pregnancy);
        jdbc.sql("""
                insert into referral (id, person_id, pregnancy_id, kind, from_institution_id, to_institution_id, urgency, reason, findings,
                                      summary, risk_colour, purple, gestational_age_days, screen_follow_up, state, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(id, r.personId(), r.pregnancyId(), r.kind(), from.id(), to.id(), r.urgency(), r.reason().strip(),
                        (r.findings() == null ? List.<String>of() : r.findings()).toArray(String[]::new), summary, colour,
                        pregnancy != null && pregnancy.purple(),
                        pregnancy == null || pregnancy.gestationalAgeToday() == null ? null : pregnancy.gestationalAgeToday().days(),
                        Boolean.TRUE.equals(r.screenFollowUp()), actor.username(), actor.username())
                .update();
        transitionRow(id, null, ReferralState.REQUESTED, actor, "→ " + to.code());
        if (r.attachments() != null) {
            for (int i = 0; i < r.attachments().size(); i++) attach(id, null, r.attachments().get(i), "attachments[" + i + "]");
        }
        persons.entitle(r.personId(), to.id(), "REFERRED");
        audit.record(AuditRecord.write("CREATE", "Referral", id, r.personId(), Map.of("to", to.code(), "urgency", r.urgency())));
        events.publishEvent(new ReferralChanged(id, from.id(), to.id(), ReferralState.REQUESTED));
        return view(id);
    }

    /** "Generated from the record": colour, gestational age, latest vitals and labs. */
    static String generatedSummary(PregnancyRecord p) {
        if (p == null) return "";
        StringBuilder sb = new StringBuilder();
        sb.append("风险 ").append(p.colour() == null ? "未评估" : p.colour()).append(p.purple() ? "+紫" : "");
        if (p.gestationalAgeToday() != null) {
            sb.append("；孕周 ").append(p.gestationalAgeToday().weeks()).append('+').append(p.gestationalAgeToday().dayOfWeek());
        }
        sb.append("；G").append(p.gravida()).append('P').append(p.para()).append("；预产期 ").append(p.edd());
        if (!p.contacts().isEmpty()) {
            var c = p.contacts().get(p.contacts().size() - 1);
            sb.append("；末次产检 ").append(c.contactDate());
            if (c.systolic() != null) sb.append(" BP ").append(c.systolic()).append('/').append(c.diastolic());
            if (c.hemoglobinGPerL() != null) sb.append(" Hb ").append(c.hemoglobinGPerL());
            if (c.plateletsE9PerL() != null) sb.append(" PLT ").append(c.plateletsE9PerL());
            if (c.weightKg() != null) sb.append(" 体重 ").append(c.weightKg()).append("kg");
        }
        if (!p.gradings().isEmpty()) {
            var g = p.gradings().get(p.gradings().size() - 1);
            g.factors().forEach(f -> sb.append("\n· ").append(f.path("reasonZh").asText()));
        }
        return sb.toString();
    }

    public record Move(@NotNull(message = "目标状态必填 / state is required") ReferralState state, @Size(max = 2000) String note,
                       String redirectToInstitutionCode, @Size(max = 2000) String outcome, @Size(max = 4000) String plan,
                       @NotNull(message = "版本号必填 / version is required") Long version) {}

    @Transactional
    public ReferralView move(UUID id, Move m) {
        Actor actor = CurrentActor.get();
        record Row(UUID personId, UUID fromInstitutionId, UUID toInstitutionId, String state, long version, String urgency,
                   String kind, String reason) {}
        Row row = jdbc.sql("select person_id, from_institution_id, to_institution_id, state, version, urgency, kind, reason from referral where id = ? for update")
                .param(id).query(Row.class).optional().orElseThrow(() -> ApiException.notFound("referral", id));
        ReferralStateMachine.Side side = actor.institutionId().equals(row.toInstitutionId()) ? ReferralStateMachine.Side.RECEIVER
                : actor.institutionId().equals(row.fromInstitutionId()) ? ReferralStateMachine.Side.SENDER : null;
        if (side == null) throw ApiException.forbidden("只有转出或接收机构可以操作 / only the two institutions may move a referral");
        if (row.version() != m.version()) throw ApiException.staleVersion("referral", id, m.version(), row.version());
        ReferralState from = ReferralState.valueOf(row.state());
        if (!ReferralStateMachine.allowed(from, m.state(), side)) {
            throw ApiException.conflict("illegal-transition", "不允许从 " + from + " 到 " + m.state() + " / illegal transition " + from + " → " + m.state(),
                    Map.of("from", from.name(), "to", m.state().name(), "side", side.name()));
        }
        if (m.state() == ReferralState.DECLINED && blank(m.note())) throw ApiException.badField("note", "拒绝须说明理由 / declining needs a reason");
        if (m.state() == ReferralState.COMPLETED && blank(m.outcome())) throw ApiException.badField("outcome", "须填写诊疗结果 / the outcome is required");
        if (m.state() == ReferralState.BACK_REFERRED && blank(m.plan())) throw ApiException.badField("plan", "回转须附后续管理方案 / a back-referral needs a care plan");
        UUID redirected = null;
        if (m.state() == ReferralState.REDIRECTED) {
            if (blank(m.redirectToInstitutionCode())) throw ApiException.badField("redirectToInstitutionCode", "须指定改转机构 / say where to");
            Institution target = institutions.find(m.redirectToInstitutionCode())
                    .orElseThrow(() -> ApiException.badField("redirectToInstitutionCode", "未知机构 / unknown institution"));
            redirected = UUID.randomUUID();
            jdbc.sql("""
                    insert into referral (id, person_id, pregnancy_id, kind, from_institution_id, to_institution_id, urgency, reason, findings,
                                          summary, risk_colour, purple, gestational_age_days, screen_follow_up, state, created_by, changed_by)
                    select ?, person_id, pregnancy_id, kind, from_institution_id, ?, urgency, reason, findings, summary, risk_colour, purple,
                           gestational_age_days, screen_follow_up, 'REQUESTED', ?, ? from referral where id = ?""")
                    .params(redirected, target.id(), actor.username(), actor.username(), id).update();
            transitionRow(redirected, null, ReferralState.REQUESTED, actor, "改转自 / redirected from " + id);
            persons.entitle(row.personId(), target.id(), "REFERRED");
            events.publishEvent(new ReferralChanged(redirected, row.fromInstitutionId(), target.id(), ReferralState.REQUESTED));
        }
        String column = switch (m.state()) {
            case ACCEPTED, DECLINED, REDIRECTED -> "decided_at";
            case IN_TRANSIT -> "departed_at";
            case ARRIVED -> "arrived_at";
            case COMPLETED -> "completed_at";
            default -> null;
        };
        jdbc.sql("update referral set state = ?, version = version + 1, changed_at = now(), changed_by = ?"
                        + (column == null ? "" : ", " + column + " = now()")
                        + ", outcome = coalesce(?, outcome), back_referral_plan = coalesce(?, back_referral_plan), redirected_to = coalesce(?, redirected_to)"
                        + " where id = ?")
                .params(m.state().name(), actor.username(), m.outcome(), m.plan(), redirected, id).update();
        transitionRow(id, from, m.state(), actor, m.note());
        if (m.state().endsAccess()) revokeIfUnused(row.personId(), row.toInstitutionId(), id);
        audit.record(AuditRecord.write("REFERRAL_" + m.state().name(), "Referral", id, row.personId(), Map.of("from", from.name())));
        events.publishEvent(new ReferralChanged(id, row.fromInstitutionId(), row.toInstitutionId(), m.state()));
        return view(id);
    }

    /** The receiver keeps access while another referral of hers to it is still open. */
    private void revokeIfUnused(UUID personId, UUID institutionId, UUID closing) {
        boolean stillOpen = jdbc.sql("""
                select exists (select 1 from referral where person_id = ? and to_institution_id = ? and id <> ?
                                 and state not in ('CLOSED', 'DECLINED', 'REDIRECTED'))""")
                .params(personId, institutionId, closing).query(Boolean.class).single();
        if (!stillOpen) persons.revoke(personId, institutionId, "REFERRED");
    }

    @Transactional
    public ReferralView followUp(UUID id, String note) {
        if (blank(note)) throw ApiException.badField("note", "须填写随访情况 / the follow-up note is required");
        UUID from = jdbc.sql("select from_institution_id from referral where id = ?").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("referral", id));
        if (!from.equals(CurrentActor.get().institutionId())) throw ApiException.forbidden("只有转出机构随访 / the referring institution follows up");
        jdbc.sql("update referral set followed_up_at = now(), follow_up_note = ?, version = version + 1 where id = ?").params(note.strip(), id).update();
        audit.record(AuditRecord.write("FOLLOW_UP", "Referral", id, null, Map.of()));
        return view(id);
    }

    private void attach(UUID referralId, UUID consultationId, Attachment a, String field) {
        byte[] content;
        try {
            content = Base64.getDecoder().decode(a.base64());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, "附件不是有效的Base64 / the attachment is not valid base64");
        }
        String type = Attachments.mediaType(content, field);
        jdbc.sql("""
                insert into referral_attachment (id, referral_id, consultation_id, file_name, media_type, size_bytes, content, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), referralId, consultationId, a.fileName(), type, content.length, content,
                        CurrentActor.get().username()).update();
    }

    void attachToConsultation(UUID consultationId, Attachment a, String field) {
        attach(null, consultationId, a, field);
    }

    private void transitionRow(UUID id, ReferralState from, ReferralState to, Actor actor, String note) {
        jdbc.sql("insert into referral_transition (referral_id, from_state, to_state, by_user, by_institution, note) values (?, ?, ?, ?, ?, ?)")
                .params(id, from == null ? null : from.name(), to.name(), actor.username(), actor.institutionId(), note).update();
    }

    // ---- reading ------------------------------------------------------------------------------

    public record Transition(String fromState, String toState, OffsetDateTime at, String byUser, String note) {}

    public record AttachmentInfo(UUID id, String fileName, String mediaType, int sizeBytes) {}

    public record ReferralView(UUID id, UUID personId, String personName, UUID pregnancyId, String kind, String fromInstitutionCode,
                               String fromInstitutionName, String toInstitutionCode, String toInstitutionName, String urgency,
                               String reason, List<String> findings, String summary, String riskColour, boolean purple,
                               Integer gestationalAgeDays, boolean screenFollowUp, String state, OffsetDateTime createdAt,
                               OffsetDateTime acknowledgeBy, boolean overdue, OffsetDateTime decidedAt, OffsetDateTime departedAt,
                               OffsetDateTime arrivedAt, OffsetDateTime completedAt, String outcome, String backReferralPlan,
                               OffsetDateTime followedUpAt, String followUpNote, boolean followUpOverdue, UUID redirectedTo,
                               List<String> nextStates, List<Transition> transitions, List<AttachmentInfo> attachments, long version) {}

    @Transactional
    public ReferralView get(UUID id) {
        ReferralView v = view(id);
        Actor actor = CurrentActor.get();
        if (!actor.isSystemAdmin() && !v.fromInstitutionCode().equals(actor.institutionCode())
                && !v.toInstitutionCode().equals(actor.institutionCode())) {
            throw ApiException.forbidden("只有转出或接收机构可查看 / only the two institutions may see a referral");
        }
        audit.recordRead(AuditRecord.read("Referral", id, v.personId(), true, false, null));
        return v;
    }

    private ReferralView view(UUID id) {
        var transitions = jdbc.sql("select from_state, to_state, at, by_user, note from referral_transition where referral_id = ? order by at, id")
                .param(id).query((rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5))).list();
        var files = jdbc.sql("select id, file_name, media_type, size_bytes from referral_attachment where referral_id = ? order by created_at")
                .param(id).query((rs, n) -> new AttachmentInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
        return jdbc.sql("select * from referral where id = ?").param(id).query((rs, n) -> map(rs, transitions, files)).optional()
                .orElseThrow(() -> ApiException.notFound("referral", id));
    }

    private ReferralView map(ResultSet rs, List<Transition> transitions, List<AttachmentInfo> files) throws SQLException {
        UUID personId = rs.getObject("person_id", UUID.class);
        Institution from = institutions.findById(rs.getObject("from_institution_id", UUID.class)).orElseThrow();
        Institution to = institutions.findById(rs.getObject("to_institution_id", UUID.class)).orElseThrow();
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        String urgency = rs.getString("urgency");
        ReferralState state = ReferralState.valueOf(rs.getString("state"));
        Actor actor = CurrentActor.orSystem();
        ReferralStateMachine.Side side = to.id().equals(actor.institutionId()) ? ReferralStateMachine.Side.RECEIVER
                : from.id().equals(actor.institutionId()) ? ReferralStateMachine.Side.SENDER : null;
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        OffsetDateTime followed = rs.getObject("followed_up_at", OffsetDateTime.class);
        return new ReferralView(rs.getObject("id", UUID.class), personId, persons.namesOf(List.of(personId)).get(personId),
                rs.getObject("pregnancy_id", UUID.class), rs.getString("kind"), from.code(), from.nameZh(), to.code(), to.nameZh(),
                urgency, rs.getString("reason"), strings(rs.getArray("findings")), rs.getString("summary"), rs.getString("risk_colour"),
                rs.getBoolean("purple"), (Integer) rs.getObject("gestational_age_days"), rs.getBoolean("screen_follow_up"), state.name(),
                created, timeliness.acknowledgeBy(urgency, created), timeliness.overdue(urgency, created, decided, now), decided,
                rs.getObject("departed_at", OffsetDateTime.class), rs.getObject("arrived_at", OffsetDateTime.class), completed,
                rs.getString("outcome"), rs.getString("back_referral_plan"), followed, rs.getString("follow_up_note"),
                rs.getBoolean("screen_follow_up") && timeliness.followUpOverdue(created, completed, followed, now),
                rs.getObject("redirected_to", UUID.class),
                side == null ? List.of() : ReferralStateMachine.next(state, side).stream().map(Enum::name).sorted().toList(),
                transitions, files, rs.getLong("version"));
    }

    public record InboxItem(UUID id, UUID personId, String personName, String kind, String counterpartCode, String counterpartName,
                            String urgency, String reason, String riskColour, boolean purple, String state, OffsetDateTime createdAt,
                            OffsetDateTime acknowledgeBy, boolean overdue, boolean paged, OffsetDateTime changedAt) {}

    /**
     * The institution's incoming or outgoing referrals, newest first, read in index order (measured:
     * sorting by an expression sorted all 100,000 rows of an institution); within a page, undecided
     * emergencies ("paged") come first. The total is counted up to 1,000.
     */
    public PageResult<InboxItem> inbox(String direction, String state, Boolean overdueOnly, PageRequest page) {
        Actor actor = CurrentActor.get();
        boolean incoming = !"outgoing".equalsIgnoreCase(direction);
        String mine = incoming ? "to_institution_id" : "from_institution_id";
        var where = new StringBuilder(" where " + mine + " = ?");
        var params = new ArrayList<Object>(List.of(actor.institutionId()));
        if (state != null && !state.isBlank()) {
            if ("OPEN".equalsIgnoreCase(state)) where.append(" and state not in ('CLOSED', 'DECLINED', 'REDIRECTED')");
            else { where.append(" and state = ?"); params.add(state.toUpperCase()); }
        }
        if (Boolean.TRUE.equals(overdueOnly)) {
            where.append(" " + """
                     and decided_at is null and state = 'REQUESTED' and now() > created_at + case urgency
                        when 'EMERGENCY' then ? * interval '1 second' when 'URGENT' then ? * interval '1 second' else ? * interval '1 second' end""");
            params.addAll(List.of(timeliness.emergency().toSeconds(), timeliness.urgent().toSeconds(), timeliness.routine().toSeconds()));
        }
        long total = jdbc.sql("select count(*) from (select 1 from referral" + where + " limit 1000) c").params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        OffsetDateTime now = OffsetDateTime.now();
        var rows = jdbc.sql("select id, person_id, kind, " + (incoming ? "from_institution_id" : "to_institution_id") + " as counterpart,"
                        + " urgency, reason, risk_colour, purple, state, created_at, decided_at, changed_at from referral" + where
                        + " order by created_at desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> {
                    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
                    String urgency = rs.getString("urgency");
                    Institution other = institutions.findById(rs.getObject("counterpart", UUID.class)).orElseThrow();
                    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
                    String st = rs.getString("state");
                    return new InboxItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), null, rs.getString("kind"),
                            other.code(), other.nameZh(), urgency, rs.getString("reason"), rs.getString("risk_colour"), rs.getBoolean("purple"),
                            st, created, timeliness.acknowledgeBy(urgency, created),
                            "REQUESTED".equals(st) && timeliness.overdue(urgency, created, decided, now),
                            "EMERGENCY".equals(urgency) && "REQUESTED".equals(st), rs.getObject("changed_at", OffsetDateTime.class));
                }).list();
        var names = persons.namesOf(rows.stream().map(InboxItem::personId).toList());
        var items = rows.stream().map(i -> new InboxItem(i.id(), i.personId(), names.get(i.personId()), i.kind(), i.counterpartCode(),
                i.counterpartName(), i.urgency(), i.reason(), i.riskColour(), i.purple(), i.state(), i.createdAt(), i.acknowledgeBy(),
                i.overdue(), i.paged(), i.changedAt()))
                .sorted(java.util.Comparator.comparing((InboxItem i) -> !i.paged()))
                .toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Every referral of a person the caller may see (FHIR ServiceRequest, Patient/$everything). */
    public List<ReferralView> forPerson(UUID personId) {
        if (!persons.canAccess(personId)) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        return jdbc.sql("select id from referral where person_id = ? order by created_at").param(personId).query(UUID.class).list()
                .stream().map(this::view).toList();
    }

    /** Referrals made for a positive screen or abnormal finding, not completed or followed up within 2 weeks. */
    public List<InboxItem> overdueFollowUps() {
        Actor actor = CurrentActor.get();
        return jdbc.sql("""
                select id from referral where from_institution_id = ? and screen_follow_up and completed_at is null
                   and followed_up_at is null and created_at < now() - ? * interval '1 second' order by created_at limit 500""")
                .params(actor.institutionId(), timeliness.followUp().toSeconds()).query(UUID.class).list().stream()
                .map(this::view)
                .map(v -> new InboxItem(v.id(), v.personId(), v.personName(), v.kind(), v.toInstitutionCode(), v.toInstitutionName(),
                        v.urgency(), v.reason(), v.riskColour(), v.purple(), v.state(), v.createdAt(), v.acknowledgeBy(), true, false,
                        v.createdAt()))
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
