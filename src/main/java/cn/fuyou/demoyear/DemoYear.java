package cn.fuyou.demoyear;

import cn.fuyou.childhealth.ChildFacts;
import cn.fuyou.maternal.MaternalDeathRecorded;
import cn.fuyou.maternal.MaternalFacts;
import cn.fuyou.registry.ResidentIdNumber;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of the city's maternal and child activity from a fixed seed: women registered across the
 * five colours, antenatal contacts with realistic gaps, deliveries (caesareans, preterm and
 * low-birth-weight babies, twins, stillbirths, a few maternal deaths — announced with the maternal
 * module's {@link MaternalDeathRecorded}, so critical care opens their death report cards), postpartum
 * visits, newborn visits and well-child growth of the newborns and of older children under 5, and a few
 * children's deaths in hospital (early neonatal, neonatal, infant, under 5). It writes the
 * maternal and child tables with COPY, then lets the modules' own fact code ({@link MaternalFacts},
 * {@link ChildFacts}) count them — and returns its own ground truth, which the statistics tests use
 * to compute every indicator independently of the SQL.
 */
@Service
public class DemoYear {

    /** @param births deliveries to generate; @param start first delivery day; @param today nothing is dated after it */
    public record Settings(long seed, int births, LocalDate start, LocalDate today) {}

    /**
     * An antenatal contact as generated, with its known data-quality defects: {@code missingWeight} (no weight),
     * {@code implausible} (diastolic ≥ systolic), {@code enteredOn} the China day it was entered (late when &gt; 7 days after).
     */
    public record Contact(LocalDate date, int gaDays, String institutionCode, boolean tested, boolean missingWeight, boolean implausible,
                          LocalDate enteredOn) {
        Contact(LocalDate date, int gaDays, String institutionCode, boolean tested) {
            this(date, gaDays, institutionCode, tested, false, false, date);
        }
    }

    public record Baby(UUID newbornId, UUID childId, boolean liveBorn, int weightG, int apgar5) {}

    public record Visit(LocalDate date, int ageDays, String institutionCode, BigDecimal waz, BigDecimal lhaz, BigDecimal whz,
                        BigDecimal hemoglobin) {}

    public record Delivered(UUID pregnancyId, UUID womanId, String area, int para, int registeredGaDays, String colour,
                            List<Contact> contacts, LocalDate deliveryDate, int gaDays, String mode, int bloodLossMl,
                            boolean hysterectomy, boolean died, LocalDate dischargedOn, String institutionCode, boolean hospital,
                            List<Baby> babies, LocalDate homeVisit, LocalDate day42) {}

    /** @param diedOn her day of death (a hospital discharge with outcome DIED at {@code deathInstitutionCode}), null if alive */
    public record Child(UUID childId, LocalDate birthDate, String area, List<Visit> visits, Integer birthGaDays, LocalDate diedOn,
                        String deathInstitutionCode) {}

    public record Result(List<Delivered> deliveries, List<Child> children, long contacts, long millis) {}

    private record Inst(UUID id, String code, String area, String zone, String type, int level) {}

    private static final String[] FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");
    private static final String[] GIVEN = "雨思梓欣紫梦诗语若可心嘉佳一雅馨子芷晨雪依彤婉怡静沐安".split("");
    private static final Set<String> URBAN = Set.of("500103", "500104", "500105", "500106", "500107", "500108", "500112", "500113");
    private static final Set<String> HOSPITAL_TYPES = Set.of("MCH_HOSPITAL", "GENERAL_HOSPITAL", "MCH_INSTITUTE");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final MaternalFacts maternalFacts;
    private final ChildFacts childFacts;
    private final ApplicationEventPublisher events;

    DemoYear(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, MaternalFacts maternalFacts, ChildFacts childFacts,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.maternalFacts = maternalFacts;
        this.childFacts = childFacts;
        this.events = events;
    }

    public Result generate(Settings s) {
        long t0 = System.currentTimeMillis();
        Random rnd = new Random(s.seed());
        List<Inst> insts = jdbc.sql("""
                select id, code, area_code, zone_code, type, level from institution
                 where area_code in (select code from area where parent_code = '500000')""")
                .query((rs, n) -> new Inst(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6))).list();
        List<String> districts = jdbc.sql("select code from area where parent_code = '500000' and kind in ('DISTRICT', 'COUNTY') order by code")
                .query(String.class).list();
        Map<String, List<Inst>> hospitals = new HashMap<>(), community = new HashMap<>();
        List<Inst> allHospitals = new ArrayList<>();
        for (Inst i : insts) {
            if (HOSPITAL_TYPES.contains(i.type())) { hospitals.computeIfAbsent(i.area(), k -> new ArrayList<>()).add(i); allHospitals.add(i); }
            if ("COMMUNITY_HEALTH_CENTRE".equals(i.type())) community.computeIfAbsent(i.area(), k -> new ArrayList<>()).add(i);
        }
        Inst centre = insts.stream().filter(i -> i.code().equals("CQHCWC")).findFirst().orElse(allHospitals.get(0));
        List<String> weighted = new ArrayList<>();
        for (String d : districts) for (int k = 0; k < (URBAN.contains(d) ? 3 : 1); k++) weighted.add(d);
        Set<String> usedIds = new HashSet<>(jdbc.sql("select id_number from person where id_type = 'RESIDENT_ID'").query(String.class).list());

        Copy persons = new Copy("person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, address_area_code, registered_institution_id, created_by, changed_by)");
        Copy entitled = new Copy("person_institution (person_id, institution_id, reason)");
        Copy links = new Copy("person_link (id, person_id, related_person_id, kind, created_by)");
        Copy pregnancies = new Copy("pregnancy (id, woman_id, registered_institution_id, care_institution_id, registered_on, gravida, para, lmp, edd, dating_method, status, outcome, outcome_date, ended_on, colour, purple, contact_dates, created_by, changed_by)");
        Copy contacts = new Copy("antenatal_contact (id, pregnancy_id, institution_id, contact_date, ga_days, weight_kg, systolic, diastolic, hemoglobin_g_per_l, hiv, syphilis, hbsag, created_at, created_by, changed_by)");
        Copy gradings = new Copy("risk_grading (id, pregnancy_id, institution_id, institution_level, assessed_on, stage, computed_colour, colour, purple, screen_positive, factors, rule_set_version, created_by)");
        Copy deliveries = new Copy("delivery (id, pregnancy_id, institution_id, delivered_at, ga_days, mode, caesarean_indication, blood_loss_ml, complications, maternal_condition, discharged_on, created_by)");
        Copy newborns = new Copy("newborn (id, delivery_id, birth_order, child_id, sex, weight_g, apgar1, apgar5, live_born)");
        Copy postpartum = new Copy("postpartum_visit (id, pregnancy_id, institution_id, kind, visit_date, created_by)");
        Copy childRecords = new Copy("child_record (child_id, mother_id, birth_date, institution_id, source, birth_ga_days, birth_weight_g, apgar5, died_on, death_institution_id, death_source, created_by, changed_by)");
        Copy visits = new Copy("well_child_visit (id, child_id, institution_id, visit_date, age_days, weight_kg, length_cm, measurement, hemoglobin_g_per_l, waz, lhaz, whz, growth_standard, created_at, created_by)");
        List<Copy> all = List.of(persons, entitled, links, pregnancies, contacts, gradings, deliveries, newborns, postpartum, childRecords, visits);

        List<Delivered> truth = new ArrayList<>();
        List<Child> children = new ArrayList<>();
        long nContacts = 0;
        int deathEvery = Math.max(1, s.births() / Math.max(3, s.births() / 10_000));
        int days = (int) Math.max(1, Math.min(365, ChronoUnit.DAYS.between(s.start(), s.today()) + 1));
        List<UUID> pregnancyChunk = new ArrayList<>(), childChunk = new ArrayList<>();
        List<MaternalDeathRecorded> deathChunk = new ArrayList<>();
        int liveBabies = 0;
        for (int i = 0; i < s.births(); i++) {
            String area = rnd.nextInt(25) == 0 ? "LJXQ" : weighted.get(rnd.nextInt(weighted.size()));
            String instArea = area.equals("LJXQ") ? "500112" : area;
            List<Inst> local = hospitals.getOrDefault(instArea, List.of());
            boolean atHospital = rnd.nextInt(100) != 0;
            Inst delivering = !atHospital && community.containsKey(instArea) ? pick(rnd, community.get(instArea))
                    : (local.isEmpty() || rnd.nextInt(7) == 0) ? centre : pick(rnd, local);
            boolean hospital = HOSPITAL_TYPES.contains(delivering.type()) || "CHILDRENS_HOSPITAL".equals(delivering.type());
            Inst antenatal = community.containsKey(instArea) && rnd.nextBoolean() ? pick(rnd, community.get(instArea)) : delivering;
            LocalDate day = s.start().plusDays(rnd.nextInt(days));
            double g = rnd.nextDouble();
            int ga = g < 0.004 ? 182 + rnd.nextInt(14) : g < 0.065 ? 196 + rnd.nextInt(63) : 259 + rnd.nextInt(36);
            LocalDate edd = day.plusDays(280 - ga);
            LocalDate lmp = edd.minusDays(280);
            int regGa = rnd.nextInt(100) < 86 ? 42 + rnd.nextInt(49) : 91 + rnd.nextInt(Math.max(1, Math.min(90, ga - 92)));
            regGa = Math.min(regGa, ga - 1);
            LocalDate registered = lmp.plusDays(regGa);
            int para = rnd.nextInt(100) < 55 ? 0 : 1 + rnd.nextInt(2);
            int c = rnd.nextInt(100);
            String colour = c < 45 ? "GREEN" : c < 75 ? "YELLOW" : c < 90 ? "ORANGE" : c < 95 ? "RED" : "PURPLE";
            String baseColour = colour.equals("PURPLE") ? "YELLOW" : colour;
            // Contacts: most women 5–11 on the national schedule with gaps, some fewer, a few none.
            int want = rnd.nextInt(100) < 2 ? 0 : rnd.nextInt(100) < 12 ? 1 + rnd.nextInt(4) : 5 + rnd.nextInt(7);
            List<Contact> cs = new ArrayList<>();
            int span = Math.max(1, ga - 3 - regGa);
            for (int k = 0; k < want; k++) {
                int cga = regGa + (want == 1 ? 0 : (int) ((long) span * k / (want - 1)));
                if (k > 0 && rnd.nextInt(6) == 0) continue; // a missed appointment
                LocalDate on = lmp.plusDays(cga);
                if (!on.isBefore(day)) break;
                cs.add(new Contact(on, cga, k == 0 ? antenatal.code() : (cga > 200 ? delivering.code() : antenatal.code()),
                        k == 0 && rnd.nextInt(100) < 97));
            }
            if (want > 0 && rnd.nextInt(10) == 0) cs.add(new Contact(day, ga, delivering.code(), false)); // on admission for labour
            String mode = rnd.nextInt(100) < (para > 0 ? 45 : 33) ? "CAESAREAN" : rnd.nextInt(100) < 4 ? "ASSISTED" : "VAGINAL";
            boolean died = i % deathEvery == deathEvery / 2;
            boolean pph = died || rnd.nextInt(1000) < 15;
            boolean hysterectomy = pph && (died || rnd.nextInt(10) == 0);
            int bloodLoss = pph ? 1000 + rnd.nextInt(2500) : 150 + rnd.nextInt(600);
            LocalDate discharged = died ? null : day.plusDays(mode.equals("CAESAREAN") ? 4 + rnd.nextInt(3) : 2 + rnd.nextInt(2));
            UUID pregnancyId = uuid(rnd), womanId = uuid(rnd), deliveryId = uuid(rnd);
            String family = FAMILY[rnd.nextInt(FAMILY.length)];
            String given = GIVEN[rnd.nextInt(GIVEN.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
            LocalDate womanBirth = day.minusYears(20 + rnd.nextInt(22)).minusDays(rnd.nextInt(365));
            String idNumber;
            do idNumber = ResidentIdNumber.compose(instArea, womanBirth, rnd.nextInt(1000)); while (!usedIds.add(idNumber));
            persons.row(womanId, family, given, family + given, "F", womanBirth, "RESIDENT_ID", idNumber, area, antenatal.id(), "demo-year", "demo-year");
            entitled.row(womanId, antenatal.id(), "REGISTERED");
            if (!antenatal.id().equals(delivering.id())) entitled.row(womanId, delivering.id(), "CARED");
            int twins = rnd.nextInt(1000) < 15 ? 2 : 1;
            List<Baby> babies = new ArrayList<>();
            for (int b = 1; b <= twins; b++) {
                boolean live = rnd.nextInt(1000) >= 6;
                int mean = ga < 259 ? 1000 + (ga - 182) * 25 : 3300;
                int weight = Math.max(600, Math.min(5600, (int) (mean + rnd.nextGaussian() * (ga < 259 ? 350 : 430)) - (twins > 1 ? 400 : 0)));
                int apgar5 = !live ? 0 : rnd.nextInt(100) < 2 ? 3 + rnd.nextInt(4) : 8 + rnd.nextInt(3);
                UUID childId = live ? uuid(rnd) : null, newbornId = uuid(rnd);
                String sex = rnd.nextBoolean() ? "F" : "M";
                newborns.row(newbornId, deliveryId, b, childId, sex, weight, live ? Math.max(1, apgar5 - 1) : 0, apgar5, live);
                babies.add(new Baby(newbornId, childId, live, weight, apgar5));
                if (live) {
                    String childGiven = (sex.equals("M") ? "之子" : "之女") + (twins > 1 ? b : "");
                    persons.row(childId, family, childGiven, family + childGiven, sex, day, "BIRTH_RECORD",
                            "DY-" + deliveryId.toString().substring(0, 13) + "-" + b, area, delivering.id(), "demo-year", "demo-year");
                    entitled.row(childId, delivering.id(), "REGISTERED");
                    links.row(uuid(rnd), womanId, childId, "MOTHER_OF", "demo-year");
                    // A few die in the hospital where they were born: within 7 days, within 28 days, or later in the first year.
                    liveBabies++;
                    int ageAtDeath = liveBabies % 400 == 200 ? rnd.nextInt(7) : liveBabies % 1000 == 500 ? 7 + rnd.nextInt(21)
                            : liveBabies % 700 == 350 ? 28 + rnd.nextInt(200) : -1;
                    LocalDate childDied = ageAtDeath < 0 || day.plusDays(ageAtDeath).isAfter(s.today()) ? null : day.plusDays(ageAtDeath);
                    childRecords.row(childId, womanId, day, delivering.id(), "DELIVERY", ga, weight, apgar5, childDied,
                            childDied == null ? null : delivering.id(), childDied == null ? null : "HOSPITAL", "demo-year", "demo-year");
                    List<Visit> vs = childVisits(rnd, childId, day, weight < 2500 ? -1.0 : 0.0,
                            childDied == null ? s.today() : childDied.minusDays(1), antenatal, visits, true);
                    children.add(new Child(childId, day, area, vs, ga, childDied, childDied == null ? null : delivering.code()));
                    childChunk.add(childId);
                }
            }
            LocalDate homeVisit = null, day42 = null;
            if (!died && rnd.nextInt(100) < 90) {
                LocalDate hv = discharged.plusDays(1 + rnd.nextInt(rnd.nextInt(5) == 0 ? 14 : 6));
                if (!hv.isAfter(s.today())) { homeVisit = hv; postpartum.row(uuid(rnd), pregnancyId, antenatal.id(), "HOME_VISIT", hv, "demo-year"); }
            }
            if (!died && rnd.nextInt(100) < 80 && !day.plusDays(42).isAfter(s.today())) {
                day42 = day.plusDays(42);
                postpartum.row(uuid(rnd), pregnancyId, delivering.id(), "DAY_42", day42, "demo-year");
            }
            boolean closed = died || day42 != null || day.plusDays(42).isBefore(s.today());
            boolean anyLive = babies.stream().anyMatch(Baby::liveBorn);
            String outcome = died ? "MATERNAL_DEATH" : anyLive ? "LIVE_BIRTH" : "STILLBIRTH";
            StringBuilder dates = new StringBuilder("{");
            List<Contact> written = new ArrayList<>();
            for (Contact generated : cs) {
                Inst at = generated.institutionCode().equals(delivering.code()) ? delivering : antenatal;
                // data quality: most contacts are entered the same day, some days or weeks late; a few lack the weight;
                // a few have an impossible blood pressure (diastolic >= systolic)
                LocalDate entered = generated.date().plusDays(rnd.nextInt(12) == 0 ? 8 + rnd.nextInt(20) : rnd.nextInt(3));
                if (entered.isAfter(s.today())) entered = s.today();
                boolean missingWeight = rnd.nextInt(60) == 0, implausible = rnd.nextInt(90) == 0;
                Contact ct = new Contact(generated.date(), generated.gaDays(), generated.institutionCode(), generated.tested(), missingWeight,
                        implausible, entered);
                written.add(ct);
                int systolic = 100 + rnd.nextInt(35);
                contacts.row(uuid(rnd), pregnancyId, at.id(), ct.date(), ct.gaDays(), missingWeight ? null : 55 + rnd.nextInt(25), systolic,
                        implausible ? systolic + 2 : 60 + rnd.nextInt(25), 100 + rnd.nextInt(35), ct.tested() ? "NEGATIVE" : null,
                        ct.tested() ? "NEGATIVE" : null, ct.tested() ? "NEGATIVE" : null, entered + " 16:00:00+08", "demo-year", "demo-year");
                if (dates.length() > 1) dates.append(',');
                dates.append(ct.date());
                nContacts++;
            }
            dates.append('}');
            pregnancies.row(pregnancyId, womanId, antenatal.id(), delivering.id(), registered, para + 1 + (rnd.nextInt(4) == 0 ? 1 : 0), para,
                    lmp, edd, "LMP", closed ? "CLOSED" : "DELIVERED", outcome, day, day, baseColour, colour.equals("PURPLE"), dates, "demo-year",
                    "demo-year");
            gradings.row(uuid(rnd), pregnancyId, antenatal.id(), antenatal.level(), registered, "GRADING", baseColour, baseColour,
                    colour.equals("PURPLE"), !baseColour.equals("GREEN"), "[]", "NHC-2017-CQ-1", "demo-year");
            deliveries.row(deliveryId, pregnancyId, delivering.id(), day + " 10:00:00+08", ga, mode,
                    mode.equals("CAESAREAN") ? "疤痕子宫/胎位异常" : null, bloodLoss, hysterectomy ? "{HYSTERECTOMY}" : "{}",
                    died ? "DIED" : "GOOD", discharged, "demo-year");
            truth.add(new Delivered(pregnancyId, womanId, area, para, regGa, colour, written, day, ga, mode, bloodLoss, hysterectomy, died,
                    discharged, delivering.code(), hospital, babies, homeVisit, day42));
            pregnancyChunk.add(pregnancyId);
            // A death at delivery is announced as the delivery form announces it: critical care opens her death report card.
            if (died) deathChunk.add(new MaternalDeathRecorded(pregnancyId, womanId, day, "DELIVERY", delivering.id()));
            if (pregnancyChunk.size() >= 5000 || i == s.births() - 1) {
                flush(all, pregnancyChunk, childChunk, deathChunk);
            }
        }
        // Older children under 5 seen in the year: their growth and haemoglobin.
        for (int k = 0; k < s.births() / 2; k++) {
            String area = weighted.get(rnd.nextInt(weighted.size()));
            List<Inst> cc = community.getOrDefault(area, hospitals.getOrDefault(area, List.of(centre)));
            Inst at = pick(rnd, cc);
            LocalDate birth = s.start().minusDays(200 + rnd.nextInt(1400));
            UUID childId = uuid(rnd);
            String sex = rnd.nextBoolean() ? "F" : "M";
            String family = FAMILY[rnd.nextInt(FAMILY.length)];
            String given = GIVEN[rnd.nextInt(GIVEN.length)] + (sex.equals("M") ? "宇" : "萱");
            persons.row(childId, family, given, family + given, sex, birth, "BIRTH_RECORD", "DY-C-" + childId.toString().substring(0, 18),
                    area, at.id(), "demo-year", "demo-year");
            entitled.row(childId, at.id(), "REGISTERED");
            // now and then a child under 5 dies in the year (in the city's children's hospital)
            LocalDate childDied = k % 2000 == 1000 ? s.start().plusDays(rnd.nextInt(days)) : null;
            childRecords.row(childId, null, birth, at.id(), "DIRECT", null, null, null, childDied, childDied == null ? null : centre.id(),
                    childDied == null ? null : "HOSPITAL", "demo-year", "demo-year");
            List<Visit> vs = childVisits(rnd, childId, birth, -0.1, childDied == null ? s.today() : childDied.minusDays(1), at, visits, false);
            children.add(new Child(childId, birth, area, vs, null, childDied, childDied == null ? null : centre.code()));
            childChunk.add(childId);
            if (childChunk.size() >= 5000) flush(all, pregnancyChunk, childChunk, deathChunk);
        }
        flush(all, pregnancyChunk, childChunk, deathChunk);
        // a bulk load: vacuum now what autovacuum would later, so that figures are read by index-only scans from the start
        jdbc.sql("vacuum analyze indicator_fact").update();
        jdbc.sql("vacuum analyze indicator_count").update();
        return new Result(truth, children, nContacts, System.currentTimeMillis() - t0);
    }

    /** Newborns: a newborn visit (most within 28 days) and the 1-3-6-8-12-month checks; older children one or two checks in the year. */
    private List<Visit> childVisits(Random rnd, UUID childId, LocalDate birth, double zShift, LocalDate today, Inst at, Copy out,
                                    boolean newborn) {
        List<Integer> ages = new ArrayList<>();
        if (newborn) {
            if (rnd.nextInt(100) < 91) ages.add(rnd.nextInt(100) < 93 ? 3 + rnd.nextInt(20) : 29 + rnd.nextInt(10));
            for (int m : new int[]{1, 3, 6, 8, 12}) if (rnd.nextInt(100) < 85) ages.add(m * 30 + 2 + rnd.nextInt(10));
        } else {
            int n = 1 + rnd.nextInt(2);
            int firstAge = (int) ChronoUnit.DAYS.between(birth, today.minusDays(330));
            for (int k = 0; k < n; k++) ages.add(Math.max(30, firstAge + rnd.nextInt(320)));
        }
        double base = zShift + rnd.nextGaussian() * 1.05;
        List<Visit> vs = new ArrayList<>();
        for (int age : ages) {
            LocalDate on = birth.plusDays(age);
            if (on.isAfter(today)) continue;
            double waz = base + rnd.nextGaussian() * 0.3, lhaz = base * 0.8 + rnd.nextGaussian() * 0.5, whz = base * 0.6 + rnd.nextGaussian() * 0.6;
            double months = age / 30.4;
            double weight = Math.max(1.2, (3.3 + (months < 12 ? months * 0.6 : 7.2 + (months - 12) * 0.2)) * (1 + 0.11 * waz));
            double length = Math.max(40, (50 + (months < 12 ? months * 2.1 : 25 + (months - 12) * 0.8)) * (1 + 0.035 * lhaz));
            BigDecimal hb = age >= 183 && rnd.nextInt(100) < 60 ? BigDecimal.valueOf(100 + rnd.nextInt(40)) : null;
            Visit v = new Visit(on, age, at.code(), z(waz), z(lhaz), z(whz), hb);
            vs.add(v);
            out.row(uuid(rnd), childId, at.id(), on, age, BigDecimal.valueOf(weight).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(length).setScale(1, RoundingMode.HALF_UP), age < 730 ? "RECUMBENT" : "STANDING", hb, v.waz(), v.lhaz(),
                    v.whz(), "WHO 2006", on + " 15:00:00+08", "demo-year");
        }
        return vs;
    }

    private static BigDecimal z(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private void flush(List<Copy> all, List<UUID> pregnancyChunk, List<UUID> childChunk, List<MaternalDeathRecorded> deathChunk) {
        tx.executeWithoutResult(st -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Copy c : all) c.flush(copy);
            } catch (Exception e) {
                throw new IllegalStateException("demo year load failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            if (!pregnancyChunk.isEmpty()) maternalFacts.refresh(pregnancyChunk);
            if (!childChunk.isEmpty()) childFacts.refresh(childChunk);
            deathChunk.forEach(events::publishEvent);
        });
        pregnancyChunk.clear();
        childChunk.clear();
        deathChunk.clear();
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static UUID uuid(Random rnd) {
        return new UUID(rnd.nextLong(), rnd.nextLong());
    }

    /** Rows for one table in COPY text format. */
    private static final class Copy {
        private final String target;
        private final StringBuilder rows = new StringBuilder();

        Copy(String target) {
            this.target = target;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) rows.append('\t');
                rows.append(values[i] == null ? "\\N" : values[i].toString());
            }
            rows.append('\n');
        }

        void flush(CopyManager copy) throws Exception {
            if (rows.isEmpty()) return;
            copy.copyIn("copy " + target + " from stdin", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }
}
