package cn.fuyou.network;


import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
/** The two-week follow-up of referrals made for a positive screen or an abnormal finding. */
@Service
public class ReferralFollowUps {

    private final Timeliness timeliness = Timeliness.DEFAULT;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Referrals referrals;

    ReferralFollowUps(JdbcClient jdbc, AuditLog audit, Referrals referrals) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.referrals = referrals;
    }

    @Transactional
    public Referrals.ReferralView followUp(UUID id, String note) {
        if (Referrals.blank(note)) throw ApiException.badField("note", "须填写随访情况 / the follow-up note is required");
        UUID from = jdbc.sql("select from_institution_id from referral where id = ?").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("referral", id));
        if (!from.equals(CurrentActor.get().institutionId())) throw ApiException.forbidden("只有转出机构随访 / the referring institution follows up");
        jdbc.sql("update referral set followed_up_at = now(), follow_up_note = ?, version = version + 1 where id = ?").params(note.strip(), id).update();
        audit.record(AuditRecord.write("FOLLOW_UP", "Referral", id, null, Map.of()));
        return referrals.view(id);
    }

    /** Referrals made for a positive screen or abnormal finding, not completed or followed up within 2 weeks. */
    public List<Referrals.InboxItem> overdueFollowUps() {
        Actor actor = CurrentActor.get();
        return jdbc.sql("""
                select id from referral where from_institution_id = ? and screen_follow_up and completed_at is null
                   and followed_up_at is null and created_at < now() - ? * interval '1 second' order by created_at limit 500""")
                .params(actor.institutionId(), timeliness.followUp().toSeconds()).query(UUID.class).list().stream()
                .map(referrals::view)
                .map(v -> new Referrals.InboxItem(v.id(), v.personId(), v.personName(), v.kind(), v.toInstitutionCode(), v.toInstitutionName(),
                        v.urgency(), v.reason(), v.riskColour(), v.purple(), v.state(), v.createdAt(), v.acknowledgeBy(), true, false,
                        v.createdAt()))
                .toList();
    }
}
