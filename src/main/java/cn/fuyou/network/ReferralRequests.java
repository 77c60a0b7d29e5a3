package cn.fuyou.network;

import cn.fuyou.maternal.rules.RiskColour;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
/**
 * Requesting a referral: routing to the chosen institution or the designated centre for her area,
 * the summary generated from her record, access for the receiver while the referral lives.
 */
@Service
public class ReferralRequests {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final Institutions institutions;
    private final CriticalCareCentres centres;
    private final Pregnancies pregnancies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ReferralTransitions transitions;
    private final ReferralAttachments attachments;
    private final Referrals referrals;

    ReferralRequests(JdbcClient jdbc, Persons persons, PersonAccess access, Entitlements entitlements, Institutions institutions, CriticalCareCentres centres, Pregnancies pregnancies, AuditLog audit, ApplicationEventPublisher events, ReferralTransitions transitions, ReferralAttachments attachments, Referrals referrals) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.institutions = institutions;
        this.centres = centres;
        this.pregnancies = pregnancies;
        this.audit = audit;
        this.events = events;
        this.transitions = transitions;
        this.attachments = attachments;
        this.referrals = referrals;
    }

    @Transactional
    public Referrals.ReferralView create(Referrals.NewReferral r) {
        Actor actor = CurrentActor.get();
        PersonDetail person = persons.load(r.personId()).orElseThrow(() -> ApiException.badField("personId", "人员不存在 / no such person"));
        if (!access.canAccess(r.personId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this person");
        PregnancyRecord pregnancy = r.pregnancyId() == null ? null : pregnancies.readForWrite(r.pregnancyId());
        if (pregnancy != null && !pregnancy.womanId().equals(r.personId())) {
            throw ApiException.badField("pregnancyId", "孕期档案不属于该人员 / the pregnancy is not hers");
        }
        RiskColour colour = pregnancy == null ? null : pregnancy.colour();
        Institution from = institutions.findById(actor.institutionId()).orElseThrow();
        boolean designated = Boolean.TRUE.equals(r.toDesignatedCentre())
                || (r.toInstitutionCode() == null && colour != null && colour.needsReferralToDesignatedCentre());
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
                        (r.findings() == null ? List.<String>of() : r.findings()).toArray(String[]::new), summary, colour == null ? null : colour.name(),
                        pregnancy != null && pregnancy.purple(),
                        pregnancy == null || pregnancy.gestationalAgeToday() == null ? null : pregnancy.gestationalAgeToday().days(),
                        Boolean.TRUE.equals(r.screenFollowUp()), actor.username(), actor.username())
                .update();
        transitions.record(id, null, ReferralState.REQUESTED, actor, "→ " + to.code());
        if (r.attachments() != null) {
            for (int i = 0; i < r.attachments().size(); i++) attachments.attach(id, null, r.attachments().get(i), "attachments[" + i + "]");
        }
        entitlements.entitle(r.personId(), to.id(), "REFERRED");
        audit.record(AuditRecord.write("CREATE", "Referral", id, r.personId(), Map.of("to", to.code(), "urgency", r.urgency())));
        events.publishEvent(new ReferralChanged(id, from.id(), to.id(), ReferralState.REQUESTED));
        return referrals.view(id);
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
}
