package cn.fuyou.training.internal;

import static cn.fuyou.shared.CurrentActor.as;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.training.AllianceProgramme;
import cn.fuyou.training.Courses;
import cn.fuyou.training.Enrolments;
import cn.fuyou.training.Certificates;
import cn.fuyou.training.Profession;
import cn.fuyou.training.ResearchRegistry;
import cn.fuyou.training.SkillAssessments;
import cn.fuyou.training.SkillChecklist;
import cn.fuyou.training.SkillChecklists;
import cn.fuyou.training.Trainees;
import cn.fuyou.training.Workers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only, first start: a year of training across the network, made through the module's
 * own services as the demo staff (so audit, facts and versions are what real use leaves): health
 * workers in district MCH hospitals, community health centres and nurseries; ten courses with their
 * sessions, enrolments and attendance; district and city skill rounds with a re-assessment round,
 * certificates (some due for renewal within 90 days); graduate students and fellows with rotations;
 * research projects and outputs; the alliance's council meetings, plan, coaching visits and agreements.
 */
@Component
class DemoTraining {

    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "谭", "冉"};
    private static final String[] GIVEN = {"芳", "敏", "静", "丽", "娟", "燕", "霞", "艳", "婷", "雪", "琳", "倩", "佳", "颖", "洁", "蓉", "萍", "红", "梅", "兰", "晓雯", "春燕", "小红", "玉兰", "思雨"};
    private static final String[] DISTRICTS = {"500105", "500117", "500106", "500112", "500103", "500108", "500101", "500102", "500152", "500229", "500116", "500114"};

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Workers workers;
    private final Courses courses;
    private final Enrolments enrolments;
    private final SkillAssessments assessments;
    private final SkillChecklists checklists;
    private final Certificates certificates;
    private final Trainees trainees;
    private final ResearchRegistry research;
    private final AllianceProgramme alliance;
    private final boolean enabled;
    private final Directory directory;
    private final cn.fuyou.registry.Areas areas;

    DemoTraining(Directory directory, cn.fuyou.registry.Areas areas, JdbcClient jdbc, TransactionTemplate tx, Workers workers, Courses courses, Enrolments enrolments, SkillAssessments assessments,
                 SkillChecklists checklists, Certificates certificates, Trainees trainees, ResearchRegistry research, AllianceProgramme alliance,
                 @Value("${fuyou.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.workers = workers;
        this.courses = courses;
        this.enrolments = enrolments;
        this.assessments = assessments;
        this.checklists = checklists;
        this.certificates = certificates;
        this.trainees = trainees;
        this.research = research;
        this.alliance = alliance;
        this.enabled = enabled;
        this.directory = directory;
        this.areas = areas;
    }

    private Actor actor(String username, String institution, StaffRole role) {
        return new Actor(username, username, role, directory.byCode(institution).orElseThrow().id(), institution, null);
    }


    @EventListener(ApplicationReadyEvent.class)
    @Order(90)
    void load() {
        if (!enabled || jdbc.sql("select count(*) from training_course").query(Long.class).single() > 0) return;
        if (directory.byCode("CQHCWC").isEmpty() || directory.byCode("CQMU-CH").isEmpty()) return;
        long t0 = System.currentTimeMillis();
        try {
            tx.executeWithoutResult(s -> build(new Random(13), LocalDate.now(ChinaTime.ZONE)));
        } catch (RuntimeException e) {
            log.warn("training demo not loaded: {}", e.getMessage(), e);
            return;
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Training demo: {} workers, {} sessions, {} enrolments, {} assessments, {} certificates in {} ms",
                count("training_worker"), count("training_session"), count("training_enrolment"), count("skill_assessment"),
                count("training_certificate"), System.currentTimeMillis() - t0);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private record W(UUID id, String institution, Profession profession) {}

    private void build(Random rnd, LocalDate today) {
        Actor admin = actor("admin", "CQHCWC", StaffRole.SYSTEM_ADMIN);
        Actor centre = actor("cqfy-admin", "CQHCWC", StaffRole.INSTITUTION_ADMIN);
        Actor assessor = actor("cqfy-midwife", "CQHCWC", StaffRole.MIDWIFE_NURSE);
        Actor children = actor("etyy-doctor", "CQMU-CH", StaffRole.CLINICIAN);

        // --- health workers ---
        List<W> all = new ArrayList<>();
        as(admin, () -> {
            all.add(worker("刘芳", "CQHCWC", Profession.MIDWIFE, "cqfy-midwife"));
            all.add(worker("陈静", "CQHCWC", Profession.OBSTETRICIAN, "cqfy-doctor"));
            all.add(worker("杨丽", "CHC-500117-1", Profession.COMMUNITY_DOCTOR, "hc-doctor"));
            for (String d : DISTRICTS) {
                String mch = "MCH-" + d;
                for (int k = 0; k < 7; k++) all.add(worker(name(rnd), mch, Profession.MIDWIFE, null));
                for (int k = 0; k < 2; k++) all.add(worker(name(rnd), mch, Profession.OBSTETRICIAN, null));
                all.add(worker(name(rnd), mch, Profession.PAEDIATRICIAN, null));
                all.add(worker(name(rnd), "CHC-" + d + "-1", Profession.COMMUNITY_DOCTOR, null));
                all.add(worker(name(rnd), "CHC-" + d + "-2", Profession.COMMUNITY_DOCTOR, null));
            }
            for (int n = 1; n <= 10; n++) for (int k = 0; k < 3; k++) all.add(worker(name(rnd), "NUR-" + n, Profession.NURSERY_CARER, null));
            for (int k = 0; k < 6; k++) all.add(worker(name(rnd), "CQMU-CH", Profession.NEONATOLOGIST, null));
            for (int k = 0; k < 6; k++) all.add(worker(name(rnd), "CQHCWC", Profession.ART_SPECIALIST, null));
            for (int k = 0; k < 8; k++) all.add(worker(name(rnd), "CQHCWC", Profession.MIDWIFE, null));
            return null;
        });

        // --- a year of courses ---
        record C(String title, Courses.Topic topic, Courses.Mode mode, List<Profession> audience, int credit, String organiser, int sessions, int capacity) {}
        List<C> plan = List.of(
                new C("助产士产房急救技能培训班", Courses.Topic.MIDWIFERY, Courses.Mode.OFFLINE, List.of(Profession.MIDWIFE), 12, "CQHCWC", 4, 40),
                new C("预防艾滋病、梅毒和乙肝母婴传播技术培训", Courses.Topic.PMTCT, Courses.Mode.BLENDED, List.of(Profession.MIDWIFE, Profession.OBSTETRICIAN, Profession.COMMUNITY_DOCTOR), 8, "CQHCWC", 3, 60),
                new C("危重孕产妇救治能力提升培训", Courses.Topic.CRITICAL_CARE, Courses.Mode.OFFLINE, List.of(Profession.OBSTETRICIAN, Profession.MIDWIFE), 16, "CQHCWC", 2, 50),
                new C("产科质量控制研讨会", Courses.Topic.OBSTETRIC_QUALITY, Courses.Mode.OFFLINE, List.of(Profession.OBSTETRICIAN), 6, "CQHCWC", 2, 60),
                new C("新生儿复苏技术培训", Courses.Topic.NEONATAL, Courses.Mode.OFFLINE, List.of(Profession.MIDWIFE, Profession.PAEDIATRICIAN, Profession.NEONATOLOGIST), 8, "CQMU-CH", 3, 40),
                new C("托育机构保育人员岗位培训（线上）", Courses.Topic.NURSERY_CARE, Courses.Mode.ONLINE, List.of(Profession.NURSERY_CARER), 20, "CQHCWC", 2, 100),
                new C("婴幼儿回应性照护实操培训", Courses.Topic.NURSERY_CARE, Courses.Mode.OFFLINE, List.of(Profession.NURSERY_CARER), 6, "CQHCWC", 2, 30),
                new C("基层孕产妇健康管理培训", Courses.Topic.MIDWIFERY, Courses.Mode.ONLINE, List.of(Profession.COMMUNITY_DOCTOR), 4, "CQHCWC", 2, 80),
                new C("辅助生殖技术规范化培训（国家级培训基地）", Courses.Topic.ART, Courses.Mode.OFFLINE, List.of(Profession.ART_SPECIALIST), 40, "CQHCWC", 1, 20),
                new C("儿童早期发展与保健培训", Courses.Topic.CHILD_HEALTH, Courses.Mode.BLENDED, List.of(Profession.PAEDIATRICIAN, Profession.COMMUNITY_DOCTOR), 8, "CQMU-CH", 2, 50));
        for (C c : plan) {
            Actor organiser = "CQMU-CH".equals(c.organiser()) ? children : centre;
            as(organiser, () -> {
                UUID course = courses.create(new Courses.CourseForm(c.title(), null, c.topic(), c.mode(), c.audience(), BigDecimal.valueOf(c.credit()),
                        List.of(), null, null));
                for (int k = 0; k < c.sessions(); k++) {
                    // spread over the past year; the last session of some courses lies ahead (enrolment open)
                    int back = 340 - k * (330 / Math.max(1, c.sessions())) - rnd.nextInt(20);
                    boolean ahead = k == c.sessions() - 1 && rnd.nextInt(3) == 0;
                    LocalDate starts = ahead ? today.plusDays(14 + rnd.nextInt(40)) : today.minusDays(Math.max(3, back));
                    LocalDate ends = starts.plusDays(c.credit() >= 16 ? 2 : 0);
                    UUID session = courses.addSession(course, new Courses.SessionForm(starts, ends.isAfter(today) && !ahead ? today : ends,
                            c.mode() == Courses.Mode.ONLINE ? "线上直播" : "重庆市妇幼保健院培训中心", c.capacity(), null));
                    List<W> audience = all.stream().filter(w -> c.audience().contains(w.profession())).toList();
                    List<W> pick = new ArrayList<>(audience);
                    java.util.Collections.shuffle(pick, rnd);
                    int n = Math.min(pick.size(), (int) (c.capacity() * (0.6 + rnd.nextDouble() * 0.35)));
                    List<Enrolments.Mark> marks = new ArrayList<>();
                    for (W w : pick.subList(0, n)) {
                        UUID e = enrolments.enrol(session, new Enrolments.Enrol(w.id(), null)).id();
                        marks.add(new Enrolments.Mark(e, rnd.nextInt(100) < 90 ? Enrolments.Status.ATTENDED : Enrolments.Status.ABSENT, null));
                    }
                    if (!ahead) enrolments.attendance(session, marks);
                }
                return null;
            });
        }

        // --- skill rounds: district rounds, city rounds, a re-assessment, and an old round whose certificates are due ---
        record R(String title, SkillAssessments.Level level, String area, String skill, int daysAgo, String organiser) {}
        List<R> rounds = new ArrayList<>();
        rounds.add(new R("市级新生儿复苏技能考核（上一周期）", SkillAssessments.Level.CITY, "500000", "NEONATAL_RESUSCITATION", 730 - 45, "CQHCWC"));
        String[] skillsByDistrict = {"NEONATAL_RESUSCITATION", "PPH_MANAGEMENT"};
        for (int i = 0; i < 6; i++) {
            String d = DISTRICTS[i];
            String skill = skillsByDistrict[i % 2];
            rounds.add(new R(districtName(d) + "助产士" + (skill.equals("PPH_MANAGEMENT") ? "产后出血处理" : "新生儿复苏") + "技能考核", SkillAssessments.Level.DISTRICT, d,
                    skill, 300 - i * 40, "MCH-" + d));
        }
        rounds.add(new R("全市助产士肩难产处理技能竞赛考核", SkillAssessments.Level.CITY, "500000", "SHOULDER_DYSTOCIA", 120, "CQHCWC"));
        rounds.add(new R("全市预防母婴传播咨询技能考核", SkillAssessments.Level.CITY, "500000", "PMTCT_COUNSELLING", 60, "CQHCWC"));
        Map<String, UUID> roundIds = new LinkedHashMap<>();
        for (R r : rounds) {
            Actor organiser = "CQHCWC".equals(r.organiser()) ? centre : actor("demo-" + r.organiser().toLowerCase(), r.organiser(), StaffRole.INSTITUTION_ADMIN);
            LocalDate held = today.minusDays(r.daysAgo());
            UUID round = as(organiser, () -> insertRound(r.title(), r.level(), r.area(), r.skill(), held, organiser));
            roundIds.put(r.title(), round);
            List<W> candidates = all.stream().filter(w -> w.profession() == Profession.MIDWIFE
                    && (r.level() == SkillAssessments.Level.CITY ? rnd.nextInt(4) == 0 : w.institution().equals("MCH-" + r.area()))).toList();
            for (W w : candidates) {
                var a = as(assessor, () -> assessments.score(round, new SkillAssessments.Score(w.id(), scores(rnd, checklists.current(r.skill())), held, null)));
                if (a.passed()) {
                    LocalDate issued = held.plusDays(3).isAfter(today) ? today : held.plusDays(3);
                    as(centre, () -> certificates.issue(a.id(), issued));
                }
            }
        }
        // re-assessment of those who failed the first district round
        String firstDistrict = rounds.get(1).title();
        UUID failed = roundIds.get(firstDistrict);
        var retake = as(centre, () -> assessments.createRound(new SkillAssessments.RoundForm(firstDistrict + "（补考）", SkillAssessments.Level.DISTRICT,
                rounds.get(1).area(), rounds.get(1).skill(), today.minusDays(300 - 30), List.of("cqfy-midwife", "cqfy-admin"), failed)));
        for (var c : as(centre, () -> assessments.candidates(failed))) {
            var a = as(assessor, () -> assessments.score(retake, new SkillAssessments.Score(c.workerId(), scores(rnd, checklists.current(rounds.get(1).skill())),
                    today.minusDays(270), "补考")));
            if (a.passed()) as(centre, () -> certificates.issue(a.id(), today.minusDays(268)));
        }

        // --- trainees and programmes ---
        as(children, () -> {
            UUID master = trainees.createProgramme(new Trainees.ProgrammeForm("儿科学硕士研究生培养", Trainees.Kind.MASTER, 3));
            UUID fellow = trainees.createProgramme(new Trainees.ProgrammeForm("新生儿重症监护进修", Trainees.Kind.FELLOWSHIP, 1));
            String[] divisions = {"新生儿科", "儿童重症医学科（PICU）", "呼吸内科", "心血管内科", "儿童保健科", "急诊科"};
            String[] supervisors = {"李教授", "赵教授", "王主任", "周主任"};
            for (int k = 0; k < 8; k++) {
                boolean isFellow = k >= 5;
                LocalDate starts = isFellow ? today.minusMonths(2 + k) : today.minusYears(k % 3).withMonth(9).withDayOfMonth(1);
                if (starts.isAfter(today)) starts = starts.minusYears(1);
                UUID t = trainees.register(new Trainees.TraineeForm(isFellow ? fellow : master, name(rnd), isFellow ? Profession.PAEDIATRICIAN : Profession.RESIDENT,
                        supervisors[k % supervisors.length], starts, starts.plusYears(isFellow ? 1 : 3)));
                LocalDate r = starts;
                for (int j = 0; j < 3 && r.plusMonths(3).isBefore(today); j++) {
                    trainees.addRotation(t, new Trainees.RotationForm(divisions[(k + j) % divisions.length], r, r.plusMonths(3).minusDays(1),
                            supervisors[(k + j) % supervisors.length], j % 2 == 0 ? "出科考核合格" : "优秀"));
                    r = r.plusMonths(3);
                }
            }
            return null;
        });
        as(centre, () -> {
            UUID art = trainees.createProgramme(new Trainees.ProgrammeForm("国家辅助生殖技术培训基地进修班", Trainees.Kind.ART_BASE, 1));
            for (int k = 0; k < 4; k++) {
                trainees.register(new Trainees.TraineeForm(art, name(rnd), Profession.ART_SPECIALIST, "生殖医学中心 黄主任", today.minusMonths(4 + k),
                        today.minusMonths(4 + k).plusMonths(6)));
            }
            // --- research registry ---
            UUID p1 = research.createProject(new ResearchRegistry.ProjectForm("重庆市3岁以下婴幼儿照护服务质量评价研究", "重庆市卫生健康委员会", "2023WSJK012",
                    ResearchRegistry.Centre.INFANT_CARE_GUIDANCE_CENTRE, LocalDate.of(2023, 7, 1), LocalDate.of(2026, 6, 30), "谭主任", List.of("冉医生", "周护师", "何老师"), null));
            UUID p2 = research.createProject(new ResearchRegistry.ProjectForm("托育机构保育人员胜任力模型与培训体系构建", "重庆市科学技术局", "cstc2024jscx-msxm0031",
                    ResearchRegistry.Centre.INFANT_CARE_GUIDANCE_CENTRE, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), "谭主任", List.of("刘老师", "吴护师"), null));
            UUID p3 = research.createProject(new ResearchRegistry.ProjectForm("高龄女性冻融胚胎移植结局的多中心队列研究", "国家重点研发计划", "2022YFC2702500",
                    ResearchRegistry.Centre.ART_CENTRE, LocalDate.of(2022, 12, 1), LocalDate.of(2026, 11, 30), "黄主任", List.of("胡医生", "罗医生", "马技师"), null));
            research.createProject(new ResearchRegistry.ProjectForm("卵巢低反应患者个体化促排卵方案研究", "国家自然科学基金", "82371234",
                    ResearchRegistry.Centre.ART_CENTRE, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), "黄主任", List.of("胡医生"), null));
            research.addOutput(new ResearchRegistry.OutputForm(p1, ResearchRegistry.OutputKind.PAPER, "重庆市托育机构卫生保健现状调查", "谭某, 冉某, 周某",
                    "中国妇幼保健", LocalDate.of(2024, 5, 20), null));
            research.addOutput(new ResearchRegistry.OutputForm(p2, ResearchRegistry.OutputKind.TEXTBOOK, "婴幼儿照护实务（保育人员培训教材）", "重庆市婴幼儿照护服务示范指导中心 编",
                    "重庆大学出版社", LocalDate.of(2024, 9, 1), "ISBN 978-7-5689-0000-0"));
            research.addOutput(new ResearchRegistry.OutputForm(p2, ResearchRegistry.OutputKind.STANDARD, "托育机构保育人员培训规范（地方标准征求意见稿）", "谭某 等",
                    null, LocalDate.of(2025, 3, 1), null));
            research.addOutput(new ResearchRegistry.OutputForm(p3, ResearchRegistry.OutputKind.PAPER, "Cumulative live birth after frozen embryo transfer in women aged 38–42",
                    "Huang X, Hu Y, Luo J", "Human Reproduction", LocalDate.of(2025, 2, 10), "10.1093/humrep/demo.2025"));

            // --- the alliance's capability programme ---
            alliance.importLegacyTexts();
            List<String> members = directory.allianceMembers().stream().filter(i -> "ACTIVE".equals(i.alliance().status()))
                    .map(cn.fuyou.registry.Institution::code).filter(c -> !"CQHCWC".equals(c)).limit(12).toList();
            alliance.recordMeeting(new AllianceProgramme.MeetingForm(today.minusDays(200), "重庆市妇幼专科联盟理事会年度会议", "重庆市妇幼保健院学术厅",
                    members.subList(0, 10), "审议联盟年度工作报告；通过能力提升计划；部署助产技能分级考核与基层帮扶。",
                    List.of(new AllianceProgramme.DecisionForm("各成员单位于本年度内完成助产士新生儿复苏技能考核全覆盖", members.get(0), "医务科", today.minusDays(20)),
                            new AllianceProgramme.DecisionForm("建立远程会诊月度质控通报制度", "CQHCWC", "联盟办公室", today.plusDays(30)),
                            new AllianceProgramme.DecisionForm("牵头编写基层产后出血处理培训教材", members.get(1), "产科", today.plusDays(90)))));
            alliance.recordMeeting(new AllianceProgramme.MeetingForm(today.minusDays(60), "联盟理事会第二次会议（线上）", "线上",
                    members.subList(2, 12), "通报上半年能力提升计划进展；讨论贵州、四川成员单位进修名额分配。",
                    List.of(new AllianceProgramme.DecisionForm("增加贵州成员单位进修名额至每季度6名", "CQHCWC", "科教科", today.plusDays(45)))));
            int year = today.getYear();
            for (int i = 0; i < 8; i++) {
                String m = members.get(i);
                var t1 = alliance.setTarget(new AllianceProgramme.TargetForm(year, m, AllianceProgramme.Measure.STAFF_TRAINED, "本年度培训人次",
                        BigDecimal.valueOf(40 + 10 * (i % 3))));
                alliance.setTarget(new AllianceProgramme.TargetForm(year, m, AllianceProgramme.Measure.MIDWIVES_ASSESSED, "助产士技能考核人次",
                        BigDecimal.valueOf(10 + i)));
                long v = jdbc.sql("select version from capability_target where id = ?").param(t1).query(Long.class).single();
                alliance.progress(t1, BigDecimal.valueOf(10 + rnd.nextInt(40)), v);
            }
            for (int i = 0; i < 10; i++) {
                alliance.recordVisit(new AllianceProgramme.VisitForm(members.get(i % members.size()), today.minusDays(20 + i * 30L),
                        i % 3 == 0 ? AllianceProgramme.VisitKind.COACHING : AllianceProgramme.VisitKind.TRAINING, "产科 陈静医生、助产士 刘芳",
                        i % 2 == 0 ? "产后出血处理流程演练；新生儿复苏模拟培训" : "危重孕产妇识别与转诊；产科质控指标解读", i % 3 == 0 ? "建议配置宫腔球囊，完善输血预案" : null,
                        15 + rnd.nextInt(30)));
            }
            alliance.uploadAgreement(members.get(0), "妇幼专科联盟合作协议（续签）", today.minusDays(100), today.plusYears(3), "agreement.pdf", samplePdf());
            return null;
        });
    }

    private UUID insertRound(String title, SkillAssessments.Level level, String area, String skill, LocalDate held, Actor organiser) {
        return assessments.createRound(new SkillAssessments.RoundForm(title, level, area, skill, held, List.of("cqfy-midwife", "cqfy-admin"), null));
    }

    /** About four in five pass; some lose a critical item, some fall below the mark. */
    private static Map<String, BigDecimal> scores(Random rnd, SkillChecklist c) {
        Map<String, BigDecimal> s = new LinkedHashMap<>();
        int kind = rnd.nextInt(10);
        for (SkillChecklist.Item i : c.items()) {
            BigDecimal p = i.points();
            if (!i.critical() && rnd.nextInt(3) == 0) p = p.subtract(BigDecimal.valueOf(rnd.nextInt(3))).max(BigDecimal.ZERO);
            if (kind == 0 && !i.critical()) p = p.divide(BigDecimal.valueOf(2), 0, java.math.RoundingMode.DOWN);
            s.put(i.code(), p);
        }
        if (kind == 1) {
            SkillChecklist.Item critical = c.items().stream().filter(SkillChecklist.Item::critical).skip(rnd.nextInt(2)).findFirst().orElseThrow();
            s.put(critical.code(), critical.points().subtract(BigDecimal.valueOf(5)).max(BigDecimal.ZERO));
        }
        return s;
    }

    private W worker(String name, String institution, Profession p, String login) {
        return new W(workers.register(new Workers.NewWorker(name, institution, p, login)).id(), institution, p);
    }

    private static String name(Random rnd) {
        return FAMILY[rnd.nextInt(FAMILY.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
    }

    private String districtName(String code) {
        return areas.find(code).map(cn.fuyou.registry.Area::nameZh).orElse(code);
    }

    /** A small valid PDF for the demo agreement. */
    static byte[] samplePdf() {
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length 58>>stream\nBT /F1 18 Tf 72 760 Td (Alliance cooperation agreement) Tj ET\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
