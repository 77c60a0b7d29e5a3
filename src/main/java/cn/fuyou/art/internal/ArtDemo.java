package cn.fuyou.art.internal;

import static cn.fuyou.shared.CurrentActor.as;

import cn.fuyou.art.Consents;
import cn.fuyou.art.Couples;
import cn.fuyou.art.CycleOutcomes;
import cn.fuyou.art.CycleRecord;
import cn.fuyou.art.CycleStarts;
import cn.fuyou.art.CycleSteps;
import cn.fuyou.art.EmbryoTransfers;
import cn.fuyou.art.Workstation;
import cn.fuyou.maternal.Deliveries;
import cn.fuyou.maternal.DeliveryForm;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.InstitutionChange;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonForm;
import cn.fuyou.registry.PersonRegistration;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for reproductive medicine (demo profile only, idempotent): the remote infertility
 * workstation's member institutions, ART staff logins, and about twenty months of the centre's cycles —
 * fresh and frozen, every CDC age band, some cancelled, some with OHSS — driven through the same use
 * cases the pages use, so that their pregnancies open in maternal care and the older ones deliver at the
 * institution following her (and come back as live births).
 */
@Component
class ArtDemo {

    private static final Logger log = LoggerFactory.getLogger(ArtDemo.class);
    private static final String PASSWORD = "Demo@2026"; // the demo profile's shared password (never outside demo)
    static final String CENTRE = "CQHCWC";
    static final List<String> MEMBERS = List.of("MCH-500117", "MCH-500101", "MCH-500154", "MCH-500110", "MCH-500116", "ALLY-1");
    private static final byte[] PDF = "%PDF-1.4\n% demo consent form\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Institutions institutions;
    private final StaffAccounts staff;
    private final PasswordEncoder encoder;
    private final Persons persons;
    private final PersonRegistration registration;
    private final Couples couples;
    private final Consents consents;
    private final CycleStarts starts;
    private final CycleSteps steps;
    private final EmbryoTransfers transfers;
    private final CycleOutcomes outcomes;
    private final Workstation workstation;
    private final Deliveries deliveries;
    private final boolean enabled;
    private final int couplesWanted;

    ArtDemo(JdbcClient jdbc, TransactionTemplate tx, Institutions institutions, StaffAccounts staff, PasswordEncoder encoder, Persons persons,
            PersonRegistration registration, Couples couples, Consents consents, CycleStarts starts, CycleSteps steps,
            EmbryoTransfers transfers, CycleOutcomes outcomes, Workstation workstation, Deliveries deliveries,
            @Value("${fuyou.demo.enabled:false}") boolean enabled, @Value("${fuyou.demo.art.couples:120}") int couplesWanted) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.institutions = institutions;
        this.staff = staff;
        this.encoder = encoder;
        this.persons = persons;
        this.registration = registration;
        this.couples = couples;
        this.consents = consents;
        this.starts = starts;
        this.steps = steps;
        this.transfers = transfers;
        this.outcomes = outcomes;
        this.workstation = workstation;
        this.deliveries = deliveries;
        this.enabled = enabled;
        this.couplesWanted = couplesWanted;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(105)
    void load() {
        if (!enabled || institutions.find(CENTRE).isEmpty()) return;
        long t0 = System.currentTimeMillis();
        try {
            as(CurrentActor.SYSTEM, () -> {
                tx.executeWithoutResult(s -> network());
                return null;
            });
            if (jdbc.sql("select count(*) from art_cycle").query(Long.class).single() > 0) return;
            Actor centre = actor("art-doctor", "生殖中心 黄丽医生", CENTRE);
            Actor member = actor("art-ws-doctor", "合川区妇幼 不孕不育门诊 邓敏医生", MEMBERS.get(0));
            Random rnd = new Random(20261207L);
            LocalDate today = LocalDate.now(ChinaTime.ZONE);
            int made = 0;
            for (int i = 0; i < couplesWanted; i++) {
                final int n = i;
                try {
                    tx.executeWithoutResult(s -> story(n, rnd, today, centre, member));
                    made++;
                } catch (RuntimeException e) {
                    log.warn("ART demo couple {} skipped: {}", n, e.getMessage());
                }
            }
            log.info("ART demo: {} couples, {} cycles, {} live births in {} ms", made,
                    jdbc.sql("select count(*) from art_cycle").query(Long.class).single(),
                    jdbc.sql("select count(*) from art_live_birth").query(Long.class).single(), System.currentTimeMillis() - t0);
        } catch (RuntimeException e) {
            log.warn("ART demo not loaded: {}", e.getMessage(), e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Member designations of the workstation and the ART logins (each once). */
    private void network() {
        for (String code : MEMBERS) {
            Institution i = institutions.find(code).orElse(null);
            if (i == null || i.designations().contains(Designation.ART_REMOTE_WORKSTATION)) continue;
            List<Designation> d = new ArrayList<>(i.designations());
            d.add(Designation.ART_REMOTE_WORKSTATION);
            institutions.update(code, new InstitutionChange(i.code(), i.nameZh(), i.nameEn(), i.areaCode(), i.zoneCode(), i.level(), i.type(), d,
                    i.serviceAreas(), i.alliance() == null ? null
                    : new InstitutionChange.AllianceChange(i.alliance().status(), i.alliance().joined(), i.alliance().agreement()), i.version()));
        }
        account("art-doctor", "生殖中心 黄丽医生", CENTRE);
        account("art-ws-doctor", "合川区妇幼 不孕不育门诊 邓敏医生", MEMBERS.get(0));
        account("art-jb-doctor", "江北区妇幼 产科 罗娟医生", "MCH-500105");
    }

    private void account(String username, String name, String institution) {
        if (staff.find(username).isPresent() || institutions.find(institution).isEmpty()) return;
        staff.create(new StaffAccounts.NewAccount(username, encoder.encode(PASSWORD), name, institution, StaffRole.CLINICIAN, null));
    }

    private Actor actor(String username, String name, String institution) {
        UUID id = institutions.find(institution).orElseThrow().id();
        return new Actor(username, name, StaffRole.CLINICIAN, id, institution, null);
    }


    private static final String[] FAMILY = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "谢"};
    private static final String[] GIVEN_F = {"静", "丽", "敏", "婷", "雪", "琳", "倩", "颖", "佳", "蕾", "欣怡", "雨桐", "梦洁", "晓燕", "春梅", "思雨"};
    private static final String[] GIVEN_M = {"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "建国", "志强", "文博", "浩然"};
    private static final String[] AREAS = {"500112", "500105", "500106", "500103", "500107", "500108", "500117", "500101", "500154", "500110",
            "500116", "500113", "500109", "500120"};

    /** One couple's story, started on a day in the last twenty months; every step only when its day has come. */
    private void story(int n, Random rnd, LocalDate today, Actor centre, Actor member) {
        double band = rnd.nextDouble();
        int age = band < 0.45 ? 26 + rnd.nextInt(9) : band < 0.70 ? 35 + rnd.nextInt(3) : band < 0.88 ? 38 + rnd.nextInt(3) : 41 + rnd.nextInt(4);
        LocalDate start = today.minusDays(25 + rnd.nextInt(590));
        LocalDate birth = start.minusYears(age).minusDays(1 + rnd.nextInt(360));
        String area = AREAS[rnd.nextInt(AREAS.length)];
        boolean viaWorkstation = n % 6 == 0;
        Actor keeper = viaWorkstation ? member : centre;
        UUID woman = person(keeper, FAMILY[rnd.nextInt(FAMILY.length)], GIVEN_F[rnd.nextInt(GIVEN_F.length)], "F", birth, area, 600 + (n % 190) * 2);
        UUID partner = person(keeper, FAMILY[rnd.nextInt(FAMILY.length)], GIVEN_M[rnd.nextInt(GIVEN_M.length)], "M",
                birth.minusYears(rnd.nextInt(5)).minusDays(rnd.nextInt(300)), area, 601 + (n % 190) * 2);
        boolean male = rnd.nextDouble() < 0.35;
        String indication = male ? "MALE_FACTOR" : List.of("TUBAL_FACTOR", "TUBAL_FACTOR", "OVULATION_DISORDER", "ENDOMETRIOSIS", "UNEXPLAINED",
                "DIMINISHED_OVARIAN_RESERVE").get(age > 38 ? 5 : rnd.nextInt(5));
        LocalDate workup = start.minusDays(30 + rnd.nextInt(60));
        Couples.Semen semen = male
                ? new Couples.Semen(workup, bd(1.0 + rnd.nextInt(20) / 10.0), bd(3 + rnd.nextInt(12)), bd(8 + rnd.nextInt(28)), bd(10 + rnd.nextInt(18)),
                        bd(28 + rnd.nextInt(12)), bd(40 + rnd.nextInt(20)), bd(1 + rnd.nextInt(3)))
                : new Couples.Semen(workup, bd(2.0 + rnd.nextInt(30) / 10.0), bd(30 + rnd.nextInt(60)), bd(80 + rnd.nextInt(150)), bd(35 + rnd.nextInt(25)),
                        bd(50 + rnd.nextInt(25)), bd(60 + rnd.nextInt(25)), bd(4 + rnd.nextInt(6)));
        BigDecimal amh = bd(Math.max(0.2, (age < 35 ? 3.5 : age < 38 ? 2.2 : age < 41 ? 1.3 : 0.6) + rnd.nextGaussian() * 0.6));
        boolean primary = rnd.nextDouble() < 0.6;
        Couples.CoupleRecord couple = as(keeper, () -> couples.register(new Couples.CoupleForm(woman, partner, primary ? "PRIMARY" : "SECONDARY",
                bd(1 + rnd.nextInt(8)), male ? List.of() : List.of(indication.equals("TUBAL_FACTOR") ? "TUBAL" : indication.equals("ENDOMETRIOSIS")
                        ? "ENDOMETRIOSIS" : indication.equals("OVULATION_DISORDER") ? "PCOS" : indication.equals("DIMINISHED_OVARIAN_RESERVE")
                        ? "DIMINISHED_OVARIAN_RESERVE" : "UNEXPLAINED"),
                male ? List.of("OLIGOZOOSPERMIA", "ASTHENOZOOSPERMIA") : List.of(), indication, null,
                new Couples.WorkUp(workup, amh, Math.max(1, (int) (amh.doubleValue() * 4) + rnd.nextInt(4)), bd(5 + rnd.nextInt(8)),
                        bd(3 + rnd.nextInt(6)), bd(30 + rnd.nextInt(40)), bd(8 + rnd.nextInt(15))), semen, null)));
        if (viaWorkstation) {
            var c = as(member, () -> workstation.ask(couple.id(), new Workstation.AskForm("输卵管造影提示双侧输卵管梗阻，请评估是否行IVF助孕", CENTRE)));
            var answered = as(centre, () -> workstation.opinion(c.id(), new Workstation.OpinionForm(
                    "建议行IVF-ET助孕，完善AMH及宫腔镜检查后转诊至生殖中心", c.version())));
            as(member, () -> workstation.refer(c.id(), new Workstation.ReferForm("转诊至生殖中心行IVF助孕", answered.version())));
        }
        String type = male ? "ICSI" : rnd.nextDouble() < 0.8 ? "IVF" : "ICSI";
        for (String kind : Consents.required(type, "OWN")) as(centre, () -> consents.upload(couple.id(), kind, workup.plusDays(20), kind + ".pdf", PDF));
        as(centre, () -> consents.upload(couple.id(), "EMBRYO_FREEZING", workup.plusDays(20), "EMBRYO_FREEZING.pdf", PDF));
        double p = rnd.nextDouble();
        String protocol = p < 0.5 ? "ANTAGONIST" : p < 0.75 ? "LONG_AGONIST" : p < 0.9 ? "PPOS" : "MILD_STIMULATION";
        int gravida = primary ? 1 : 2 + rnd.nextInt(2);
        int para = primary ? 0 : rnd.nextInt(2);
        CycleRecord fresh = as(centre, () -> freshCycle(couple.id(), type, protocol, start, age, gravida, para, rnd, today));
        LocalDate next = fresh.outcomeOn() != null ? fresh.outcomeOn().plusDays(45 + rnd.nextInt(40))
                : fresh.transfer().on() == null && fresh.retrieval().on() != null ? fresh.retrieval().on().plusDays(50 + rnd.nextInt(30)) : null;
        boolean frozenLeft = fresh.embryos().stream().anyMatch(e -> "FROZEN".equals(e.state()));
        if (frozenLeft && next != null && !"LIVE_BIRTH".equals(fresh.outcome()) && next.isBefore(today.minusDays(20))
                && !(fresh.clinicalPregnancy() && fresh.outcome() == null)) {
            as(centre, () -> frozenCycle(fresh, next, gravida, para, rnd, today));
        }
    }

    private UUID person(Actor at, String family, String given, String sex, LocalDate birth, String area, int seq) {
        String idNumber = ResidentIdNumber.compose(area, birth, seq);
        return persons.findByDocument("RESIDENT_ID", idNumber).orElseGet(() -> as(at, () -> registration.register(new PersonForm(family, given, sex,
                birth, "RESIDENT_ID", idNumber, "中国", "138" + String.format("%08d", (seq * 7919L + birth.toEpochDay() * 31L) % 100_000_000L), area, null, null, null, true,
                null)).id()));
    }

    private CycleRecord freshCycle(UUID couple, String type, String protocol, LocalDate start, int age, int gravida, int para, Random rnd,
                                   LocalDate today) {
        CycleRecord c = starts.start(couple, new CycleStarts.StartForm(type, "OWN", protocol, start, null));
        int follicles = Math.max(0, (int) Math.round((age < 35 ? 12 : age < 38 ? 9 : age < 41 ? 6 : 3) + rnd.nextGaussian() * 3));
        for (int d = 5; d <= 9; d += 2) {
            LocalDate seen = start.plusDays(d - 1);
            c = steps.monitor(c.id(), new CycleSteps.MonitoringForm(seen, d, Math.max(0, follicles * d / 10), bd(8 + d * 1.5 + rnd.nextInt(3)),
                    bd(follicles * d * 25 + 100 + rnd.nextInt(200)), bd(2 + rnd.nextInt(5)), bd(0.3 + rnd.nextInt(6) / 10.0),
                    bd(6 + d * 0.6), "Gn 150–225 IU", c.version()));
        }
        if (follicles <= 1 || rnd.nextDouble() < 0.03) {
            return steps.cancel(c.id(), new CycleSteps.CancelForm(start.plusDays(9), follicles <= 1 ? "POOR_RESPONSE" : "PREMATURE_OVULATION", null, c.version()));
        }
        LocalDate trigger = start.plusDays(10 + rnd.nextInt(2));
        c = steps.trigger(c.id(), new CycleSteps.TriggerForm(trigger, follicles > 15 ? "GNRH_AGONIST" : "HCG", c.version()));
        int oocytes = Math.max(1, follicles + rnd.nextInt(3) - 1);
        int mii = Math.max(1, (int) Math.round(oocytes * 0.8));
        LocalDate retrieval = trigger.plusDays(2);
        c = steps.retrieve(c.id(), new CycleSteps.RetrievalForm(retrieval, oocytes, mii, c.version()));
        int twoPn = Math.max(0, (int) Math.round(("ICSI".equals(type) ? mii : oocytes) * (0.55 + rnd.nextDouble() * 0.2)));
        c = steps.fertilise(c.id(), new CycleSteps.FertilisationForm(retrieval.plusDays(1), type, twoPn, c.version()));
        if (follicles > 18 || rnd.nextDouble() < 0.04) {
            String grade = follicles > 22 ? "SEVERE" : rnd.nextBoolean() ? "MODERATE" : "MILD";
            c = steps.ohss(c.id(), new CycleSteps.OhssForm(grade, c.version()));
        }
        if (twoPn == 0) return steps.cancel(c.id(), new CycleSteps.CancelForm(retrieval.plusDays(1), "FERTILISATION_FAILURE", null, c.version()));
        List<UUID> good = new ArrayList<>();
        List<UUID> poor = new ArrayList<>();
        for (CycleRecord.Embryo e : c.embryos()) {
            boolean blast = rnd.nextDouble() < (age < 38 ? 0.6 : 0.4);
            c = steps.grade(c.id(), new CycleSteps.GradeForm(e.id(), 3, rnd.nextBoolean() ? "8C-I" : "7C-II", c.version()));
            if (blast) {
                c = steps.grade(c.id(), new CycleSteps.GradeForm(e.id(), 5, List.of("4AA", "4AB", "4BB", "3BB", "5AB").get(rnd.nextInt(5)), c.version()));
                good.add(e.id());
            } else {
                poor.add(e.id());
            }
        }
        LocalDate day5 = retrieval.plusDays(5);
        if (!poor.isEmpty()) c = steps.discard(c.id(), new CycleSteps.DiscardForm(day5, poor, "ARRESTED", c.version()));
        if (good.isEmpty()) return steps.cancel(c.id(), new CycleSteps.CancelForm(day5, "NO_EMBRYO", null, c.version()));
        boolean freezeAll = c.ohssGrade() != null || rnd.nextDouble() < 0.12;
        int transferN = freezeAll ? 0 : good.size() > 1 && age >= 35 && rnd.nextDouble() < 0.35 ? 2 : 1;
        List<UUID> toTransfer = good.subList(0, transferN);
        List<UUID> toFreeze = good.subList(transferN, good.size());
        if (!toFreeze.isEmpty()) {
            c = steps.freeze(c.id(), new CycleSteps.FreezeForm(day5, List.copyOf(toFreeze), "液氮罐" + (char) ('A' + rnd.nextInt(4)) + "-" + (1 + rnd.nextInt(6))
                    + "-" + (1 + rnd.nextInt(20)), day5.plusYears(5), c.version()));
        }
        if (transferN == 0) return c;
        c = transfers.transfer(c.id(), new EmbryoTransfers.TransferForm(day5, List.copyOf(toTransfer), "PROGESTERONE_VAGINAL", c.version()));
        return pregnancyTest(c, day5, transferN, age, gravida, para, rnd, today);
    }

    private CycleRecord frozenCycle(CycleRecord fresh, LocalDate start, int gravida, int para, Random rnd, LocalDate today) {
        CycleRecord c = starts.start(fresh.coupleId(), new CycleStarts.StartForm("FET", "OWN", rnd.nextBoolean() ? "HRT" : "NATURAL_CYCLE", start,
                fresh.id()));
        UUID embryo = fresh.embryos().stream().filter(e -> "FROZEN".equals(e.state())).findFirst().orElseThrow().id();
        c = steps.monitor(c.id(), new CycleSteps.MonitoringForm(start.plusDays(11), 12, null, null, bd(180 + rnd.nextInt(100)), null, null,
                bd(8 + rnd.nextInt(4)), "内膜准备", c.version()));
        LocalDate thaw = start.plusDays(17);
        boolean survived = rnd.nextDouble() < 0.95;
        c = steps.thaw(c.id(), new CycleSteps.ThawForm(thaw, List.of(new CycleSteps.Thawed(embryo, survived)), c.version()));
        if (!survived) return steps.cancel(c.id(), new CycleSteps.CancelForm(thaw, "NO_EMBRYO", "复苏后胚胎未存活", c.version()));
        c = transfers.transfer(c.id(), new EmbryoTransfers.TransferForm(thaw, List.of(embryo), "PROGESTERONE_IM", c.version()));
        return pregnancyTest(c, thaw, 1, fresh.ageAtStart() + (int) (start.toEpochDay() - fresh.startedOn().toEpochDay()) / 365, gravida, para,
                rnd, today);
    }

    /** hCG, ultrasound, maternal care wherever she is followed, and the delivery there when its day has come. */
    private CycleRecord pregnancyTest(CycleRecord c, LocalDate transfer, int embryos, int age, int gravida, int para, Random rnd,
                                      LocalDate today) {
        LocalDate hcgOn = transfer.plusDays(12);
        if (hcgOn.isAfter(today)) return c;
        double clinical = age < 35 ? 0.66 : age < 38 ? 0.56 : age < 41 ? 0.42 : 0.22;
        double roll = rnd.nextDouble();
        boolean positive = roll < clinical + 0.06;
        c = outcomes.hcg(c.id(), new CycleOutcomes.HcgForm(hcgOn, positive ? bd(150 + rnd.nextInt(900)) : bd(rnd.nextInt(5)), c.version()));
        if (!positive) return c;
        LocalDate usOn = transfer.plusDays(28);
        if (usOn.isAfter(today)) return c;
        boolean isClinical = roll < clinical;
        boolean ectopic = isClinical && rnd.nextDouble() < 0.02;
        int sacs = !isClinical || ectopic ? 0 : embryos == 2 && rnd.nextDouble() < 0.3 ? 2 : 1;
        String area = jdbc.sql("select address_area_code from person where id = ?").param(c.woman().id()).query(String.class).optional().orElse(null);
        String follow = area != null && institutions.find("MCH-" + area).isPresent() && rnd.nextDouble() < 0.6 ? "MCH-" + area : CENTRE;
        c = outcomes.ultrasound(c.id(), new CycleOutcomes.UltrasoundForm(usOn, sacs, sacs, ectopic, gravida, para, follow, c.version()));
        if (!c.clinicalPregnancy() || c.outcome() != null) return c;
        double loss = age < 35 ? 0.12 : age < 38 ? 0.18 : age < 41 ? 0.28 : 0.45;
        if (rnd.nextDouble() < loss) {
            LocalDate lost = usOn.plusDays(10 + rnd.nextInt(30));
            if (lost.isAfter(today)) return c;
            return outcomes.report(c.id(), new CycleOutcomes.OutcomeForm("MISCARRIAGE", lost, c.version()));
        }
        int gaDays = sacs == 2 ? 250 + rnd.nextInt(12) : 268 + rnd.nextInt(14);
        LocalDate delivered = transfer.minusDays(c.transfer().day() == null ? 5 : c.transfer().day()).plusDays(gaDays - 14);
        if (!delivered.isBefore(today)) return c;
        String at = c.followInstitution() == null ? CENTRE : c.followInstitution().code();
        Actor obstetrician = actor("demo-obstetrics", "产科 值班医生", at);
        List<DeliveryForm.Baby> babies = new ArrayList<>();
        for (int b = 0; b < Math.max(1, sacs); b++) {
            int weight = sacs == 2 ? 2300 + rnd.nextInt(600) : 2900 + rnd.nextInt(900);
            babies.add(new DeliveryForm.Baby(rnd.nextBoolean() ? "F" : "M", weight, bd(47 + rnd.nextInt(5)), bd(32 + rnd.nextInt(3)), 9, 10, null,
                    true, null, false, null));
        }
        OffsetDateTime when = delivered.atTime(8 + rnd.nextInt(10), 0).atOffset(ZoneOffset.ofHours(8));
        boolean caesarean = sacs == 2 || rnd.nextDouble() < 0.4;
        DeliveryForm form = new DeliveryForm(when, caesarean ? "CAESAREAN" : "VAGINAL",
                caesarean ? (sacs == 2 ? "双胎妊娠" : "珍贵儿，社会因素") : null, "产科 值班医生", 250 + rnd.nextInt(200), List.of(), "GOOD",
                delivered.plusDays(3), null, null, null, babies);
        UUID pregnancy = c.pregnancyId();
        as(obstetrician, () -> deliveries.record(pregnancy, form));
        return c;
    }

    private static BigDecimal bd(double d) {
        return BigDecimal.valueOf(d).setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
