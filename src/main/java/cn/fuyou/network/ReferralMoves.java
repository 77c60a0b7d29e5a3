package cn.fuyou.network;


import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
/** Moving a referral through its state machine (accept, decline, redirect, transit, arrive, complete, back-refer, close), every move timestamped. */
@Service
public class ReferralMoves {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ReferralTransitions transitions;
    private final Referrals referrals;

    ReferralMoves(JdbcClient jdbc, Institutions institutions, Entitlements entitlements, AuditLog audit, ApplicationEventPublisher events, ReferralTransitions transitions, Referrals referrals) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.entitlements = entitlements;
        this.audit = audit;
        this.events = events;
        this.transitions = transitions;
        this.referrals = referrals;
    }

    @Transactional
    public Referrals.ReferralView move(UUID id, Referrals.Move m) {
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
        if (m.state() == ReferralState.DECLINED && Referrals.blank(m.note())) throw ApiException.badField("note", "拒绝须说明理由 / declining needs a reason");
        if (m.state() == ReferralState.COMPLETED && Referrals.blank(m.outcome())) throw ApiException.badField("outcome", "须填写诊疗结果 / the outcome is required");
        if (m.state() == ReferralState.BACK_REFERRED && Referrals.blank(m.plan())) throw ApiException.badField("plan", "回转须附后续管理方案 / a back-referral needs a care plan");
        UUID redirected = null;
        if (m.state() == ReferralState.REDIRECTED) {
            if (Referrals.blank(m.redirectToInstitutionCode())) throw ApiException.badField("redirectToInstitutionCode", "须指定改转机构 / say where to");
            Institution target = institutions.find(m.redirectToInstitutionCode())
                    .orElseThrow(() -> ApiException.badField("redirectToInstitutionCode", "未知机构 / unknown institution"));
            redirected = UUID.randomUUID();
            jdbc.sql("""
                    insert into referral (id, person_id, pregnancy_id, kind, from_institution_id, to_institution_id, urgency, reason, findings,
                                          summary, risk_colour, purple, gestational_age_days, screen_follow_up, state, created_by, changed_by)
                    select ?, person_id, pregnancy_id, kind, from_institution_id, ?, urgency, reason, findings, summary, risk_colour, purple,
                           gestational_age_days, screen_follow_up, 'REQUESTED', ?, ? from referral where id = ?""")
                    .params(redirected, target.id(), actor.username(), actor.username(), id).update();
            transitions.record(redirected, null, ReferralState.REQUESTED, actor, "改转自 / redirected from " + id);
            entitlements.entitle(row.personId(), target.id(), "REFERRED");
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
        transitions.record(id, from, m.state(), actor, m.note());
        if (m.state().endsAccess()) revokeIfUnused(row.personId(), row.toInstitutionId(), id);
        audit.record(AuditRecord.write("REFERRAL_" + m.state().name(), "Referral", id, row.personId(), Map.of("from", from.name())));
        events.publishEvent(new ReferralChanged(id, row.fromInstitutionId(), row.toInstitutionId(), m.state()));
        return referrals.view(id);
    }

    /** The receiver keeps access while another referral of hers to it is still open. */
    private void revokeIfUnused(UUID personId, UUID institutionId, UUID closing) {
        boolean stillOpen = jdbc.sql("""
                select exists (select 1 from referral where person_id = ? and to_institution_id = ? and id <> ?
                                 and state not in ('CLOSED', 'DECLINED', 'REDIRECTED'))""")
                .params(personId, institutionId, closing).query(Boolean.class).single();
        if (!stillOpen) entitlements.revoke(personId, institutionId, "REFERRED");
    }
}
