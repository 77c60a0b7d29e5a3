package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.PmtctInfantFollowUp;
import cn.fuyou.maternal.rules.BirthWeightPlausibility;
import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.internal.PregnancyReader;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.NewbornRegistration;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivery: the outcome of the pregnancy, and each live-born baby becomes a child linked to her mother. */
@Service
public class Deliveries {

    static final ZoneId CHINA = cn.fuyou.shared.ChinaTime.ZONE;

    private final JdbcClient jdbc;
    private final RiskGradingPolicy policy;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final NewbornRegistration newborns;
    private final AuditLog audit;
    private final Pmtct pmtct;
    private final RiskAssessments risk;
    private final PregnancyReader reader;
    private final ApplicationEventPublisher events;
    private final MaternalFacts facts;

    Deliveries(JdbcClient jdbc, RiskGradingPolicy policy, PersonAccess access, Entitlements entitlements,
               NewbornRegistration newborns, AuditLog audit, Pmtct pmtct, RiskAssessments risk, PregnancyReader reader,
               ApplicationEventPublisher events, MaternalFacts facts) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.policy = policy;
        this.access = access;
        this.entitlements = entitlements;
        this.newborns = newborns;
        this.audit = audit;
        this.pmtct = pmtct;
        this.risk = risk;
        this.reader = reader;
        this.events = events;
    }

    @Transactional
    public PregnancyRecord record(UUID pregnancyId, DeliveryForm f) {
        Actor actor = CurrentActor.get();
        record P(UUID womanId, LocalDate edd, LocalDate registeredOn, String status, long version) {}
        P p = jdbc.sql("select woman_id, edd, registered_on, status, version from pregnancy where id = ? for update")
                .param(pregnancyId).query(P.class).optional()
                .orElseThrow(() -> ApiException.notFound("pregnancy", pregnancyId));
        if (!access.canAccess(p.womanId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        if (!"OPEN".equals(p.status()) || jdbc.sql("select count(*) from delivery where pregnancy_id = ?").param(pregnancyId)
                .query(Long.class).single() > 0) {
            throw ApiException.conflict("already-ended", "该孕期已登记分娩或已结束 / this pregnancy already has an outcome", Map.of());
        }
        LocalDate day = f.deliveredAt().atZoneSameInstant(CHINA).toLocalDate();
        if (f.deliveredAt().toInstant().isAfter(java.time.Instant.now().plusSeconds(300))) {
            throw ApiException.badField("deliveredAt", "分娩时间不能晚于现在 / delivery time cannot be in the future");
        }
        if (day.isBefore(p.registeredOn().minusDays(1))) {
            throw ApiException.badField("deliveredAt", "分娩时间早于建册 / delivery before registration");
        }
        if ("CAESAREAN".equals(f.mode()) && (f.caesareanIndication() == null || f.caesareanIndication().isBlank())) {
            throw ApiException.badField("caesareanIndication", "剖宫产须填写指征 / a caesarean needs its indication");
        }
        if (f.dischargedOn() != null && f.dischargedOn().isBefore(day)) {
            throw ApiException.badField("dischargedOn", "出院日期早于分娩 / discharge before delivery");
        }
        int ga = PregnancyReader.gaDays(p.edd(), day);
        if (ga < 0 || ga > 45 * 7) throw ApiException.badField("deliveredAt", "孕周不合理 / implausible gestational age at delivery");
        // Below 20+0 weeks the pregnancy ends as a miscarriage (the child record holds births from 20+0 weeks on).
        if (ga < 20 * 7) {
            throw ApiException.badField("deliveredAt", "孕20周前不能登记分娩，请登记妊娠结局为流产 / before 20+0 weeks record the pregnancy's end as a miscarriage, not a delivery");
        }
        for (int i = 0; i < f.babies().size(); i++) {
            DeliveryForm.Baby b = f.babies().get(i);
            var w = BirthWeightPlausibility.check(ga, b.weightG());
            if (w.implausible() && (b.implausibleReason() == null || b.implausibleReason().strip().length() < 4)) {
                throw ApiException.badField("babies[" + i + "].implausibleReason",
                        "出生体重" + b.weightG() + " g与孕" + ga / 7 + "+" + ga % 7 + "周不符（参考" + w.lowG() + "–" + w.highG() + " g），请核对或填写确认理由 / a birth weight of "
                                + b.weightG() + " g at " + ga / 7 + "+" + ga % 7 + " weeks is far outside the reference (" + w.lowG() + "–" + w.highG()
                                + " g): check it or confirm with a reason");
            }
        }
        UUID deliveryId = UUID.randomUUID();
        jdbc.sql("""
                insert into delivery (id, pregnancy_id, institution_id, delivered_at, ga_days, mode, caesarean_indication, attendant,
                                      blood_loss_ml, complications, maternal_condition, discharged_on, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(deliveryId, pregnancyId, actor.institutionId(), f.deliveredAt(), ga, f.mode(), f.caesareanIndication(),
                        f.attendant(), f.bloodLossMl(), f.complicationsOrEmpty().toArray(String[]::new), f.maternalCondition(),
                        f.dischargedOn(), actor.username())
                .update();
        List<UUID> liveBorn = new ArrayList<>();
        List<DeliveryRecorded.Baby> babies = new ArrayList<>();
        int order = 0;
        for (DeliveryForm.Baby b : f.babies()) {
            order++;
            UUID child = null;
            if (b.liveBorn()) {
                String name = b.givenName() != null && !b.givenName().isBlank() ? b.givenName().trim()
                        : (("M".equals(b.sex()) ? "之子" : "之女") + (f.babies().size() > 1 ? order : ""));
                String birthRecord = "BR-" + deliveryId.toString().substring(0, 8).toUpperCase() + "-" + order;
                child = newborns.registerNewborn(p.womanId(), name, b.sex(), day, birthRecord, actor.institutionId());
                liveBorn.add(child);
            }
            jdbc.sql("""
                    insert into newborn (id, delivery_id, birth_order, child_id, sex, weight_g, length_cm, head_circumference_cm,
                                         apgar1, apgar5, apgar10, live_born, anomalies, nicu_transfer, implausible_reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), deliveryId, order, child, b.sex(), b.weightG(), b.lengthCm(), b.headCircumferenceCm(),
                            b.apgar1(), b.apgar5(), b.apgar10(), b.liveBorn(), b.anomalies(), Boolean.TRUE.equals(b.nicuTransfer()),
                            BirthWeightPlausibility.check(ga, b.weightG()).implausible() ? b.implausibleReason().strip() : null)
                    .update();
            if (child != null) {
                babies.add(new DeliveryRecorded.Baby(child, b.sex(), b.weightG(), b.lengthCm(), b.headCircumferenceCm(), b.apgar1(),
                        b.apgar5(), b.apgar10(), Boolean.TRUE.equals(b.nicuTransfer()), b.anomalies()));
            }
        }
        String outcome = f.maternalCondition().equals("DIED") ? "MATERNAL_DEATH" : liveBorn.isEmpty() ? "STILLBIRTH" : "LIVE_BIRTH";
        jdbc.sql("""
                update pregnancy set status = ?, outcome = ?, outcome_date = ?, ended_on = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ?""")
                .params(outcome.equals("MATERNAL_DEATH") ? "CLOSED" : "DELIVERED", outcome, day, day, actor.username(), pregnancyId)
                .update();
        // §5: a woman never tested gets a rapid test at delivery; a positive result opens PMTCT.
        if ("POSITIVE".equals(f.hivRapidTest())) pmtct.open(pregnancyId, "HIV", day, "LABOUR");
        if ("POSITIVE".equals(f.syphilisRapidTest())) pmtct.open(pregnancyId, "SYPHILIS", day, "LABOUR");
        if ("POSITIVE".equals(f.hbsagRapidTest())) pmtct.open(pregnancyId, "HBV", day, "LABOUR");
        pmtct.planInfants(pregnancyId, liveBorn, f.deliveredAt());
        if (outcome.equals("MATERNAL_DEATH")) {
            jdbc.sql("update high_risk_case set status = 'CLOSED', closed_at = now(), outcome = ? where pregnancy_id = ? and status = 'OPEN'")
                    .params(outcome, pregnancyId).update();
        } else {
            // §1: re-graded at delivery (a positive rapid test makes her purple); the dedicated case stays open
            // through the puerperium to the 42-day check.
            risk.gradeAfterChange(pregnancyId, day);
        }
        audit.record(AuditRecord.write("DELIVERY", "Pregnancy", pregnancyId, p.womanId(),
                Map.of("outcome", outcome, "babies", f.babies().size())));
        List<String> infections = jdbc.sql("select infection from pmtct_case where pregnancy_id = ? order by 1")
                .param(pregnancyId).query(String.class).list();
        facts.refresh(pregnancyId);
        events.publishEvent(new DeliveryRecorded(pregnancyId, p.womanId(), f.deliveredAt(), ga, babies, infections));
        if ("DIED".equals(f.maternalCondition())) {
            events.publishEvent(new MaternalDeathRecorded(pregnancyId, p.womanId(), day, "DELIVERY", actor.institutionId()));
        }
        return reader.read(pregnancyId).orElseThrow();
    }

    public record PostpartumForm(
            @jakarta.validation.constraints.NotNull(message = "类型必填 / kind is required")
            @jakarta.validation.constraints.Pattern(regexp = "HOME_VISIT|DAY_42", message = "类型为HOME_VISIT或DAY_42") String kind,
            @jakarta.validation.constraints.NotNull(message = "访视日期必填 / visit date is required")
            @jakarta.validation.constraints.PastOrPresent LocalDate visitDate,
            @jakarta.validation.constraints.Size(max = 2000) String findings,
            @jakarta.validation.constraints.Min(50) @jakarta.validation.constraints.Max(300) Integer systolic,
            @jakarta.validation.constraints.Min(20) @jakarta.validation.constraints.Max(200) Integer diastolic,
            List<String> factors,
            @jakarta.validation.constraints.Pattern(regexp = "POSITIVE|NEGATIVE", message = "HIV结果为POSITIVE或NEGATIVE") String hiv,
            @jakarta.validation.constraints.Pattern(regexp = "POSITIVE|NEGATIVE", message = "梅毒结果为POSITIVE或NEGATIVE") String syphilis,
            @jakarta.validation.constraints.Pattern(regexp = "POSITIVE|NEGATIVE", message = "HBsAg结果为POSITIVE或NEGATIVE") String hbsag) {

        public PostpartumForm(String kind, LocalDate visitDate, String findings, Integer systolic, Integer diastolic, List<String> factors) {
            this(kind, visitDate, findings, systolic, diastolic, factors, null, null, null);
        }
    }

    /** Home visit within a week of discharge and the 42-day check; both re-grade her (§1: up to 42 days postpartum). */
    @Transactional
    public PregnancyRecord recordPostpartum(UUID pregnancyId, PostpartumForm f) {
        Actor actor = CurrentActor.get();
        record P(UUID womanId, String status, LocalDate endedOn) {}
        P p = jdbc.sql("select woman_id, status, ended_on from pregnancy where id = ? for update").param(pregnancyId)
                .query(P.class).optional().orElseThrow(() -> ApiException.notFound("pregnancy", pregnancyId));
        if (!access.canAccess(p.womanId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        if (!"DELIVERED".equals(p.status())) {
            throw ApiException.conflict("not-postpartum", "尚未分娩或已结案 / not in the puerperium", Map.of());
        }
        if (f.visitDate().isBefore(p.endedOn())) throw ApiException.badField("visitDate", "访视早于分娩 / visit before delivery");
        policy.checkCodes(f.factors() == null ? List.of() : f.factors(), "factors");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into postpartum_visit (id, pregnancy_id, institution_id, kind, factors, visit_date, findings, systolic, diastolic, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, pregnancyId, actor.institutionId(), f.kind(), (f.factors() == null ? List.<String>of() : f.factors()).toArray(String[]::new),
                        f.visitDate(), f.findings(), f.systolic(), f.diastolic(), actor.username())
                .update();
        entitlements.entitle(p.womanId(), actor.institutionId(), "CARED");
        audit.record(AuditRecord.write("CREATE", "PostpartumVisit", id, p.womanId(), Map.of("kind", f.kind())));
        // §1/§5: a positive result found after delivery sets purple and opens PMTCT for her and her babies.
        boolean found = false;
        if ("POSITIVE".equals(f.hiv())) { pmtct.open(pregnancyId, "HIV", f.visitDate(), "POSTPARTUM"); found = true; }
        if ("POSITIVE".equals(f.syphilis())) { pmtct.open(pregnancyId, "SYPHILIS", f.visitDate(), "POSTPARTUM"); found = true; }
        if ("POSITIVE".equals(f.hbsag())) { pmtct.open(pregnancyId, "HBV", f.visitDate(), "POSTPARTUM"); found = true; }
        if (found) {
            record B(UUID child, OffsetDateTime at) {}
            var babies = jdbc.sql("""
                    select n.child_id as child, d.delivered_at as at from newborn n join delivery d on d.id = n.delivery_id
                     where d.pregnancy_id = ? and n.child_id is not null""").param(pregnancyId).query(B.class).list();
            if (!babies.isEmpty()) pmtct.planInfants(pregnancyId, babies.stream().map(B::child).toList(), babies.get(0).at());
        }
        risk.gradeAfterChange(pregnancyId, f.visitDate());
        if ("DAY_42".equals(f.kind())) {
            jdbc.sql("update pregnancy set status = 'CLOSED', version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                    .params(actor.username(), pregnancyId).update();
            jdbc.sql("update high_risk_case set status = 'CLOSED', closed_at = now(), outcome = '42-day check' where pregnancy_id = ? and status = 'OPEN'")
                    .param(pregnancyId).update();
        }
        facts.refresh(pregnancyId);
        return reader.read(pregnancyId).orElseThrow();
    }
}
