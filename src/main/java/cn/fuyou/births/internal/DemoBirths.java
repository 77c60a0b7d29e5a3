package cn.fuyou.births.internal;

import cn.fuyou.births.BirthCertificates;
import cn.fuyou.births.Births;
import cn.fuyou.births.CertificateForms;
import cn.fuyou.births.NewbornScreening;
import cn.fuyou.births.ScreeningForms;
import cn.fuyou.births.ScreeningRules;
import cn.fuyou.maternal.Deliveries;
import cn.fuyou.maternal.DeliveryForm;
import cn.fuyou.maternal.LiveBirths;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile, order 60, first start only: certificate stock and issued certificates for the live
 * births recorded so far, and newborn screening with positives at every step (recalled, confirmed,
 * treated, followed up, excluded; hearing refer → rescreen → diagnosis; CHD positive). When fewer than
 * 12 recent births exist at CQHCWC it first records 16 deliveries there through the maternal API.
 * Births the demo year wrote straight into the maternal tables (no DeliveryRecorded) are taken from
 * the maternal module's {@link LiveBirths}; people and institutions through the registry's API. Every certificate and screening step goes
 * through this module's services (audit, facts), for the {@code fuyou.demo.births.max} (default 250)
 * most recent births, to keep the demo start fast; older births stay without demo certificates.
 */
@Component
class DemoBirths {

    private static final Logger log = LoggerFactory.getLogger(DemoBirths.class);
    private static final String[] ETHNICITY = {"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "土家族", "苗族"};
    private static final String[] GIVEN = {"梓涵", "子轩", "一诺", "浩宇", "欣怡", "宇轩", "雨桐", "俊熙", "诗涵", "梓睿", "思彤", "沐阳"};

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Births births;
    private final BirthCertificates certificates;
    private final NewbornScreening screening;
    private final Pregnancies pregnancies;
    private final Deliveries deliveries;
    private final LiveBirths liveBirths;
    private final Persons persons;
    private final Institutions institutionDirectory;
    private final Map<UUID, Inst> institutionCache = new java.util.HashMap<>();
    private final boolean enabled;
    private final long seed;
    private final int max;

    private final java.time.Clock clock;

    DemoBirths(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, TransactionTemplate tx, Births births, BirthCertificates certificates, NewbornScreening screening,
               Pregnancies pregnancies, Deliveries deliveries, LiveBirths liveBirths, Persons persons, Institutions institutionDirectory,
               @Value("${fuyou.demo.enabled:false}") boolean enabled,
               @Value("${fuyou.demo.seed:1}") long seed, @Value("${fuyou.demo.births.max:250}") int max, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.births = births;
        this.certificates = certificates;
        this.screening = screening;
        this.pregnancies = pregnancies;
        this.deliveries = deliveries;
        this.liveBirths = liveBirths;
        this.persons = persons;
        this.institutionDirectory = institutionDirectory;
        this.enabled = enabled;
        this.seed = seed;
        this.max = max;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void load() {
        if (!enabled || jdbc.sql("select count(*) from certificate_stock").query(Long.class).single() > 0) return;
        try {
            loadDemo();
        } catch (RuntimeException e) {
            // demo data must never stop fuyou from starting; what was loaded so far stays (each step is its own transaction)
            log.error("Demo births: loading stopped", e);
        }
    }

    private void loadDemo() {
        long t0 = System.currentTimeMillis();
        Random rnd = new Random(seed + 60);
        backfill();
        Inst centre = institutionDirectory.find("CQHCWC").map(i -> inst(i.id())).orElse(null);
        if (centre == null) return;
        if (jdbc.sql("select count(*) from birth where institution_id = ? and born_at > now() - interval '60 days'").param(centre.id())
                .query(Long.class).single() < 12) {
            as(new Actor("demo-midwife", "演示助产士 Demo midwife", StaffRole.MIDWIFE_NURSE, centre.id(), centre.code(), centre.area()),
                    () -> recordDeliveries(centre.id(), rnd));
        }
        List<Inst> institutions = jdbc.sql("select distinct institution_id from birth").query(UUID.class).list().stream()
                .map(this::inst).sorted(java.util.Comparator.comparing(Inst::code)).toList();
        int stockNo = 0, issued = 0, screened = 0;
        for (Inst inst : institutions) {
            Actor admin = new Actor("demo-admin", "演示管理员 Demo admin", StaffRole.INSTITUTION_ADMIN, inst.id(), inst.code(), inst.area());
            long n = jdbc.sql("select count(*) from birth where institution_id = ?").param(inst.id()).query(Long.class).single();
            long first = 500_000_001L + stockNo++ * 20_000L;
            long size = Math.min(19_000, ((n + 120) / 100 + 1) * 100);
            as(admin, () -> certificates.receive(new CertificateForms.StockReceipt("Q", first, first + size - 1,
                    cn.fuyou.shared.ChinaTime.today(clock).minusDays(400), "市卫生健康委员会下发 / issued by the municipal health commission", null)));
            // two spoiled blanks, each with its reason
            String spoiled1 = BirthCertificates.number("Q", first + size - 1), spoiled2 = BirthCertificates.number("Q", first + size - 2);
            as(admin, () -> certificates.voidBlank(spoiled1, "打印错位，空白证作废 / misprinted blank"));
            as(admin, () -> certificates.voidBlank(spoiled2, "运输中污损 / damaged in transit"));
        }
        record B(UUID childId, UUID institutionId, String code, String area, OffsetDateTime bornAt, boolean nicu) {}
        List<B> recent = jdbc.sql("select b.child_id, b.institution_id, b.born_at, b.nicu from birth b order by b.born_at desc, b.child_id limit ?")
                .param(max).query((rs, row) -> {
                    Inst i = inst(rs.getObject("institution_id", UUID.class));
                    return new B(rs.getObject("child_id", UUID.class), i.id(), i.code(), i.area(), rs.getObject("born_at", OffsetDateTime.class),
                            rs.getBoolean("nicu"));
                }).list();
        OffsetDateTime now = OffsetDateTime.now();
        int k = 0;
        Map<String, List<UUID>> toSend = new LinkedHashMap<>();
        for (B b : recent) {
            final int n = ++k;
            Actor clerk = new Actor("demo-clerk", "演示签证员 Demo clerk", StaffRole.MIDWIFE_NURSE, b.institutionId(), b.code(), b.area());
            long ageHours = java.time.Duration.between(b.bornAt(), now).toHours();
            // About 1 in 20 births stays without a certificate (a gap the statistics show).
            if (n % 20 != 7 && ageHours > 24) {
                String name = births.find(b.childId()).map(Births.Birth::childName).filter(x -> !x.contains("之"))
                        .orElse(births.find(b.childId()).map(x -> x.motherName().substring(0, 1)).orElse("王") + GIVEN[rnd.nextInt(GIVEN.length)]);
                String eth = ETHNICITY[rnd.nextInt(ETHNICITY.length)];
                var form = new CertificateForms.Issue(name, null, null, eth, null, null, null, null, null);
                var c = as(clerk, () -> certificates.issue(b.childId(), form));
                issued++;
                if (n % 37 == 3) {
                    as(clerk, () -> certificates.reissue(c.id(), new CertificateForms.Reissue("REISSUE", "原证遗失，家长申请补发 / original lost", c.version(), null)));
                }
            }
            // Screening: CHD within 6–72 h, hearing before discharge, blood spot at 72 h+.
            if (ageHours >= 8 && n % 25 != 11) {
                int foot = n % 41 == 5 ? 92 : 96 + rnd.nextInt(4);
                as(clerk, () -> screening.recordChd(b.childId(), new ScreeningForms.Chd(b.bornAt().plusHours(8 + rnd.nextInt(30)),
                        97 + rnd.nextInt(3), foot, n % 53 == 9 ? 2 : 0)));
            }
            if (ageHours >= 30 && n % 30 != 13) {
                LocalDate birth = b.bornAt().atZoneSameInstant(ScreeningRules.CHINA).toLocalDate();
                boolean refer = n % 9 == 4;
                String method = b.nicu() ? "AABR" : "OAE";
                as(clerk, () -> screening.recordHearing(b.childId(), new ScreeningForms.Hearing("FIRST", method, birth.plusDays(1), "PASS",
                        refer ? "REFER" : "PASS", null, null)));
                if (refer && ageHours > 24 * 30) {
                    boolean fail = n % 27 == 13;
                    as(clerk, () -> screening.recordHearing(b.childId(), new ScreeningForms.Hearing("RESCREEN", method, birth.plusDays(30),
                            fail ? "REFER" : "PASS", "PASS", null, null)));
                    if (fail && ageHours > 24 * 80) {
                        as(clerk, () -> screening.recordHearing(b.childId(), new ScreeningForms.Hearing("DIAGNOSIS", "ABR_DIAGNOSTIC",
                                birth.plusDays(75), null, null, "HEARING_LOSS", "双耳中度感音神经性听力损失 / moderate bilateral SNHL")));
                    }
                }
            }
            if (ageHours >= 74 && n % 33 != 17) {
                if (n % 29 == 2) {
                    as(clerk, () -> screening.collect(b.childId(), new ScreeningForms.BloodSpot(b.bornAt().plusHours(50), 5, false, null)));
                }
                var s = as(clerk, () -> screening.collect(b.childId(), new ScreeningForms.BloodSpot(
                        b.bornAt().plusHours(72 + rnd.nextInt(48)), 8 + rnd.nextInt(6), false, null)));
                toSend.computeIfAbsent(b.code(), x -> new ArrayList<>()).add(s.id());
                screened++;
            }
        }
        // Send each institution's samples in one batch to the screening centre, which receives and tests them.
        Actor lab = new Actor("demo-lab", "演示检验员 Demo lab", StaffRole.CLINICIAN, centre.id(), centre.code(), centre.area());
        int positive = 0;
        for (var e : toSend.entrySet()) {
            Inst inst = institutions.stream().filter(i -> i.code().equals(e.getKey())).findFirst().orElseThrow();
            Actor sender = new Actor("demo-clerk", "演示签证员 Demo clerk", StaffRole.MIDWIFE_NURSE, inst.id(), inst.code(), inst.area());
            List<UUID> ids = e.getValue();
            // the newest few samples stay in transit, so the batch page shows both states
            List<UUID> sentNow = ids.size() > 3 ? ids.subList(3, ids.size()) : ids;
            List<UUID> later = ids.size() > 3 ? ids.subList(0, 3) : List.of();
            var batch = as(sender, () -> screening.send(new ScreeningForms.Batch(sentNow, "CQHCWC")));
            as(lab, () -> screening.receive(batch.id(), batch.version()));
            for (UUID id : sentNow) {
                int i = positive;
                boolean pos = rnd.nextInt(40) == 0 || (e.getKey().equals("CQHCWC") && id.equals(sentNow.get(0)));
                BigDecimal phe = pos && i % 2 == 0 ? new BigDecimal(180 + rnd.nextInt(400)) : new BigDecimal(40 + rnd.nextInt(60));
                BigDecimal tsh = pos && i % 2 == 1 ? new BigDecimal(25 + rnd.nextInt(60)) : new BigDecimal(1 + rnd.nextInt(7));
                as(lab, () -> screening.enterResults(id, new ScreeningForms.Results(List.of(new ScreeningForms.Result("PHE", phe, null),
                        new ScreeningForms.Result("TSH", tsh, null)))));
                if (pos) positive++;
            }
            if (!later.isEmpty()) as(sender, () -> screening.send(new ScreeningForms.Batch(later, "CQHCWC")));
        }
        advanceCases(lab);
        log.info("Demo births: {} institutions stocked, {} certificates issued, {} blood spots, {} metabolic positives in {} ms",
                institutions.size(), issued, screened, positive, System.currentTimeMillis() - t0);
    }

    /** Positives at every step: the first stays at recall, then recalled, confirmed, treated, followed up, excluded in turn. */
    private void advanceCases(Actor lab) {
        record C(UUID id, UUID childId, UUID institutionId, String code, String area, LocalDate openedOn, String programme) {}
        List<C> cases = jdbc.sql("""
                select c.id, c.child_id, b.institution_id, b.follow_institution_id, c.opened_on, c.programme from screening_case c
                  join birth b on b.child_id = c.child_id order by c.opened_on, c.id""")
                .query((rs, row) -> {
                    Inst follow = inst(rs.getObject("follow_institution_id", UUID.class));
                    return new C(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class), rs.getObject("institution_id", UUID.class),
                            follow.code(), follow.area(), rs.getObject("opened_on", LocalDate.class), rs.getString("programme"));
                }).list();
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        int n = 0;
        for (C c : cases) {
            int stage = n++ % 6;
            Actor a = new Actor("demo-doctor", "演示医生 Demo doctor", StaffRole.CLINICIAN, c.institutionId(), c.code(), c.area());
            if (stage == 0) continue;
            var v = as(a, () -> screening.recordStep(c.id(), new ScreeningForms.CaseStep("CHD".equals(c.programme()) ? "ECHO_REFERRAL" : "RECALL",
                    today, null, null, null, null, 0L)));
            if (stage == 1) continue;
            boolean excluded = stage == 5;
            v = as(a, () -> screening.recordStep(c.id(), new ScreeningForms.CaseStep("CONFIRMATION", today, excluded ? "EXCLUDED" : "CONFIRMED",
                    excluded ? "复查正常，排除 / normal on retest" : "CHD".equals(c.programme()) ? "室间隔缺损 VSD" : "确诊 confirmed", null, null, 1L)));
            if (stage == 2 || excluded) continue;
            as(a, () -> screening.recordStep(c.id(), new ScreeningForms.CaseStep("TREATMENT", today, null, null,
                    "CHD".equals(c.programme()) ? "心外科随访 cardiology follow-up" : "特殊饮食/左甲状腺素 diet or levothyroxine", null, 2L)));
            if (stage == 3) continue;
            as(a, () -> screening.recordStep(c.id(), new ScreeningForms.CaseStep("FOLLOW_UP", today, null, null, null, "复查指标正常范围 / on target", 3L)));
        }
    }

    record Inst(UUID id, String code, String area) {}

    private Inst inst(UUID id) {
        return institutionCache.computeIfAbsent(id, k -> institutionDirectory.findById(k).map(i -> new Inst(i.id(), i.code(), i.areaCode()))
                .orElseThrow());
    }

    /** Births of deliveries written without the DeliveryRecorded event (the demo year's COPY load), from the maternal API. */
    private void backfill() {
        List<Object[]> rows = liveBirths.all().stream().map(b -> new Object[]{b.childId(), b.motherId(), b.institutionId(), b.institutionId(),
                b.bornAt(), b.gestationalAgeDays(), b.sex(), b.weightG(), b.lengthCm(), b.nicuTransfer()}).toList();
        tx.executeWithoutResult(s -> batch.batchUpdate("""
                insert into birth (child_id, mother_id, institution_id, follow_institution_id, born_at, ga_days, sex, weight_g, length_cm, nicu)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (child_id) do nothing""", rows));
    }

    private void recordDeliveries(UUID centre, Random rnd) {
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        UUID showcase = persons.findByDocument("RESIDENT_ID", "500112199203151248").orElse(null);
        List<UUID> women = persons.womenRegisteredAt(centre, today.minusYears(38), today.minusYears(21)).stream()
                .filter(w -> !w.equals(showcase) && pregnancies.openPregnancyOf(w).isEmpty()).limit(16).toList();
        OffsetDateTime now = OffsetDateTime.now(ScreeningRules.CHINA).withNano(0).withSecond(0);
        int i = 0;
        for (UUID w : women) {
            int daysAgo = i < 4 ? i : 4 + (i - 4) * 3;
            OffsetDateTime at = now.minusDays(daysAgo).minusHours(3 + rnd.nextInt(8));
            LocalDate lmp = at.toLocalDate().minusDays(266 + rnd.nextInt(16));
            var p = pregnancies.register(new PregnancyRegistration(w, null, lmp.plusDays(60), 1, 0, lmp, null, null, new BigDecimal("160"),
                    new BigDecimal("55"), 1, 0, null, null, List.of(), null));
            List<DeliveryForm.Baby> babies = new ArrayList<>();
            int count = i == 5 ? 2 : 1;
            for (int b = 0; b < count; b++) {
                babies.add(new DeliveryForm.Baby(rnd.nextBoolean() ? "F" : "M", 2900 + rnd.nextInt(900), new BigDecimal(48 + rnd.nextInt(5)),
                        new BigDecimal(33 + rnd.nextInt(3)), 9, 10, null, true, null, i == 9, null));
            }
            deliveries.record(p.id(), new DeliveryForm(at, i % 3 == 0 ? "CAESAREAN" : "VAGINAL", i % 3 == 0 ? "瘢痕子宫 previous caesarean" : null,
                    null, 250 + rnd.nextInt(200), List.of(), "GOOD", null, null, null, null, babies));
            i++;
        }
    }

    private <T> T as(Actor actor, java.util.function.Supplier<T> work) {
        return cn.fuyou.shared.CurrentActor.as(actor, work);
    }

    private void as(Actor actor, Runnable work) {
        as(actor, () -> {
            work.run();
            return null;
        });
    }
}
