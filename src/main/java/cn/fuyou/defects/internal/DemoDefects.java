package cn.fuyou.defects.internal;

import static cn.fuyou.shared.CurrentActor.as;

import cn.fuyou.defects.DefectFacts;
import cn.fuyou.defects.DefectRegistrations;
import cn.fuyou.defects.FollowUps;
import cn.fuyou.defects.ParameterSets;
import cn.fuyou.defects.PreconceptionChecks;
import cn.fuyou.defects.PrenatalScreens;
import cn.fuyou.defects.RegistrationForm;
import cn.fuyou.defects.ScreenForm;
import cn.fuyou.maternal.Deliveries;
import cn.fuyou.maternal.DeliveryForm;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonForm;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.reporting.IndicatorFigures;
import cn.fuyou.reporting.StatsAccess;
import cn.fuyou.reporting.StatsScope;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.StaffRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Demo profile only, first start (issue 17 §7): the illustrative parameter set; screening results across
 * the §7 bands (low, intermediate, high, ONTD, a computed risk, NIPT, NT, anomaly ultrasound); follow-ups at
 * every step (one overdue); a Down syndrome diagnosed by amniocentesis and registered at delivery (child on
 * the high-risk list); a termination after prenatal diagnosis; defects found at birth; pre-pregnancy checks.
 * Everything goes through the module's services as CQHCWC's doctor, so facts and audit are real. The
 * demo year's perinatal births (loaded in bulk) are counted by maternal age group from its facts.
 */
@Component
class DemoDefects {

    private static final Logger log = LoggerFactory.getLogger(DemoDefects.class);
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final JdbcClient jdbc;
    private final Persons persons;
    private final cn.fuyou.registry.PersonRegistration registration;
    private final Pregnancies pregnancies;
    private final Deliveries deliveries;
    private final PrenatalScreens screens;
    private final FollowUps followUps;
    private final DefectRegistrations registrations;
    private final PreconceptionChecks checks;
    private final ParameterSets parameterSets;
    private final DeliveryCounts counts;
    private final IndicatorFigures figures;
    private final StatsAccess stats;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoDefects(JdbcClient jdbc, Persons persons, cn.fuyou.registry.PersonRegistration registration, Pregnancies pregnancies,
                Deliveries deliveries, PrenatalScreens screens, FollowUps followUps, DefectRegistrations registrations,
                PreconceptionChecks checks, ParameterSets parameterSets, DeliveryCounts counts, IndicatorFigures figures, StatsAccess stats,
                TransactionTemplate tx, @Value("${fuyou.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.registration = registration;
        this.pregnancies = pregnancies;
        this.deliveries = deliveries;
        this.screens = screens;
        this.followUps = followUps;
        this.registrations = registrations;
        this.checks = checks;
        this.parameterSets = parameterSets;
        this.counts = counts;
        this.figures = figures;
        this.stats = stats;
        this.tx = tx;
        this.enabled = enabled;
    }

    private Actor actor(String username, String name, String institution, StaffRole role, String area) {
        UUID id = jdbc.sql("select id from institution where code = ?").param(institution).query(UUID.class).single();
        return new Actor(username, name, role, id, institution, area);
    }


    @EventListener(ApplicationReadyEvent.class)
    @Order(110)
    void load() {
        if (!enabled || jdbc.sql("select count(*) from prenatal_screen").query(Long.class).single() > 0) return;
        if (jdbc.sql("select count(*) from institution where code = 'CQHCWC'").query(Long.class).single() == 0) return;
        long t0 = System.currentTimeMillis();
        Actor doctor = actor("cqfy-doctor", "产科 陈静医生", "CQHCWC", StaffRole.CLINICIAN, null);
        Actor admin = actor("admin", "系统管理员 王敏", "CQHCWC", StaffRole.SYSTEM_ADMIN, "500000");
        try {
            tx.executeWithoutResult(s -> as(doctor, this::scenario));
            tx.executeWithoutResult(s -> as(admin, this::backfill));
        } catch (RuntimeException e) {
            log.warn("birth-defects demo not loaded: {}", e.getMessage(), e);
            return;
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("birth-defects demo: {} screens, {} follow-ups, {} registrations in {} ms",
                jdbc.sql("select count(*) from prenatal_screen").query(Long.class).single(),
                jdbc.sql("select count(*) from defect_follow_up").query(Long.class).single(),
                jdbc.sql("select count(*) from defect_registration").query(Long.class).single(), System.currentTimeMillis() - t0);
    }

    private int seq = 700;

    private UUID woman(String family, String given, LocalDate birth, String area) {
        String idNumber = ResidentIdNumber.compose(area, birth, seq++ * 2 % 1000);
        return persons.findByDocument("RESIDENT_ID", idNumber).orElseGet(() -> registration.register(new PersonForm(family, given, "F", birth,
                "RESIDENT_ID", idNumber, "中国", "1390231" + String.format("%04d", seq), area, null, null, null, true, null)).id());
    }

    private UUID pregnancy(UUID woman, LocalDate lmp) {
        LocalDate t = LocalDate.now(ChinaTime.ZONE);
        LocalDate registered = lmp.plusDays(70).isAfter(t) ? t : lmp.plusDays(70);
        return pregnancies.register(new PregnancyRegistration(woman, null, registered, 2, 1, lmp, null, null, new BigDecimal("160"),
                new BigDecimal("56"), 1, 0, null, null, List.of(), null)).id();
    }

    private static ScreenForm serum(UUID w, String kind, LocalDate sampled, Long t21, Long t18, String afp) {
        return new ScreenForm(w, null, kind, sampled, sampled.plusDays(5), null, new BigDecimal("58"), "CQHCWC", t21, t18,
                afp == null ? null : new BigDecimal(afp), null, null, null, null, null, null, null, null);
    }

    private FollowUps.FollowUpView step(UUID followUp, String step, LocalDate on, Map<String, Object> more) {
        FollowUps.FollowUpView v = followUps.open(followUp);
        return followUps.record(followUp, new FollowUps.StepForm(step, on, v.version(), (String) more.get("note"), (String) more.get("plan"),
                (String) more.get("test"), (String) more.get("result"), (String) more.get("diagnosis"), (String) more.get("icd10"),
                (String) more.get("decision"), (String) more.get("outcome"), (Boolean) more.get("refer"), null));
    }

    private UUID deliver(UUID pregnancy, OffsetDateTime at, String sex, int weight, boolean live) {
        PregnancyRecord p = deliveries.record(pregnancy, new DeliveryForm(at, "VAGINAL", null, null, 300, List.of(), "GOOD", null, null, null, null,
                List.of(new DeliveryForm.Baby(sex, weight, new BigDecimal("49"), new BigDecimal("33"), live ? 8 : 0, live ? 9 : 0, null, live,
                        null, false, null))));
        return p.delivery().newborns().get(0).childId();
    }

    private Void scenario() {
        LocalDate t = LocalDate.now(ChinaTime.ZONE);
        try (InputStream in = getClass().getResourceAsStream("/rules/birth-defects/parameters-illustrative-2026.1.json")) {
            var body = new ObjectMapper().readTree(in);
            parameterSets.ensure(body, body.path("labelZh").asText(), body.path("labelEn").asText(), "demo");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // Open pregnancies at 17–20 weeks: one result in each band.
        UUID low = woman("罗", "静怡", LocalDate.of(1995, 3, 8), "500112");
        pregnancy(low, t.minusDays(125));
        screens.record(serum(low, "SECOND_TRIMESTER_TRIPLE", t.minusDays(12), 12000L, 40000L, "1.05"));
        UUID mid = woman("唐", "雨欣", LocalDate.of(1990, 11, 20), "500105");
        pregnancy(mid, t.minusDays(130));
        screens.record(serum(mid, "SECOND_TRIMESTER_QUADRUPLE", t.minusDays(16), 620L, 9000L, "0.92")); // INTERMEDIATE, counselling overdue
        UUID high = woman("邓", "丽娟", LocalDate.of(1986, 5, 2), "500117");
        pregnancy(high, t.minusDays(140));
        var h = screens.record(serum(high, "SECOND_TRIMESTER_TRIPLE", t.minusDays(20), 95L, 2400L, "0.80"));
        step(h.followUpId(), "COUNSEL", t.minusDays(13), Map.of("plan", "AMNIOCENTESIS", "note", "遗传咨询：建议羊膜腔穿刺，孕妇同意", "refer", true));
        UUID ontd = woman("冉", "晓雪", LocalDate.of(1993, 7, 14), "500106");
        pregnancy(ontd, t.minusDays(128));
        screens.record(serum(ontd, "SECOND_TRIMESTER_DOUBLE", t.minusDays(8), 3500L, null, "2.80"));
        UUID calc = woman("谭", "思琪", LocalDate.of(1984, 9, 30), "500112");
        pregnancy(calc, t.minusDays(126));
        Map<String, Double> markers = new LinkedHashMap<>();
        markers.put("AFP", 22.0);
        markers.put("HCG", 52000.0);
        markers.put("UE3", 2.0);
        screens.record(new ScreenForm(calc, null, "SECOND_TRIMESTER_TRIPLE", t.minusDays(10), t.minusDays(7), null, new BigDecimal("61"), "CQHCWC",
                null, null, null, null, null, null, null, null, markers, "DEMO-ILLUSTRATIVE@2026.1", null));
        UUID nipt = woman("秦", "梦瑶", LocalDate.of(1988, 1, 17), "500103");
        pregnancy(nipt, t.minusDays(120));
        screens.record(new ScreenForm(nipt, null, "NIPT", t.minusDays(9), t.minusDays(2), null, null, "CQHCWC", null, null, null, null, null,
                Map.of("T21", "LOW_RISK", "T18", "LOW_RISK", "T13", "LOW_RISK"), null, null, null, null, null));
        UUID nt = woman("夏", "雨晴", LocalDate.of(1992, 12, 5), "500108");
        pregnancy(nt, t.minusDays(88));
        screens.record(new ScreenForm(nt, null, "FIRST_TRIMESTER_COMBINED", t.minusDays(4), t.minusDays(1), null, new BigDecimal("52"), "CQHCWC",
                240L, 900L, null, null, new BigDecimal("3.6"), null, null, null, null, null, null));

        // A Down syndrome diagnosed by amniocentesis, continued, delivered yesterday morning at 39 weeks (not "today at 06:30":
        // before 06:30 China time that is in the future) and registered at delivery.
        UUID ds = woman("柳", "婉清", LocalDate.of(1985, 4, 21), "500112");
        LocalDate born = t.minusDays(1);
        LocalDate lmp = born.minusDays(273);
        UUID dsp = pregnancy(ds, lmp);
        var s1 = screens.record(serum(ds, "SECOND_TRIMESTER_QUADRUPLE", lmp.plusDays(113), 60L, 5200L, "0.72"));
        step(s1.followUpId(), "COUNSEL", lmp.plusDays(118), Map.of("plan", "AMNIOCENTESIS", "note", "遗传咨询，知情同意"));
        step(s1.followUpId(), "DIAGNOSIS", lmp.plusDays(125), Map.of("test", "KARYOTYPE_CMA"));
        step(s1.followUpId(), "RESULT", lmp.plusDays(146), Map.of("result", "ABNORMAL", "diagnosis", "47,XX,+21（21-三体）", "icd10", "Q90.0"));
        step(s1.followUpId(), "DECISION", lmp.plusDays(150), Map.of("decision", "CONTINUE", "note", "夫妇决定继续妊娠"));
        UUID child = deliver(dsp, born.atTime(6, 30).atOffset(CST), "F", 2950, true);
        registrations.register(new RegistrationForm(ds, dsp, child, s1.followUpId(), t, 39, 2950, "F", "LIVE_BIRTH", lmp.plusDays(146),
                List.of("CHROMOSOME", "CLINICAL"), true, false, null, List.of(new RegistrationForm.Item("DOWN_SYNDROME", "Q90.0", null, null),
                new RegistrationForm.Item("CONGENITAL_HEART_DISEASE", "Q21.2", null, "房室间隔缺损"))));

        // A termination after prenatal diagnosis (anencephaly on the anomaly scan at 23 weeks).
        UUID an = woman("龚", "晓琳", LocalDate.of(1994, 2, 11), "500113");
        LocalDate lmp2 = t.minusDays(175);
        UUID anp = pregnancy(an, lmp2);
        var s2 = screens.record(new ScreenForm(an, null, "ANOMALY_ULTRASOUND", lmp2.plusDays(161), lmp2.plusDays(161), null, null, "CQHCWC", null,
                null, null, null, null, null, "胎儿颅骨强回声环缺失，考虑无脑儿", true, null, null, null));
        step(s2.followUpId(), "COUNSEL", lmp2.plusDays(162), Map.of("plan", "ULTRASOUND_REVIEW", "note", "产前诊断中心会诊"));
        step(s2.followUpId(), "DIAGNOSIS", lmp2.plusDays(163), Map.of("test", "ULTRASOUND"));
        step(s2.followUpId(), "RESULT", lmp2.plusDays(164), Map.of("result", "ABNORMAL", "diagnosis", "无脑儿", "icd10", "Q00.0"));
        step(s2.followUpId(), "DECISION", lmp2.plusDays(166), Map.of("decision", "TERMINATE", "note", "经伦理讨论，孕妇及家属要求终止妊娠"));
        PregnancyRecord pr = pregnancies.readForWrite(anp);
        pregnancies.end(anp, "TERMINATION", lmp2.plusDays(168), pr.version());
        registrations.register(new RegistrationForm(an, anp, null, s2.followUpId(), lmp2.plusDays(168), 24, 620, "M", "TERMINATION",
                lmp2.plusDays(164), List.of("ULTRASOUND", "AUTOPSY"), true, false, null, List.of(new RegistrationForm.Item("ANENCEPHALY", "Q00.0", null, null))));

        // Defects found at birth, with no screening: a cleft lip and a polydactyly; a stillbirth with gastroschisis.
        UUID cl = woman("蒲", "春燕", LocalDate.of(1998, 8, 9), "500117");
        UUID clp = pregnancy(cl, t.minusDays(276));
        UUID clChild = deliver(clp, t.minusDays(2).atTime(14, 0).atOffset(CST), "M", 3300, true);
        registrations.register(new RegistrationForm(cl, clp, clChild, null, t.minusDays(2), 39, 3300, "M", "LIVE_BIRTH", t.minusDays(2),
                List.of("CLINICAL"), false, false, null, List.of(new RegistrationForm.Item("CLEFT_LIP", "Q36.9", "LEFT", null),
                new RegistrationForm.Item("POLYDACTYLY", "Q69.0", "RIGHT", "右手轴后多指"))));
        UUID gs = woman("向", "玉兰", LocalDate.of(1982, 10, 3), "500101");
        UUID gsp = pregnancy(gs, t.minusDays(245));
        deliver(gsp, t.minusDays(5).atTime(9, 0).atOffset(CST), "M", 1900, false);
        registrations.register(new RegistrationForm(gs, gsp, null, null, t.minusDays(5), 34, 1900, "M", "STILLBIRTH", t.minusDays(5),
                List.of("CLINICAL", "AUTOPSY"), false, false, null, List.of(new RegistrationForm.Item("GASTROSCHISIS", "Q79.3", null, null))));

        // Pre-pregnancy checks: a general one, a high-risk one with follow-up overdue.
        UUID pc1 = woman("姚", "诗涵", LocalDate.of(1996, 6, 6), "500112");
        checks.create(new PreconceptionChecks.CheckForm(pc1, null, t.minusDays(30),
                new PreconceptionChecks.Findings(List.of(), null, Map.of("BMI", "21.3", "BP", "112/70"), Map.of("HB", "128 g/L", "RUBELLA_IGG", "阳性")),
                new PreconceptionChecks.Findings(List.of("SMOKING"), "每日10支", Map.of("BP", "124/80"), Map.of("SYPHILIS", "阴性", "HBSAG", "阴性")),
                "GENERAL", List.of(), "建议戒烟，孕前3个月起每日补充叶酸0.4 mg", null, null, t.minusDays(30), t.plusDays(60), null));
        UUID pc2 = woman("胡", "婧", LocalDate.of(1989, 2, 14), "500105");
        checks.create(new PreconceptionChecks.CheckForm(pc2, null, t.minusDays(45),
                new PreconceptionChecks.Findings(List.of("ADVERSE_PREGNANCY", "BIRTH_DEFECT_CHILD"), "既往一胎神经管缺陷引产", Map.of("BMI", "24.8"),
                        Map.of("TSH", "5.9 mIU/L", "RUBELLA_IGG", "阴性")),
                new PreconceptionChecks.Findings(List.of(), null, Map.of(), Map.of("SYPHILIS", "阴性")),
                "HIGH_RISK", List.of("ADVERSE_PREGNANCY", "RUBELLA_SUSCEPTIBLE", "THYROID"),
                "神经管缺陷再发风险：孕前3个月起每日叶酸4 mg；接种风疹疫苗后避孕3个月；内分泌科就诊", t.minusDays(15), null, t.minusDays(40), t.plusDays(90), null));
        return null;
    }

    /** The demo year's perinatal births (loaded in bulk, no events) counted by maternal age group from their facts. */
    private Void backfill() {
        LocalDate t = LocalDate.now(ChinaTime.ZONE);
        StatsScope city = new StatsScope(StatsAccess.CITY, stats.units(StatsAccess.CITY), t.minusYears(2), t, null, null);
        record Key(UUID mother, LocalDate day) {}
        Map<Key, int[]> births = new LinkedHashMap<>();
        Map<Key, IndicatorFigures.RecordItem> first = new HashMap<>();
        for (int page = 0; ; page++) {
            var items = figures.records("PERINATAL_BIRTH", city, new PageRequest(page, 200)).items();
            for (var it : items) {
                if (it.personId() == null) continue;
                PersonDetail p = persons.load(it.personId()).orElse(null);
                if (p == null) continue;
                UUID mother = "F".equals(p.sex()) && p.birthDate() != null && p.birthDate().isBefore(it.date().minusYears(12)) ? p.id()
                        : p.links().stream().filter(l -> "MOTHER".equals(l.kind())).map(PersonDetail.Link::personId).findFirst().orElse(null);
                if (mother == null) continue;
                Key k = new Key(mother, it.date());
                births.computeIfAbsent(k, x -> new int[1])[0]++;
                first.putIfAbsent(k, it);
            }
            if (items.size() < 200) break;
        }
        int n = 0;
        for (var e : births.entrySet()) {
            Key k = e.getKey();
            if (counts.known(k.mother(), k.day())) continue;
            PersonDetail m = persons.load(k.mother()).orElse(null);
            if (m == null || m.birthDate() == null) continue;
            var it = first.get(k);
            counts.record(UUID.nameUUIDFromBytes(("demo-year:" + k.mother() + ":" + k.day()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    k.mother(), k.day(), DefectFacts.PERINATAL_FROM_WEEKS * 7 + 70, Period.between(m.birthDate(), k.day()).getYears(),
                    it.areaCode(), it.institutionCode(), e.getValue()[0]);
            n++;
        }
        log.info("birth-defects demo: {} deliveries of the demo year counted by maternal age group", n);
        return null;
    }
}
