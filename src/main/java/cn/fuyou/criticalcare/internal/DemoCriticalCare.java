package cn.fuyou.criticalcare.internal;

import static cn.fuyou.shared.CurrentActor.as;

import cn.fuyou.criticalcare.CaseReviews;
import cn.fuyou.criticalcare.Checklist;
import cn.fuyou.criticalcare.CriticalCases;
import cn.fuyou.criticalcare.DeathReports;
import cn.fuyou.criticalcare.InterviewNotices;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.registry.PersonForm;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo profile only, first start: a handful of critically ill women through every state — reported and
 * routed to CQHCWC's inbox, in treatment, a near-miss with a facility review, a survivor without
 * criteria, a maternal death with a finished city review and an interview, an overdue unreported death
 * escalated to the city, a death reported in time — all made through the module's own services, as the
 * demo staff, so that timelines, referrals, facts and audit are what real use would leave.
 */
@Component
class DemoCriticalCare {

    private static final Logger log = LoggerFactory.getLogger(DemoCriticalCare.class);
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final JdbcClient jdbc;
    private final Persons persons;
    private final cn.fuyou.registry.PersonRegistration registration;
    private final Pregnancies pregnancies;
    private final CriticalCases cases;
    private final DeathReports deaths;
    private final CaseReviews reviews;
    private final InterviewNotices notices;
    private final boolean enabled;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    private final java.time.Clock clock;

    DemoCriticalCare(JdbcClient jdbc, Persons persons, cn.fuyou.registry.PersonRegistration registration, Pregnancies pregnancies, CriticalCases cases, DeathReports deaths, CaseReviews reviews,
                     InterviewNotices notices, org.springframework.transaction.support.TransactionTemplate tx,
                     @Value("${fuyou.demo.enabled:false}") boolean enabled, java.time.Clock clock) {
        this.clock = clock;
        this.tx = tx;
        this.jdbc = jdbc;
        this.persons = persons;
        this.registration = registration;
        this.pregnancies = pregnancies;
        this.cases = cases;
        this.deaths = deaths;
        this.reviews = reviews;
        this.notices = notices;
        this.enabled = enabled;
    }

    private Actor actor(String username, String name, String institution, StaffRole role, String area) {
        UUID id = jdbc.sql("select id from institution where code = ?").param(institution).query(UUID.class).single();
        return new Actor(username, name, role, id, institution, area);
    }


    @EventListener(ApplicationReadyEvent.class)
    @Order(80)
    void load() {
        if (!enabled || jdbc.sql("select count(*) from critical_case").query(Long.class).single() > 0) return;
        if (jdbc.sql("select count(*) from institution where code in ('CHC-500117-1', 'CQHCWC')").query(Long.class).single() < 2) return;
        long t0 = System.currentTimeMillis();
        Actor hc = actor("hc-doctor", "社区医生 杨丽", "CHC-500117-1", StaffRole.CLINICIAN, null);
        Actor centre = actor("cqfy-doctor", "产科 陈静医生", "CQHCWC", StaffRole.CLINICIAN, null);
        Actor city = actor("official-cq", "市卫健委妇幼处 吴涛", "CQHCWC", StaffRole.REGIONAL_OFFICIAL, "500000");
        LocalDate t = cn.fuyou.shared.ChinaTime.today(clock);
        try {
            tx.executeWithoutResult(s -> as(hc, () -> scenario(hc, centre, city, t)));
        } catch (RuntimeException e) {
            log.warn("critical-care demo not loaded: {}", e.getMessage(), e);
            return;
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("critical-care demo: {} cases, {} death reports in {} ms",
                jdbc.sql("select count(*) from critical_case").query(Long.class).single(),
                jdbc.sql("select count(*) from maternal_death_report").query(Long.class).single(), System.currentTimeMillis() - t0);
    }

    private UUID woman(String family, String given, LocalDate birth, int seq) {
        String idNumber = ResidentIdNumber.compose("500117", birth, seq);
        return persons.findByDocument("RESIDENT_ID", idNumber).orElseGet(() -> registration.register(new PersonForm(family, given, "F", birth,
                "RESIDENT_ID", idNumber, "中国", "1390230" + String.format("%04d", seq), "500117", "合川区", null, null, true, null)).id());
    }

    private UUID pregnancy(UUID woman, LocalDate registeredOn, LocalDate lmp) {
        return pregnancies.register(new PregnancyRegistration(woman, null, registeredOn, 2, 1, lmp, null, null, new BigDecimal("158"),
                new BigDecimal("55"), 1, 1, 30, null, List.of(), null)).id();
    }

    private static OffsetDateTime at(LocalDate d, int hour) {
        return d.atTime(hour, 0).atOffset(CST);
    }

    private static Checklist findings(String... codes) {
        return new Checklist(List.of(codes), null, null, null, null, null, null, null, null, null, null);
    }

    private Void scenario(Actor hc, Actor centre, Actor city, LocalDate t) {
        // 1. REPORTED: reported two hours ago, waiting in CQHCWC's inbox.
        UUID w1 = woman("何", "晓燕", LocalDate.of(1993, 4, 12), 950);
        UUID p1 = pregnancy(w1, t.minusDays(150), t.minusDays(200));
        cases.report(new CriticalCases.NewCase(w1, null, p1, "PREGNANT", null, null, OffsetDateTime.now(CST).minusHours(2),
                "中央性前置胎盘大出血，失血性休克", new Checklist(List.of("SHOCK"), null, new BigDecimal("6.2"), null, null, null, null, null,
                null, null, null), true));

        // 2. TREATING: HELLP with DIC, two days in CQHCWC's ICU.
        UUID w2 = woman("刘", "春梅", LocalDate.of(1989, 9, 3), 952);
        UUID p2 = pregnancy(w2, t.minusDays(180), t.minusDays(232));
        var c2 = cases.report(new CriticalCases.NewCase(w2, null, p2, "PREGNANT", null, null, at(t.minusDays(2), 9), "HELLP综合征，弥散性血管内凝血",
                new Checklist(List.of("CLOTTING_FAILURE"), null, null, null, null, null, null, new BigDecimal("38"), null, null, null), true));
        var c2b = as(centre, () -> cases.addTeamMember(c2.id(), new CriticalCases.TeamMember("王建华", "产科主任", c2.version())));
        var c2c = as(centre, () -> cases.addTeamMember(c2.id(), new CriticalCases.TeamMember("李敏", "ICU医师", c2b.version())));
        as(centre, () -> cases.recordInterventions(c2.id(), new CriticalCases.Interventions(2, new BigDecimal("4"), false, null, c2c.version())));

        // 3. NEAR_MISS: postpartum haemorrhage, hysterectomy, survived — with a facility review and one open action.
        UUID w3 = woman("陈", "丽", LocalDate.of(1991, 1, 22), 954);
        var c3 = cases.report(new CriticalCases.NewCase(w3, null, null, "POSTPARTUM", null, t.minusDays(26), at(t.minusDays(25), 22),
                "产后出血（子宫收缩乏力），失血性休克", findings("SHOCK"), true));
        var c3a = as(centre, () -> cases.addTeamMember(c3.id(), new CriticalCases.TeamMember("王建华", "产科主任", c3.version())));
        var c3b = as(centre, () -> cases.recordInterventions(c3.id(), new CriticalCases.Interventions(3, new BigDecimal("10"), true, "HAEMORRHAGE",
                c3a.version())));
        as(centre, () -> cases.recordOutcome(c3.id(), new CriticalCases.Outcome("SURVIVED", "DISCHARGE", t.minusDays(12), c3b.version())));
        var r3 = as(centre, () -> reviews.create(new CaseReviews.NewReview(null, c3.id(), "FACILITY", t.minusDays(5),
                List.of(new CaseReviews.Member("王建华", "产科主任", "重庆市妇幼保健院"), new CaseReviews.Member("赵红", "护士长", "重庆市妇幼保健院"),
                        new CaseReviews.Member("周明", "麻醉科主任", "重庆市妇幼保健院")))));
        as(centre, () -> reviews.conclude(r3.id(), new CaseReviews.Conclusion("AVOIDABLE_UNDER_CONDITIONS", "产后2小时内出血评估不足，转诊前未建立两条静脉通路。",
                List.of(new CaseReviews.Factor("FACILITY", "RECEIVING", "基层产后出血量评估不准确，宫缩剂使用延迟"),
                        new CaseReviews.Factor("HEALTH_SYSTEM", "REACHING", "转运途中缺少血制品")),
                List.of(new CaseReviews.NewAction("社区卫生服务中心开展产后出血称重法培训并考核", "CHC-500117-1", "中心主任", t.plusDays(20))),
                r3.version())));

        // 4. Survived without a WHO criterion (severe pre-eclampsia, stabilised).
        UUID w4 = woman("张", "秀兰", LocalDate.of(1995, 6, 30), 956);
        var c4 = cases.report(new CriticalCases.NewCase(w4, null, null, "PREGNANT", 34, null, at(t.minusDays(8), 14), "重度子痫前期",
                new Checklist(List.of(), new BigDecimal("7.25"), null, new BigDecimal("24"), null, null, null, new BigDecimal("96"), null, null, null), true));
        as(centre, () -> cases.recordOutcome(c4.id(), new CriticalCases.Outcome("SURVIVED", "DISCHARGE", t.minusDays(3), c4.version())));

        // 5. MATERNAL_DEATH: amniotic fluid embolism; her pregnancy ended by death opens the report; a finished city review.
        UUID w5 = woman("王", "芳", LocalDate.of(1987, 11, 8), 958);
        UUID p5 = pregnancy(w5, t.minusDays(240), t.minusDays(300));
        var c5 = cases.report(new CriticalCases.NewCase(w5, null, p5, "PREGNANT", null, null, at(t.minusDays(40), 3), "羊水栓塞，心跳骤停",
                findings("CARDIAC_ARREST", "CPR", "CLOTTING_FAILURE"), true));
        LocalDate died = t.minusDays(39);
        as(centre, () -> pregnancies.end(p5, "MATERNAL_DEATH", died, pregnancies.readForWrite(p5).version()));
        var c5b = as(centre, () -> cases.addTeamMember(c5.id(), new CriticalCases.TeamMember("王建华", "产科主任", c5.version())));
        var c5c = as(centre, () -> cases.recordInterventions(c5.id(), new CriticalCases.Interventions(1, new BigDecimal("16"), true, "HAEMORRHAGE",
                c5b.version())));
        var c5d = as(centre, () -> cases.recordOutcome(c5.id(), new CriticalCases.Outcome("DIED", "DEATH", died, c5c.version())));
        UUID d5 = c5d.deathReportId();
        var card5 = as(centre, () -> deaths.updateCard(d5, new DeathReports.Card(38, "RURAL", "LOCAL", "初中", 2, 1, "INTRAPARTUM", null,
                null, null, 37, 6, "PROVINCIAL_CITY_HOSPITAL", "PROVINCIAL_CITY", "OTHER_OBSTETRIC_COMPLICATIONS", "O88.1", "羊水栓塞",
                "分娩过程中突发呼吸困难、抽搐、心跳骤停", deaths.get(d5).version())));
        as(centre, () -> deaths.report(d5, new DeathReports.Submission(card5.version())));
        var r5 = as(city, () -> reviews.create(new CaseReviews.NewReview(d5, null, "CITY", t.minusDays(10),
                List.of(new CaseReviews.Member("张国庆", "主任委员（产科）", "重庆医科大学附属第一医院"), new CaseReviews.Member("刘洁", "委员（麻醉）", "重庆市妇幼保健院"),
                        new CaseReviews.Member("黄伟", "委员（ICU）", "重庆市人民医院"), new CaseReviews.Member("吴涛", "秘书", "市卫健委妇幼处")))));
        var r5c = as(city, () -> reviews.conclude(r5.id(), new CaseReviews.Conclusion("AVOIDABLE_UNDER_CONDITIONS",
                "羊水栓塞起病凶险；高龄、瘢痕子宫孕妇未按橙色管理要求提前转诊，社区未识别风险。",
                List.of(new CaseReviews.Factor("WOMAN_FAMILY", "DECIDING", "孕妇及家属拒绝提前住院待产"),
                        new CaseReviews.Factor("FACILITY", "RECEIVING", "基层未按橙色风险管理转诊；产房未常规备用羊水栓塞抢救预案"),
                        new CaseReviews.Factor("HEALTH_SYSTEM", "REACHING", "区县间急救转运调度时间长")),
                List.of(new CaseReviews.NewAction("全区高危孕产妇专案管理复核：橙色及以上孕妇须于孕36周前转诊至指定中心", "CHC-500117-1", "中心主任", t.plusDays(10)),
                        new CaseReviews.NewAction("修订产科危急重症急救预案并开展羊水栓塞演练", "CQHCWC", "医务科", t.plusDays(20))),
                r5.version())));
        for (var a : r5c.actions()) {
            Actor owner = a.ownerInstitutionCode().equals("CQHCWC") ? centre : hc;
            as(owner, () -> reviews.close(a.id(), new CaseReviews.ActionUpdate("已落实：" + a.description(), a.version())));
        }
        var n5 = as(city, () -> notices.issue(new InterviewNotices.NewNotice("INTERVIEW", "CHC-500117-1", t.minusDays(8), "孕产妇死亡约谈",
                "王芳（橙色风险）未按规定转诊，专案管理不到位", "两周内提交整改报告：高危孕产妇专案管理制度、转诊流程",
                t.plusDays(6), List.of(c5.id()), List.of(d5))));
        notices.respond(n5.id(), new InterviewNotices.Reply("已完成高危专案复核42例，修订转诊流程，全员培训。", n5.version()));

        // 6. A postpartum death at home, learned of 4 days ago and still unreported: overdue, escalated to the city.
        UUID w6 = woman("赵", "静", LocalDate.of(1994, 2, 14), 960);
        deaths.open(new DeathReports.ManualOpening(w6, null, t.minusDays(4)));
        as(city, () -> notices.issue(new InterviewNotices.NewNotice("NOTICE", "CHC-500117-1", t, "孕产妇死亡迟报通报",
                "赵静产后死亡逾2日未上报孕产妇死亡报告卡", "立即补报并说明原因", t.plusDays(3), List.of(), List.of())));

        // 7. A death reported in time (day 1).
        UUID w7 = woman("孙", "丽", LocalDate.of(1990, 8, 19), 962);
        var d7 = deaths.open(new DeathReports.ManualOpening(w7, null, t.minusDays(1)));
        var card7 = deaths.updateCard(d7.id(), new DeathReports.Card(35, "URBAN", "NON_LOCAL", "高中", 3, 2, "POSTPARTUM", t.minusDays(9),
                "合川区人民医院", "剖宫产", 39, 8, "DISTRICT_HOSPITAL", "DISTRICT", "NON_OBSTETRIC_COMPLICATIONS", "O99.4",
                "围产期心肌病", "产后第8天心力衰竭", d7.version()));
        deaths.report(d7.id(), new DeathReports.Submission(card7.version()));
        return null;
    }
}
