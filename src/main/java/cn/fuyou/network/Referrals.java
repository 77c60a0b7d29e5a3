package cn.fuyou.network;

import cn.fuyou.maternal.rules.RiskColour;
import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
/**
 * Two-way referrals across the network as they are read: one referral (by the two institutions),
 * a person's referrals. The use cases live beside it: {@link ReferralRequests},
 * {@link ReferralMoves}, {@link ReferralFollowUps}, {@link ReferralInbox}.
 */
@Service
public class Referrals {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final Institutions institutions;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final Timeliness timeliness = Timeliness.DEFAULT;


    Referrals(JdbcClient jdbc, Persons persons, PersonAccess access, Institutions institutions, StaffAccounts staff, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.persons = persons;
        this.access = access;
        this.institutions = institutions;
        this.audit = audit;
    }

    public record Attachment(@NotBlank String fileName, @NotBlank String base64) {}

    public record NewReferral(@NotNull(message = "人员必填 / personId is required") UUID personId, UUID pregnancyId,
                              @NotNull(message = "类型必填 / kind is required") @Pattern(regexp = "MATERNAL|NEWBORN|CHILD|INFERTILITY") String kind,
                              String toInstitutionCode, Boolean toDesignatedCentre,
                              @NotNull(message = "紧急程度必填 / urgency is required") @Pattern(regexp = "ROUTINE|URGENT|EMERGENCY") String urgency,
                              @NotBlank(message = "转诊原因必填 / reason is required") @Size(max = 1000) String reason,
                              List<String> findings, @Size(max = 4000) String summary, Boolean screenFollowUp,
                              @Size(max = 5) List<Attachment> attachments) {}
    public record Move(@NotNull(message = "目标状态必填 / state is required") ReferralState state, @Size(max = 2000) String note,
                       String redirectToInstitutionCode, @Size(max = 2000) String outcome, @Size(max = 4000) String plan,
                       @NotNull(message = "版本号必填 / version is required") Long version) {}
    /** One step of the referral's history: who (by name) at which institution (by name) moved it. */
    public record Transition(String fromState, String toState, OffsetDateTime at, String byUser, String note, String byName,
                             String byInstitutionCode, String byInstitutionNameZh, String byInstitutionNameEn) {}

    public record AttachmentInfo(UUID id, String fileName, String mediaType, int sizeBytes) {}

    public record ReferralView(UUID id, UUID personId, String personName, UUID pregnancyId, String kind, String fromInstitutionCode,
                               String fromInstitutionName, String toInstitutionCode, String toInstitutionName, String urgency,
                               String reason, List<String> findings, String summary, RiskColour riskColour, boolean purple,
                               Integer gestationalAgeDays, boolean screenFollowUp, String state, OffsetDateTime createdAt,
                               OffsetDateTime acknowledgeBy, boolean overdue, OffsetDateTime decidedAt, OffsetDateTime departedAt,
                               OffsetDateTime arrivedAt, OffsetDateTime completedAt, String outcome, String backReferralPlan,
                               OffsetDateTime followedUpAt, String followUpNote, boolean followUpOverdue, UUID redirectedTo,
                               List<String> nextStates, List<Transition> transitions, List<AttachmentInfo> attachments, long version,
                               String fromInstitutionNameEn, String toInstitutionNameEn) {}
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

    ReferralView view(UUID id) {
        record Step(String fromState, String toState, OffsetDateTime at, String byUser, String note, UUID byInstitution) {}
        var steps = jdbc.sql("select from_state, to_state, at, by_user, note, by_institution from referral_transition where referral_id = ? order by at, id")
                .param(id).query(Step.class).list();
        var staffNames = staff.displayNames(steps.stream().map(Step::byUser).toList());
        var transitions = steps.stream().map(x -> {
            Institution by = x.byInstitution() == null ? null : institutions.findById(x.byInstitution()).orElse(null);
            return new Transition(x.fromState(), x.toState(), x.at(), x.byUser(), x.note(), staffNames.getOrDefault(x.byUser(), x.byUser()),
                    by == null ? null : by.code(), by == null ? null : by.nameZh(), by == null ? null : by.nameEn());
        }).toList();
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
                urgency, rs.getString("reason"), strings(rs.getArray("findings")), rs.getString("summary"), RiskColour.parse(rs.getString("risk_colour")),
                rs.getBoolean("purple"), (Integer) rs.getObject("gestational_age_days"), rs.getBoolean("screen_follow_up"), state.name(),
                created, timeliness.acknowledgeBy(urgency, created), timeliness.overdue(urgency, created, decided, now), decided,
                rs.getObject("departed_at", OffsetDateTime.class), rs.getObject("arrived_at", OffsetDateTime.class), completed,
                rs.getString("outcome"), rs.getString("back_referral_plan"), followed, rs.getString("follow_up_note"),
                rs.getBoolean("screen_follow_up") && timeliness.followUpOverdue(created, completed, followed, now),
                rs.getObject("redirected_to", UUID.class),
                side == null ? List.of() : ReferralStateMachine.next(state, side).stream().map(Enum::name).sorted().toList(),
                transitions, files, rs.getLong("version"), from.nameEn(), to.nameEn());
    }
    public record InboxItem(UUID id, UUID personId, String personName, String kind, String counterpartCode, String counterpartName,
                            String urgency, String reason, RiskColour riskColour, boolean purple, String state, OffsetDateTime createdAt,
                            OffsetDateTime acknowledgeBy, boolean overdue, boolean paged, OffsetDateTime changedAt) {}
    /** Every referral of a person the caller may see (FHIR ServiceRequest, Patient/$everything). */
    public List<ReferralView> forPerson(UUID personId) {
        if (!access.canAccess(personId)) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        return jdbc.sql("select id from referral where person_id = ? order by created_at").param(personId).query(UUID.class).list()
                .stream().map(this::view).toList();
    }
    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
