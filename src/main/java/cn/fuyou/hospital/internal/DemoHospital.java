package cn.fuyou.hospital.internal;

import cn.fuyou.hospital.Admissions;
import cn.fuyou.hospital.BedType;
import cn.fuyou.hospital.GestationalAgeBand;
import cn.fuyou.hospital.LengthOfStay;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only, first start only: the Children's Hospital's 28 divisions and 800 beds, and a
 * month of admissions, NICU transfers from delivery hospitals (network referrals), step-downs from
 * NICU level III to level II, discharges and deaths — simulated arrival by arrival so that no bed
 * is ever held twice — leaving the board in a plausible state with a few beds reserved, cleaning
 * and closed. Writes in batches (registry persons, referrals and indicator facts included): demo
 * loading, not a module API path; the facts are computed by {@link AdmissionFacts} as at run time.
 */
@Component
class DemoHospital {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoHospital.class);

    static final String HOSPITAL = "CQMU-CH";

    /** code, 中文, English, then wards: code, 中文, English, bed type, beds. 28 divisions, 800 beds. */
    private static final Object[][] DIVISIONS = {
            {"NEO", "新生儿科", "Neonatology", new Object[][]{
                    {"NICU3", "新生儿重症监护病房（三级）", "NICU level III", BedType.NICU_III, 40},
                    {"NICU2", "新生儿重症监护病房（二级）", "NICU level II", BedType.NICU_II, 40},
                    {"NEO1", "新生儿普通病房", "Neonatal ward (level I)", BedType.NICU_I, 40}}},
            {"PICU", "重症医学科", "Paediatric intensive care", new Object[][]{{"PICU", "儿童重症监护病房", "PICU", BedType.PICU, 40}}},
            {"INF", "感染科", "Infectious diseases", new Object[][]{{"INF", "感染科隔离病房", "Isolation ward", BedType.ISOLATION, 30}}},
            {"RES", "呼吸科", "Respiratory medicine", null}, {"GI", "消化科", "Gastroenterology", null},
            {"CAR", "心血管内科", "Cardiology", null}, {"NEP", "肾脏内科", "Nephrology", null}, {"NEU", "神经内科", "Neurology", null},
            {"HEM", "血液肿瘤科", "Haematology and oncology", null}, {"END", "内分泌遗传代谢科", "Endocrinology and metabolism", null},
            {"RHE", "风湿免疫科", "Rheumatology and immunology", null}, {"GS", "普外科", "General surgery", null},
            {"NS", "新生儿外科", "Neonatal surgery", null}, {"CTS", "心胸外科", "Cardiothoracic surgery", null},
            {"NSG", "神经外科", "Neurosurgery", null}, {"URO", "泌尿外科", "Urology", null}, {"ORT", "骨科", "Orthopaedics", null},
            {"BPS", "烧伤整形科", "Burns and plastic surgery", null}, {"HBS", "肝胆外科", "Hepatobiliary surgery", null},
            {"ENT", "耳鼻咽喉科", "Otolaryngology", null}, {"OPH", "眼科", "Ophthalmology", null}, {"STO", "口腔科", "Stomatology", null},
            {"DER", "皮肤科", "Dermatology", null}, {"REH", "康复科", "Rehabilitation", null}, {"TCM", "中医科", "Traditional Chinese medicine", null},
            {"EMG", "急诊科", "Emergency medicine", null}, {"ONC", "肿瘤外科", "Surgical oncology", null},
            {"DEV", "儿童保健与发育行为科", "Child development and behaviour", null}};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "谭", "邓"};
    private static final String[] GIVEN = {"子涵", "梓萱", "一诺", "欣怡", "浩然", "宇轩", "子墨", "诗涵", "沐阳", "若曦", "俊熙", "雨桐", "思远", "可馨", "嘉懿", "睿泽"};
    private static final String[][] DX = {
            {"P07.2", "P22.0", "P07.1"}, {"P07.3", "P22.1", "P59.9"}, {"P59.9", "P36.9", "P21.1"}, {"J96.0", "A41.9", "G41.9"},
            {"A08.0", "B05.9", "A37.9"}, {"J18.9", "J45.9", "K52.9", "N04.9", "G40.9", "C91.0", "E10.9", "M08.0", "K35.8", "Q21.0", "S72.0"}};
    private static final String[] FOREIGN = {"US", "KR", "RU", "GB", "JP"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final long seed;

    DemoHospital(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, @Value("${fuyou.demo.enabled:false}") boolean enabled,
                 @Value("${fuyou.demo.seed:1}") long seed) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.enabled = enabled;
        this.seed = seed;
    }

    private record Ward(UUID id, String code, BedType type, List<Bed> beds, int dxSet) {}

    private static final class Bed {
        final UUID id;
        final Ward ward;
        OffsetDateTime freeAt;
        OffsetDateTime lastDischarge;
        boolean occupiedNow;

        Bed(UUID id, Ward ward, OffsetDateTime freeAt) {
            this.id = id;
            this.ward = ward;
            this.freeAt = freeAt;
        }
    }

    private record Segment(Bed bed, OffsetDateTime from, OffsetDateTime to) {}

    private record Stay(UUID admissionId, UUID childId, BedType admittedType, List<Segment> segments, OffsetDateTime admitted,
                        OffsetDateTime discharged, Integer ga, Integer weight, String outcome, int dxSet) {}

    @EventListener(ApplicationReadyEvent.class)
    @Order(70)
    void load() {
        if (!enabled) return;
        UUID hospital = jdbc.sql("select id from institution where code = ?").param(HOSPITAL).query(UUID.class).optional().orElse(null);
        if (hospital == null || jdbc.sql("select count(*) from hospital_bed").query(Long.class).single() > 0) return;
        long t0 = System.nanoTime();
        tx.executeWithoutResult(s -> build(hospital));
        log.info("Demo hospital: {} beds, {} admissions in {} ms", jdbc.sql("select count(*) from hospital_bed").query(Long.class).single(),
                jdbc.sql("select count(*) from admission").query(Long.class).single(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void build(UUID hospital) {
        Random rnd = new Random(seed + 70);
        OffsetDateTime now = OffsetDateTime.now(Admissions.ZONE);
        OffsetDateTime simStart = now.minusDays(45);
        OffsetDateTime windowStart = now.minusDays(31);
        String areaCode = jdbc.sql("select area_code from institution where id = ?").param(hospital).query(String.class).single();
        List<Ward> wards = new ArrayList<>();
        List<Object[]> divisionRows = new ArrayList<>();
        List<Object[]> wardRows = new ArrayList<>();
        List<Object[]> bedRows = new ArrayList<>();
        int general = 0;
        for (Object[] d : DIVISIONS) {
            UUID divisionId = UUID.randomUUID();
            divisionRows.add(new Object[]{divisionId, hospital, d[0], d[1], d[2]});
            Object[][] ws = (Object[][]) d[3];
            if (ws == null) {
                int beds = general++ < 10 ? 25 : 24; // 25 general divisions share 610 beds
                ws = new Object[][]{{d[0], d[1] + "病房", d[2] + " ward", BedType.GENERAL, beds}};
            }
            for (Object[] w : ws) {
                BedType type = (BedType) w[3];
                int dxSet = switch (type) {
                    case NICU_III -> 0; case NICU_II -> 1; case NICU_I -> 2; case PICU -> 3; case ISOLATION -> 4; default -> 5;
                };
                Ward ward = new Ward(UUID.randomUUID(), (String) w[0], type, new ArrayList<>(), dxSet);
                wardRows.add(new Object[]{ward.id(), hospital, divisionId, w[0], w[1], w[2]});
                for (int i = 1; i <= (int) w[4]; i++) {
                    Bed bed = new Bed(UUID.randomUUID(), ward, simStart);
                    ward.beds().add(bed);
                    bedRows.add(new Object[]{bed.id, hospital, ward.id(), w[0] + "-" + String.format("%02d", i), type.name()});
                }
                wards.add(ward);
            }
        }
        template.batchUpdate("insert into hospital_division (id, institution_id, code, name_zh, name_en) values (?, ?, ?, ?, ?)", divisionRows);
        template.batchUpdate("insert into hospital_ward (id, institution_id, division_id, code, name_zh, name_en) values (?, ?, ?, ?, ?, ?)", wardRows);

        // arrivals, in time order, each taking a bed that is free at that moment (or turned away)
        record Arrival(OffsetDateTime at, Ward ward) {}
        List<Arrival> arrivals = new ArrayList<>();
        for (Ward w : wards) {
            double meanLos = meanLosDays(w.type());
            double perDay = w.beds().size() * 0.85 / meanLos;
            for (OffsetDateTime t = simStart; t.isBefore(now); ) {
                t = t.plusMinutes((long) (-Math.log(1 - rnd.nextDouble()) * 1440 / perDay));
                if (t.isBefore(now)) arrivals.add(new Arrival(t, w));
            }
        }
        arrivals.sort(Comparator.comparing(Arrival::at));
        Ward nicu2 = wards.stream().filter(w -> w.type() == BedType.NICU_II).findFirst().orElseThrow();
        List<Stay> stays = new ArrayList<>();
        for (Arrival a : arrivals) {
            Bed bed = a.ward().beds().stream().filter(b -> !b.freeAt.isAfter(a.at())).findFirst().orElse(null);
            if (bed == null) continue;
            Integer ga = gestation(a.ward().type(), rnd);
            double losDays = meanLosDays(a.ward().type()) * (0.4 + rnd.nextDouble() * 1.2) * (ga != null && ga < 28 * 7 ? 1.8 : 1);
            OffsetDateTime end = a.at().plusMinutes((long) (losDays * 1440));
            List<Segment> segments = new ArrayList<>();
            OffsetDateTime segEnd = end;
            if (a.ward().type() == BedType.NICU_III && rnd.nextInt(10) < 4) { // step down to level II when a bed is free then
                OffsetDateTime step = a.at().plusMinutes((long) (losDays * 1440 * (0.4 + rnd.nextDouble() * 0.2)));
                Bed down = step.isAfter(now) ? null : nicu2.beds().stream().filter(b -> !b.freeAt.isAfter(step)).findFirst().orElse(null);
                if (down != null) {
                    segments.add(new Segment(bed, a.at(), step));
                    mark(bed, step, now, rnd);
                    segments.add(new Segment(down, step, end));
                    mark(down, end, now, rnd);
                    segEnd = null;
                }
            }
            if (segEnd != null) {
                segments.add(new Segment(bed, a.at(), end));
                mark(bed, end, now, rnd);
            }
            if (end.isBefore(windowStart)) continue;
            boolean discharged = end.isBefore(now);
            int deathPer1000 = a.ward().type() == BedType.NICU_III ? (ga != null && ga < 28 * 7 ? 150 : 50)
                    : a.ward().type() == BedType.PICU ? 30 : a.ward().type().neonatal() ? 5 : 1;
            String outcome = !discharged ? null : rnd.nextInt(1000) < deathPer1000 ? "DIED"
                    : new String[]{"CURED", "IMPROVED", "IMPROVED", "CURED", "TRANSFERRED", "AGAINST_ADVICE", "CURED", "IMPROVED"}[rnd.nextInt(8)];
            Integer weight = ga == null ? null : Math.max(450, Math.min(4200, (int) (3400 * Math.pow(ga / 280.0, 3.2)) + rnd.nextInt(300) - 150));
            stays.add(new Stay(UUID.randomUUID(), UUID.randomUUID(), a.ward().type(), segments, a.at(), discharged ? end : null, ga, weight,
                    outcome, a.ward().dxSet()));
        }

        // the board now: occupied, cleaning after a recent discharge, a few closed and reserved
        List<UUID> members = jdbc.sql("""
                select id from institution where code <> ? and type in ('MCH_HOSPITAL', 'GENERAL_HOSPITAL') order by code""")
                .param(HOSPITAL).query(UUID.class).list();
        java.util.Map<UUID, String> codes = new java.util.HashMap<>();
        jdbc.sql("select id, code from institution").query((rs, i) -> codes.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        List<Bed> all = wards.stream().flatMap(w -> w.beds().stream()).toList();
        int closed = 0;
        for (Bed b : all) {
            String state = b.occupiedNow ? "OCCUPIED" : b.lastDischarge != null && b.lastDischarge.isAfter(now.minusHours(2)) ? "CLEANING" : "FREE";
            if ("FREE".equals(state) && rnd.nextInt(100) < 3 && closed < 14) { state = "CLOSED"; closed++; }
            bedRows.set(all.indexOf(b), append(bedRows.get(all.indexOf(b)), state));
        }
        template.batchUpdate("insert into hospital_bed (id, institution_id, ward_id, label, type, state, changed_by) values (?, ?, ?, ?, ?, ?, 'demo')", bedRows);

        List<Object[]> persons = new ArrayList<>();
        List<Object[]> access = new ArrayList<>();
        List<Object[]> referrals = new ArrayList<>();
        List<Object[]> requests = new ArrayList<>();
        List<Object[]> admissions = new ArrayList<>();
        List<Object[]> segments = new ArrayList<>();
        List<Object[]> facts = new ArrayList<>();
        int n = 0;
        for (Stay st : stays) {
            n++;
            boolean neonatal = st.admittedType().neonatal();
            LocalDate birth = neonatal ? st.admitted().toLocalDate().minusDays(rnd.nextInt(4))
                    : st.admitted().toLocalDate().minusDays(35 + rnd.nextInt(365 * 6));
            boolean foreign = rnd.nextInt(150) == 0;
            String sex = rnd.nextBoolean() ? "F" : "M";
            String family = foreign ? "Smith" : SURNAMES[rnd.nextInt(SURNAMES.length)];
            String given = foreign ? (sex.equals("F") ? "Emma" : "Leo") : GIVEN[rnd.nextInt(GIVEN.length)];
            persons.add(new Object[]{st.childId(), family, given, foreign ? given + " " + family : family + given, sex, birth,
                    foreign ? "PASSPORT" : "BIRTH_RECORD", foreign ? "P" + (10000000 + n) : "CQCH" + birth.getYear() + String.format("%06d", n),
                    foreign ? FOREIGN[rnd.nextInt(FOREIGN.length)] : null, areaCode, hospital});
            access.add(new Object[]{st.childId(), hospital});
            UUID referral = null;
            UUID from = null;
            OffsetDateTime requested = null;
            if (neonatal && !members.isEmpty() && rnd.nextInt(100) < 65) {
                referral = UUID.randomUUID();
                from = members.get(Math.min(members.size() - 1, (int) Math.abs(rnd.nextGaussian() * members.size() / 3)));
                requested = st.admitted().minusMinutes(25 + rnd.nextInt(rnd.nextInt(5) == 0 ? 300 : 110));
                OffsetDateTime decided = requested.plusMinutes(3 + rnd.nextInt(15));
                String state = st.discharged() == null ? "ARRIVED" : "DIED".equals(st.outcome()) ? "COMPLETED" : "BACK_REFERRED";
                referrals.add(new Object[]{referral, st.childId(), from, hospital, "新生儿转运：" + (st.ga() != null && st.ga() < 259 ? "早产儿" : "危重新生儿"),
                        state, ts(decided), ts(st.admitted()), ts(st.discharged()), ts(requested), ts(st.discharged() != null ? st.discharged() : st.admitted())});
                requests.add(new Object[]{referral, st.childId(), from, hospital, st.admittedType().name(), st.ga(), st.weight(), foreign,
                        foreign, foreign ? "English" : null, ts(requested), state});
                access.add(new Object[]{st.childId(), from});
            }
            Segment last = st.segments().get(st.segments().size() - 1);
            Integer los = st.discharged() == null ? null
                    : LengthOfStay.days(st.admitted().atZoneSameInstant(Admissions.ZONE).toLocalDate(),
                    st.discharged().atZoneSameInstant(Admissions.ZONE).toLocalDate());
            String[] dx = DX[st.dxSet()];
            String d1 = dx[rnd.nextInt(dx.length)];
            admissions.add(new Object[]{st.admissionId(), hospital, st.childId(), referral, from, last.bed().ward.id(), last.bed().id,
                    st.admittedType().name(), ts(requested), ts(st.admitted()), st.ga(), st.weight(),
                    (int) Duration.between(birth.atStartOfDay(Admissions.ZONE), st.admitted()).toDays(), new String[]{d1}, foreign, foreign,
                    foreign ? "English" : null, st.discharged() == null ? "ADMITTED" : "DISCHARGED", ts(st.discharged()), st.outcome(),
                    st.discharged() == null ? new String[0] : new String[]{d1}, st.discharged() == null ? null : "演示出院小结 / demo discharge summary",
                    st.discharged() == null || "DIED".equals(st.outcome()) ? null : from != null ? from : hospital,
                    st.discharged() == null || "DIED".equals(st.outcome()) ? null : "出院后1周复诊，高危儿管理 / review in 1 week, high-risk follow-up", los});
            for (Segment sg : st.segments()) {
                OffsetDateTime to = st.discharged() == null && sg == last ? null : sg.to();
                segments.add(new Object[]{st.admissionId(), sg.bed().ward.id(), sg.bed().id, ts(sg.from()), ts(to)});
            }
            for (var f : AdmissionFacts.demo(st.admissionId(), st.childId(), st.admittedType(),
                    st.segments().stream().anyMatch(s -> s.bed().ward.type().neonatal()), GestationalAgeBand.of(st.ga()),
                    from == null ? null : codes.get(from),
                    requested == null ? null : Duration.between(requested, st.admitted()).toMinutes(), st.admitted(), st.discharged(),
                    st.outcome(), HOSPITAL, areaCode)) {
                facts.add(new Object[]{f.measure(), "hospital_admission", st.admissionId(), f.personId(), f.institutionCode(), f.areaCode(), f.date()});
            }
        }
        template.batchUpdate("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, nationality, address_area_code,
                                    registered_institution_id, created_by, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', 'demo')""", persons);
        template.batchUpdate("insert into person_institution (person_id, institution_id, reason) values (?, ?, 'CARED') on conflict do nothing", access);
        template.batchUpdate("""
                insert into referral (id, person_id, kind, from_institution_id, to_institution_id, urgency, reason, state, decided_at, arrived_at,
                                      completed_at, created_at, changed_at, created_by, changed_by)
                values (?, ?, 'NEWBORN', ?, ?, 'EMERGENCY', ?, ?, ?, ?, ?, ?, ?, 'demo', 'demo')""", referrals);
        template.batchUpdate("""
                insert into hospital_transfer_request (referral_id, child_id, from_institution_id, to_institution_id, bed_type, gestational_age_days,
                    birth_weight_g, foreign_national, interpreter_needed, interpreter_language, requested_at, requested_by, referral_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)""", requests);
        template.batchUpdate("""
                insert into admission (id, institution_id, child_id, referral_id, referring_institution_id, ward_id, bed_id, bed_type, requested_at,
                    admitted_at, gestational_age_days, birth_weight_g, age_days, diagnoses, foreign_national, interpreter_needed,
                    interpreter_language, state, discharged_at, outcome, discharge_diagnoses, summary, follow_up_institution_id, follow_up_plan,
                    length_of_stay_days, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', 'demo')""", admissions);
        template.batchUpdate("insert into admission_stay (admission_id, ward_id, bed_id, from_at, to_at, by_user) values (?, ?, ?, ?, ?, 'demo')", segments);
        // one statement, so that the statistics' per-statement count trigger runs once for the month
        jdbc.sql("""
                insert into indicator_fact (measure, source_kind, source_id, person_id, institution_code, area_code, fact_date)
                select m, 'hospital_admission', s::uuid, p::uuid, i, a, d::date from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as f(m, s, p, i, a, d)
                on conflict do nothing""")
                .params(facts.stream().map(f -> (String) f[0]).toArray(String[]::new), facts.stream().map(f -> f[2].toString()).toArray(String[]::new),
                        facts.stream().map(f -> f[3].toString()).toArray(String[]::new), facts.stream().map(f -> (String) f[4]).toArray(String[]::new),
                        facts.stream().map(f -> (String) f[5]).toArray(String[]::new),
                        facts.stream().map(f -> f[6].toString()).toArray(String[]::new))
                .update();
        reserveSome(hospital, all, members, now, rnd);
    }

    /** A few NICU beds held for newborns on their way from delivery hospitals. */
    private void reserveSome(UUID hospital, List<Bed> all, List<UUID> members, OffsetDateTime now, Random rnd) {
        if (members.isEmpty()) return;
        var free = jdbc.sql("select id from hospital_bed where institution_id = ? and state = 'FREE' and type in ('NICU_III', 'NICU_II') order by label limit 4")
                .param(hospital).query(UUID.class).list();
        int i = 0;
        for (UUID bed : free) {
            UUID child = UUID.randomUUID();
            UUID referral = UUID.randomUUID();
            UUID from = members.get(rnd.nextInt(Math.min(8, members.size())));
            OffsetDateTime requested = now.minusMinutes(20 + rnd.nextInt(60));
            int ga = 26 * 7 + rnd.nextInt(8 * 7);
            jdbc.sql("""
                    insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, registered_institution_id,
                                        created_by, changed_by) values (?, ?, ?, ?, ?, ?, 'BIRTH_RECORD', ?, ?, 'demo', 'demo')""")
                    .params(child, SURNAMES[i], "之女", SURNAMES[i] + "之女", "F", now.toLocalDate(), "CQCHR" + (100 + i), from).update();
            jdbc.sql("insert into person_institution (person_id, institution_id, reason) values (?, ?, 'REGISTERED'), (?, ?, 'REFERRED')")
                    .params(child, from, child, hospital).update();
            jdbc.sql("""
                    insert into referral (id, person_id, kind, from_institution_id, to_institution_id, urgency, reason, state, decided_at,
                                          created_at, changed_at, created_by, changed_by, gestational_age_days)
                    values (?, ?, 'NEWBORN', ?, ?, 'EMERGENCY', '早产儿，呼吸窘迫，申请NICU床位', 'ACCEPTED', ?, ?, ?, 'demo', 'demo', ?)""")
                    .params(referral, child, from, hospital, requested.plusMinutes(6), requested, requested.plusMinutes(6), ga).update();
            jdbc.sql("""
                    insert into hospital_transfer_request (referral_id, child_id, from_institution_id, to_institution_id, bed_type, gestational_age_days,
                        birth_weight_g, requested_at, requested_by, referral_state) values (?, ?, ?, ?, 'NICU_III', ?, ?, ?, 'demo', 'ACCEPTED')""")
                    .params(referral, child, from, hospital, ga, 800 + rnd.nextInt(1200), requested).update();
            jdbc.sql("update hospital_bed set state = 'RESERVED' where id = ?").param(bed).update();
            jdbc.sql("""
                    insert into bed_reservation (id, bed_id, institution_id, child_id, referral_id, expires_at, state, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 'demo')""")
                    .params(UUID.randomUUID(), bed, hospital, child, referral, now.plusHours(2 + i), requested.plusMinutes(6)).update();
            i++;
        }
    }

    private static void mark(Bed bed, OffsetDateTime end, OffsetDateTime now, Random rnd) {
        if (end.isAfter(now)) {
            bed.occupiedNow = true;
            bed.freeAt = end;
        } else {
            bed.lastDischarge = end;
            bed.freeAt = end.plusMinutes(60 + rnd.nextInt(600));
        }
    }

    private static double meanLosDays(BedType t) {
        return switch (t) {
            case NICU_III -> 16; case NICU_II -> 10; case NICU_I -> 6; case PICU -> 7; case ISOLATION -> 7; case GENERAL -> 7;
        };
    }

    private static Integer gestation(BedType t, Random rnd) {
        return switch (t) {
            case NICU_III -> 24 * 7 + rnd.nextInt(9 * 7);
            case NICU_II -> 30 * 7 + rnd.nextInt(7 * 7);
            case NICU_I -> 34 * 7 + rnd.nextInt(7 * 7);
            default -> null;
        };
    }

    private static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }

    private static Object[] append(Object[] row, Object value) {
        Object[] out = java.util.Arrays.copyOf(row, row.length + 1);
        out[row.length] = value;
        return out;
    }
}
