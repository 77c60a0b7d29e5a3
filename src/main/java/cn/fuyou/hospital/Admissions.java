package cn.fuyou.hospital;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.childhealth.HospitalStays;
import cn.fuyou.hospital.internal.AdmissionFacts;
import cn.fuyou.network.ReferralMoves;
import cn.fuyou.network.ReferralState;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's stay (issue 11 §3): arrival on a reserved bed or a direct admission, transfers
 * between wards, and discharge with ICD-10 diagnoses, length of stay, a summary filed into her
 * fuyou record and a follow-up plan that puts her on the high-risk list where she is followed.
 * Each step moves the network referral it belongs to (arrived, completed, referred back).
 */
@Service
public class Admissions {

    /** Chongqing's clock: the day of an admission, a census or a discharge is a day in China. */
    public static final ZoneId ZONE = cn.fuyou.shared.ChinaTime.ZONE;

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Persons persons;
    private final Referrals referrals;
    private final ReferralMoves moves;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final BedReservations reservations;
    private final HospitalStays stays;
    private final AdmissionFacts facts;
    private final AuditLog audit;

    Admissions(JdbcClient jdbc, Institutions institutions, Persons persons, Referrals referrals, ReferralMoves moves, PersonAccess access,
               Entitlements entitlements, BedReservations reservations, HospitalStays stays, AdmissionFacts facts, AuditLog audit) {
        this.moves = moves;
        this.access = access;
        this.entitlements = entitlements;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.persons = persons;
        this.referrals = referrals;
        this.reservations = reservations;
        this.stays = stays;
        this.facts = facts;
        this.audit = audit;
    }

    /** Either a reservation (the child arrives on the bed held for her) or a bed and a child (direct admission). */
    public record NewAdmission(UUID reservationId, UUID bedId, UUID childId, OffsetDateTime admittedAt, List<String> diagnoses,
                               Integer gestationalAgeDays, Integer birthWeightG, Boolean interpreterNeeded, String interpreterLanguage) {}

    public record Stay(String wardCode, String wardNameZh, String wardNameEn, String bedLabel, BedType bedType, OffsetDateTime fromAt,
                       OffsetDateTime toAt, String reason) {}

    public record Admission(UUID id, String institutionCode, UUID childId, String childName, String childSex, java.time.LocalDate birthDate,
                            UUID referralId, String referringInstitutionCode, String referringInstitutionName, UUID bedId,
                            String wardCode, String bedLabel, BedType bedType, OffsetDateTime requestedAt, OffsetDateTime admittedAt,
                            Long requestToArrivalMinutes, Integer gestationalAgeDays, GestationalAgeBand gestationalAgeBand,
                            Integer birthWeightG, int ageDays, List<String> diagnoses, boolean foreignNational, String nationality,
                            String passportNumber, boolean interpreterNeeded, String interpreterLanguage, String state,
                            OffsetDateTime dischargedAt, String outcome, List<String> dischargeDiagnoses, String summary,
                            String followUpInstitutionCode, String followUpInstitutionName, String followUpPlan,
                            Integer lengthOfStayDays, List<Stay> stays, long version) {}

    @Transactional
    public Admission admit(NewAdmission a) {
        Actor actor = CurrentActor.get();
        if (a == null || (a.reservationId() == null && a.bedId() == null)) {
            throw ApiException.badField("reservationId", "须指定预留或床位 / reservationId or bedId is required");
        }
        UUID bedId;
        UUID childId;
        UUID referralId = null;
        BedReservations.Reservation reservation = null;
        reservations.expireDue(); // a lapsed hold frees its bed before this write looks at beds
        if (a.reservationId() != null) {
            reservation = reservations.get(a.reservationId());
            bedId = reservation.bedId();
            childId = reservation.childId();
            referralId = reservation.referralId();
        } else {
            if (a.childId() == null) throw ApiException.badField("childId", "直接入院须指定儿童 / childId is required");
            bedId = a.bedId();
            childId = a.childId();
        }
        record Bed(UUID institutionId, UUID wardId, String type, String state) {}
        final UUID bed = bedId;
        Bed b = jdbc.sql("select institution_id, ward_id, type, state from hospital_bed where id = ? for update").param(bedId)
                .query(Bed.class).optional().orElseThrow(() -> ApiException.notFound("bed", bed));
        Institution hospital = institutions.findById(b.institutionId()).orElseThrow();
        if (!BedBoard.staffOf(actor, hospital)) throw ApiException.forbidden("只有本院医护人员可以办理入院 / only the hospital's staff admit");
        List<String> diagnoses = Icd10.codes(a.diagnoses(), "diagnoses", true);
        OffsetDateTime admittedAt = a.admittedAt() == null ? OffsetDateTime.now() : a.admittedAt();
        if (admittedAt.isAfter(OffsetDateTime.now().plusMinutes(5))) throw ApiException.badField("admittedAt", "入院时间不能在将来 / admission cannot be in the future");
        if (Boolean.TRUE.equals(a.interpreterNeeded()) && blank(a.interpreterLanguage())) {
            throw ApiException.badField("interpreterLanguage", "请注明翻译语种 / say which language");
        }
        if (reservation != null) {
            if (!"ACTIVE".equals(reservation.state())) {
                throw ApiException.conflict("reservation-ended", "预留已" + reservation.state() + "，请重新预留 / the reservation is " + reservation.state(),
                        Map.of("state", reservation.state()));
            }
        } else if (!"FREE".equals(b.state())) {
            throw ApiException.conflict("bed-not-free", "床位不空闲（" + b.state() + "） / the bed is not free (" + b.state() + ")",
                    Map.of("bedId", bedId, "state", b.state()));
        }
        PersonDetail child = persons.load(childId).orElseThrow(() -> ApiException.badField("childId", "儿童不存在 / no such child"));
        if (!access.canAccess(childId)) throw ApiException.forbidden("无权查看此儿童 / not entitled to this child");
        if (jdbc.sql("select count(*) from admission where child_id = ? and state = 'ADMITTED'").param(childId).query(Long.class).single() > 0) {
            throw ApiException.conflict("already-admitted", "该儿童已在院 / the child is already admitted", Map.of("childId", childId));
        }
        record Request(UUID from, OffsetDateTime requestedAt, Integer ga, Integer weight, boolean interpreter, String language) {}
        Request req = referralId == null ? null : jdbc.sql("""
                select from_institution_id, requested_at, gestational_age_days, birth_weight_g, interpreter_needed, interpreter_language
                  from hospital_transfer_request where referral_id = ?""").param(referralId)
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getBoolean(5), rs.getString(6))).optional().orElse(null);
        Referrals.ReferralView referral = referralId == null ? null : referrals.get(referralId);
        UUID referring = req != null ? req.from() : referral == null ? null
                : institutions.find(referral.fromInstitutionCode()).map(Institution::id).orElse(null);
        OffsetDateTime requestedAt = req != null ? req.requestedAt() : referral == null ? null : referral.createdAt();
        Integer ga = a.gestationalAgeDays() != null ? a.gestationalAgeDays() : req == null ? null : req.ga();
        Integer weight = a.birthWeightG() != null ? a.birthWeightG() : req == null ? null : req.weight();
        if (ga != null && (ga < 154 || ga > 315)) throw ApiException.badField("gestationalAgeDays", "出生孕周22–45周 / GA at birth 22–45 weeks");
        if (weight != null && (weight < 300 || weight > 7000)) throw ApiException.badField("birthWeightG", "出生体重300–7000 g / birth weight 300–7000 g");
        boolean interpreter = a.interpreterNeeded() != null ? a.interpreterNeeded() : req != null && req.interpreter();
        String language = !blank(a.interpreterLanguage()) ? a.interpreterLanguage().strip() : req == null ? null : req.language();
        int ageDays = (int) Math.max(0, ChronoUnit.DAYS.between(child.birthDate(), admittedAt.atZoneSameInstant(ZONE).toLocalDate()));

        if (reservation != null) {
            reservations.fulfil(reservation.id());
        }
        int moved = jdbc.sql("update hospital_bed set state = 'OCCUPIED', version = version + 1, changed_at = now(), changed_by = ? where id = ? and state = ?")
                .params(actor.username(), bedId, reservation != null ? "RESERVED" : "FREE").update();
        if (moved == 0) throw ApiException.conflict("bed-not-free", "床位状态已变化 / the bed changed meanwhile", Map.of("bedId", bedId));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into admission (id, institution_id, child_id, referral_id, reservation_id, referring_institution_id, ward_id, bed_id,
                    bed_type, requested_at, admitted_at, gestational_age_days, birth_weight_g, age_days, diagnoses, foreign_national,
                    interpreter_needed, interpreter_language, state, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ADMITTED', ?, ?)""")
                .params(id, hospital.id(), childId, referralId, reservation == null ? null : reservation.id(), referring, b.wardId(), bedId,
                        b.type(), requestedAt, admittedAt, ga, weight, ageDays, diagnoses.toArray(String[]::new), ForeignNational.is(child),
                        interpreter, language, actor.username(), actor.username())
                .update();
        jdbc.sql("insert into admission_stay (admission_id, ward_id, bed_id, from_at, reason, by_user) values (?, ?, ?, ?, ?, ?)")
                .params(id, b.wardId(), bedId, admittedAt, reservation != null ? "转入 / transfer arrival" : "入院 / admission", actor.username())
                .update();
        entitlements.entitle(childId, hospital.id(), "CARED");
        if (referral != null) {
            ReferralState rs = ReferralState.valueOf(referral.state());
            if (rs == ReferralState.REQUESTED) {
                referral = moves.move(referralId, new Referrals.Move(ReferralState.ACCEPTED, "入院 / admitted", null, null, null, referral.version()));
                rs = ReferralState.ACCEPTED;
            }
            if (rs == ReferralState.ACCEPTED || rs == ReferralState.IN_TRANSIT) {
                moves.move(referralId, new Referrals.Move(ReferralState.ARRIVED, "已到院 / arrived", null, null, null, referral.version()));
            }
        }
        audit.record(AuditRecord.write("ADMIT", "Admission", id, childId, Map.of("bed", bedId.toString())));
        Admission out = read(id);
        facts.admitted(out, hospital, child);
        return out;
    }

    public record WardTransfer(UUID bedId, String reason, Long version) {}

    @Transactional
    public Admission transfer(UUID id, WardTransfer t) {
        Actor actor = CurrentActor.get();
        Admission a = forWrite(id, actor);
        if (t == null || t.bedId() == null) throw ApiException.badField("bedId", "请选择目标床位 / choose the bed");
        if (t.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
        if (a.version() != t.version()) throw ApiException.staleVersion("admission", id, t.version(), a.version());
        if (!"ADMITTED".equals(a.state())) throw ApiException.conflict("not-admitted", "已出院 / already discharged", Map.of());
        if (t.bedId().equals(a.bedId())) throw ApiException.badField("bedId", "已在该床位 / already in this bed");
        reservations.expireDue();
        record Bed(UUID institutionId, UUID wardId, String type) {}
        Bed target = jdbc.sql("select institution_id, ward_id, type from hospital_bed where id = ?").param(t.bedId()).query(Bed.class).optional()
                .orElseThrow(() -> ApiException.badField("bedId", "床位不存在 / no such bed"));
        Institution hospital = institutions.find(a.institutionCode()).orElseThrow();
        if (!target.institutionId().equals(hospital.id())) throw ApiException.badField("bedId", "不是本院床位 / not a bed of this hospital");
        int taken = jdbc.sql("update hospital_bed set state = 'OCCUPIED', version = version + 1, changed_at = now(), changed_by = ? where id = ? and state = 'FREE'")
                .params(actor.username(), t.bedId()).update();
        if (taken == 0) throw ApiException.conflict("bed-not-free", "目标床位不空闲 / the bed is not free", Map.of("bedId", t.bedId()));
        jdbc.sql("update hospital_bed set state = 'CLEANING', version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), a.bedId()).update();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("update admission_stay set to_at = ? where admission_id = ? and to_at is null").params(now, id).update();
        jdbc.sql("insert into admission_stay (admission_id, ward_id, bed_id, from_at, reason, by_user) values (?, ?, ?, ?, ?, ?)")
                .params(id, target.wardId(), t.bedId(), now, blank(t.reason()) ? null : t.reason().strip(), actor.username()).update();
        jdbc.sql("""
                update admission set ward_id = ?, bed_id = ?, bed_type = case when bed_type like 'NICU%' and ? not like 'NICU%' then bed_type else ? end,
                       version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                .params(target.wardId(), t.bedId(), target.type(), target.type(), actor.username(), id).update();
        audit.record(AuditRecord.write("TRANSFER_WARD", "Admission", id, a.childId(), Map.of("bed", t.bedId().toString())));
        return read(id);
    }

    public record DischargeForm(OffsetDateTime dischargedAt, String outcome, List<String> diagnoses, String summary,
                                String followUpInstitutionCode, String followUpPlan, Long version) {}

    private static final List<String> OUTCOMES = List.of("CURED", "IMPROVED", "TRANSFERRED", "AGAINST_ADVICE", "DIED");

    @Transactional
    public Admission discharge(UUID id, DischargeForm f) {
        Actor actor = CurrentActor.get();
        Admission a = forWrite(id, actor);
        if (f == null || f.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
        if (a.version() != f.version()) throw ApiException.staleVersion("admission", id, f.version(), a.version());
        if (!"ADMITTED".equals(a.state())) throw ApiException.conflict("not-admitted", "已出院 / already discharged", Map.of());
        if (f.outcome() == null || !OUTCOMES.contains(f.outcome())) throw ApiException.badField("outcome", "请选择转归 / choose the outcome");
        List<String> diagnoses = Icd10.codes(f.diagnoses(), "diagnoses", true);
        if (blank(f.summary())) throw ApiException.badField("summary", "出院小结必填 / the discharge summary is required");
        if (f.summary().length() > 8000) throw ApiException.badField("summary", "出院小结最多8000字 / at most 8000 characters");
        OffsetDateTime at = f.dischargedAt() == null ? OffsetDateTime.now() : f.dischargedAt();
        if (at.isBefore(a.admittedAt())) throw ApiException.badField("dischargedAt", "出院时间早于入院 / discharge before admission");
        if (at.isAfter(OffsetDateTime.now().plusMinutes(5))) throw ApiException.badField("dischargedAt", "出院时间不能在将来 / discharge cannot be in the future");
        boolean died = "DIED".equals(f.outcome());
        Institution follower = null;
        if (!died) {
            if (blank(f.followUpInstitutionCode())) throw ApiException.badField("followUpInstitutionCode", "请选择随访机构 / who follows her?");
            if (blank(f.followUpPlan())) throw ApiException.badField("followUpPlan", "请填写随访计划 / the follow-up plan is required");
            follower = institutions.find(f.followUpInstitutionCode().strip())
                    .orElseThrow(() -> ApiException.badField("followUpInstitutionCode", "未知机构 / unknown institution"));
        }
        int los = LengthOfStay.days(a.admittedAt().atZoneSameInstant(ZONE).toLocalDate(), at.atZoneSameInstant(ZONE).toLocalDate());
        jdbc.sql("update admission_stay set to_at = ? where admission_id = ? and to_at is null").params(at, id).update();
        jdbc.sql("update hospital_bed set state = 'CLEANING', version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), a.bedId()).update();
        jdbc.sql("""
                update admission set state = 'DISCHARGED', discharged_at = ?, outcome = ?, discharge_diagnoses = ?, summary = ?,
                       follow_up_institution_id = ?, follow_up_plan = ?, length_of_stay_days = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ?""")
                .params(at, f.outcome(), diagnoses.toArray(String[]::new), f.summary().strip(), follower == null ? null : follower.id(),
                        died ? null : f.followUpPlan().strip(), los, actor.username(), id)
                .update();
        Institution hospital = institutions.find(a.institutionCode()).orElseThrow();
        boolean nicu = jdbc.sql("""
                select exists (select 1 from admission_stay s join hospital_bed b on b.id = s.bed_id
                                where s.admission_id = ? and b.type like 'NICU%')""").param(id).query(Boolean.class).single();
        String reason = died ? null : nicu ? "NICU_GRADUATE"
                : a.gestationalAgeDays() != null && a.gestationalAgeDays() < 37 * 7 ? "PRETERM"
                : a.birthWeightG() != null && a.birthWeightG() < 2500 ? "LOW_BIRTH_WEIGHT" : "HOSPITAL_FOLLOW_UP";
        stays.file(new HospitalStays.Discharge(a.childId(), id, hospital.id(), a.admittedAt(), at, los, diagnoses, f.outcome(),
                f.summary().strip(), follower == null ? null : follower.id(), died ? null : f.followUpPlan().strip(), a.gestationalAgeDays(),
                a.birthWeightG(), reason, reason == null ? null : hospital.nameZh() + " 出院 " + String.join(",", diagnoses)));
        if (a.referralId() != null) {
            var referral = referrals.get(a.referralId());
            if (ReferralState.ARRIVED.name().equals(referral.state())) {
                referral = moves.move(a.referralId(), new Referrals.Move(ReferralState.COMPLETED, null, null,
                        f.outcome() + "：" + String.join(",", diagnoses), null, referral.version()));
                if (!died) {
                    moves.move(a.referralId(), new Referrals.Move(ReferralState.BACK_REFERRED, null, null, null,
                            follower.nameZh() + "：" + f.followUpPlan().strip(), referral.version()));
                }
            }
        }
        audit.record(AuditRecord.write("DISCHARGE", "Admission", id, a.childId(), Map.of("outcome", f.outcome())));
        Admission out = read(id);
        facts.discharged(out, hospital, persons.load(a.childId()).orElseThrow());
        return out;
    }

    private Admission forWrite(UUID id, Actor actor) {
        jdbc.sql("select id from admission where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("admission", id));
        Admission a = read(id);
        Institution hospital = institutions.find(a.institutionCode()).orElseThrow();
        if (!BedBoard.staffOf(actor, hospital)) throw ApiException.forbidden("只有本院医护人员可以操作 / only the hospital's staff");
        return a;
    }

    @Transactional
    public Admission get(UUID id) {
        Admission a = read(id);
        Actor actor = CurrentActor.get();
        Institution hospital = institutions.find(a.institutionCode()).orElseThrow();
        if (!BedBoard.staffOf(actor, hospital) && !access.canAccess(a.childId())) {
            audit.recordIndependently(AuditRecord.read("Admission", id, a.childId(), false, false, null));
            throw ApiException.forbidden("无权查看此住院记录 / not entitled to this admission");
        }
        audit.recordRead(AuditRecord.read("Admission", id, a.childId(), true, false, null));
        return a;
    }

    /** The hospital's admissions, newest first: in hospital now, or all. */
    @Transactional
    public PageResult<Admission> list(String state, String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        var where = new StringBuilder(" where institution_id = ?");
        var params = new ArrayList<Object>(List.of(actor.institutionId()));
        if (!blank(state)) { where.append(" and state = ?"); params.add(state.strip().toUpperCase()); }
        long total = jdbc.sql("select count(*) from admission" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        var ids = jdbc.sql("select id from admission" + where + " order by admitted_at desc limit ? offset ?").params(params).query(UUID.class).list();
        audit.recordRead(AuditRecord.read("AdmissionList", actor.institutionCode(), null, true, false, null));
        return new PageResult<>(ids.stream().map(this::read).toList(), total, page.page(), page.size());
    }

    /** Every admission of a child the caller may see (FHIR Encounter search by patient). */
    @Transactional
    public List<Admission> forChild(UUID childId) {
        if (!access.canAccess(childId)) throw ApiException.forbidden("无权查看此儿童 / not entitled to this child");
        audit.recordRead(AuditRecord.read("Admission", childId, childId, true, false, null));
        return jdbc.sql("select id from admission where child_id = ? order by admitted_at").param(childId).query(UUID.class).list()
                .stream().map(this::read).toList();
    }

    Admission read(UUID id) {
        var stayRows = jdbc.sql("""
                select w.code, w.name_zh, w.name_en, b.label, b.type, s.from_at, s.to_at, s.reason from admission_stay s
                  join hospital_ward w on w.id = s.ward_id join hospital_bed b on b.id = s.bed_id where s.admission_id = ? order by s.from_at, s.id""")
                .param(id).query((rs, n) -> new Stay(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        BedType.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8))).list();
        return jdbc.sql("""
                select a.*, w.code as ward_code, b.label as bed_label from admission a join hospital_ward w on w.id = a.ward_id
                  join hospital_bed b on b.id = a.bed_id where a.id = ?""").param(id)
                .query((rs, n) -> map(rs, stayRows)).optional().orElseThrow(() -> ApiException.notFound("admission", id));
    }

    private Admission map(ResultSet rs, List<Stay> stayRows) throws SQLException {
        UUID childId = rs.getObject("child_id", UUID.class);
        PersonDetail child = persons.load(childId).orElseThrow();
        Institution hospital = institutions.findById(rs.getObject("institution_id", UUID.class)).orElseThrow();
        Institution referring = institutions.findById(rs.getObject("referring_institution_id", UUID.class)).orElse(null);
        Institution follower = institutions.findById(rs.getObject("follow_up_institution_id", UUID.class)).orElse(null);
        OffsetDateTime requested = rs.getObject("requested_at", OffsetDateTime.class);
        OffsetDateTime admitted = rs.getObject("admitted_at", OffsetDateTime.class);
        Integer ga = (Integer) rs.getObject("gestational_age_days");
        boolean foreign = rs.getBoolean("foreign_national");
        return new Admission(rs.getObject("id", UUID.class), hospital.code(), childId, child.fullName(), child.sex(), child.birthDate(),
                rs.getObject("referral_id", UUID.class), referring == null ? null : referring.code(), referring == null ? null : referring.nameZh(),
                rs.getObject("bed_id", UUID.class), rs.getString("ward_code"), rs.getString("bed_label"), BedType.valueOf(rs.getString("bed_type")),
                requested, admitted, requested == null ? null : Duration.between(requested, admitted).toMinutes(), ga,
                GestationalAgeBand.of(ga), (Integer) rs.getObject("birth_weight_g"), rs.getInt("age_days"), strings(rs.getArray("diagnoses")),
                foreign, child.nationality(), foreign ? child.idNumber() : null, rs.getBoolean("interpreter_needed"),
                rs.getString("interpreter_language"), rs.getString("state"), rs.getObject("discharged_at", OffsetDateTime.class),
                rs.getString("outcome"), strings(rs.getArray("discharge_diagnoses")), rs.getString("summary"),
                follower == null ? null : follower.code(), follower == null ? null : follower.nameZh(), rs.getString("follow_up_plan"),
                (Integer) rs.getObject("length_of_stay_days"), stayRows, rs.getLong("version"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
