package cn.fuyou.hospital;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.network.ReferralMoves;
import cn.fuyou.network.ReferralState;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holding a free bed for a child who is on her way (issue 11 §2). Taking the bed is one
 * conditional update ("free → reserved"), so of many concurrent requests for one bed exactly one
 * wins and the others get 409; a partial unique index keeps one active reservation per bed even if
 * that were ever bypassed. A reservation that passes its expiry without the baby frees the bed.
 */
@Service
public class BedReservations {

    /** Longest a bed may be held for a transfer (fuyou rule: a transfer that takes longer is re-requested). */
    static final Duration MAX_HOLD = Duration.ofHours(24);
    private static final EnumSet<ReferralState> RESERVABLE = EnumSet.of(ReferralState.REQUESTED, ReferralState.ACCEPTED, ReferralState.IN_TRANSIT);

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Persons persons;
    private final Referrals referrals;
    private final ReferralMoves moves;
    private final PersonAccess access;
    private final AuditLog audit;

    BedReservations(JdbcClient jdbc, Institutions institutions, Persons persons, Referrals referrals, ReferralMoves moves,
                    PersonAccess access, AuditLog audit) {
        this.moves = moves;
        this.access = access;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.persons = persons;
        this.referrals = referrals;
        this.audit = audit;
    }

    public record NewReservation(UUID childId, UUID referralId, OffsetDateTime expiresAt) {}

    public record Reservation(UUID id, UUID bedId, String wardCode, String bedLabel, BedType bedType, UUID childId, String childName,
                              UUID referralId, OffsetDateTime expiresAt, String state, OffsetDateTime createdAt, String createdBy, long version) {}

    @Transactional
    public Reservation reserve(UUID bedId, NewReservation r) {
        Actor actor = CurrentActor.get();
        UUID institutionId = jdbc.sql("select institution_id from hospital_bed where id = ?").param(bedId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("bed", bedId));
        Institution hospital = institutions.findById(institutionId).orElseThrow();
        if (!BedBoard.staffOf(actor, hospital)) throw ApiException.forbidden("只有本院医护人员可以预留床位 / only the hospital's staff reserve its beds");
        if (r == null || (r.childId() == null && r.referralId() == null)) {
            throw ApiException.badField("childId", "须指定儿童或转诊单 / childId or referralId is required");
        }
        if (r.expiresAt() == null) throw ApiException.badField("expiresAt", "须填写预留截止时间 / expiresAt is required");
        OffsetDateTime now = OffsetDateTime.now();
        if (!r.expiresAt().isAfter(now)) throw ApiException.badField("expiresAt", "截止时间须晚于现在 / expiresAt must be in the future");
        if (r.expiresAt().isAfter(now.plus(MAX_HOLD))) throw ApiException.badField("expiresAt", "预留最长24小时 / a bed is held for at most 24 hours");
        UUID childId = r.childId();
        Referrals.ReferralView referral = null;
        if (r.referralId() != null) {
            referral = referrals.get(r.referralId());
            if (!referral.toInstitutionCode().equals(hospital.code())) {
                throw ApiException.badField("referralId", "转诊单不是转往本院 / the referral is not to this hospital");
            }
            if (!RESERVABLE.contains(ReferralState.valueOf(referral.state()))) {
                throw ApiException.conflict("referral-not-open", "转诊单状态为 " + referral.state() + "，不能预留 / the referral is " + referral.state(),
                        Map.of("state", referral.state()));
            }
            if (childId != null && !childId.equals(referral.personId())) {
                throw ApiException.badField("childId", "儿童与转诊单不一致 / the child is not the referral's");
            }
            childId = referral.personId();
        }
        if (persons.load(childId).isEmpty()) throw ApiException.badField("childId", "儿童不存在 / no such child");
        if (!access.canAccess(childId)) throw ApiException.forbidden("无权查看此儿童 / not entitled to this child");
        expireDue();
        if (jdbc.sql("select count(*) from bed_reservation where child_id = ? and state = 'ACTIVE'").param(childId).query(Long.class).single() > 0) {
            throw ApiException.conflict("child-already-reserved", "该儿童已有预留床位 / the child already holds a reserved bed", Map.of("childId", childId));
        }
        int taken = jdbc.sql("""
                update hospital_bed set state = 'RESERVED', version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and state = 'FREE'""").params(actor.username(), bedId).update();
        if (taken == 0) {
            String state = jdbc.sql("select state from hospital_bed where id = ?").param(bedId).query(String.class).single();
            throw ApiException.conflict("bed-not-free", "床位不空闲（" + state + "） / the bed is not free (" + state + ")",
                    Map.of("bedId", bedId, "state", state));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into bed_reservation (id, bed_id, institution_id, child_id, referral_id, expires_at, state, created_by)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(id, bedId, hospital.id(), childId, r.referralId(), r.expiresAt(), actor.username()).update();
        if (referral != null && ReferralState.REQUESTED.name().equals(referral.state())) {
            moves.move(referral.id(), new Referrals.Move(ReferralState.ACCEPTED, "已预留床位 / bed reserved", null, null, null,
                    referral.version()));
        }
        audit.record(AuditRecord.write("RESERVE", "BedReservation", id, childId,
                Map.of("bed", bedId.toString(), "expiresAt", r.expiresAt().toString())));
        return get(id);
    }

    /** The reservation ends without the baby (she went elsewhere, the request was withdrawn). */
    @Transactional
    public Reservation cancel(UUID id, Long version) {
        Actor actor = CurrentActor.get();
        Reservation r = get(id);
        Institution hospital = institutions.findById(institutionOf(id)).orElseThrow();
        if (!BedBoard.staffOf(actor, hospital)) throw ApiException.forbidden("只有本院医护人员可以取消预留 / only the hospital's staff cancel");
        if (version == null) throw ApiException.badField("version", "版本号必填 / version is required");
        if (r.version() != version) throw ApiException.staleVersion("reservation", id, version, r.version());
        if (!"ACTIVE".equals(r.state())) throw ApiException.conflict("reservation-ended", "预留已结束 / the reservation has ended", Map.of("state", r.state()));
        end(id, r.bedId(), "CANCELLED", actor.username());
        audit.record(AuditRecord.write("CANCEL", "BedReservation", id, r.childId(), Map.of()));
        return get(id);
    }

    /** Frees the beds of every reservation past its expiry; returns how many expired. Safe to run concurrently. */
    @Transactional
    public int expireDue() {
        List<UUID[]> due = jdbc.sql("""
                select id, bed_id from bed_reservation where state = 'ACTIVE' and expires_at <= now()
                   for update skip locked""")
                .query((rs, n) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        for (UUID[] d : due) {
            end(d[0], d[1], "EXPIRED", "system");
            audit.record(AuditRecord.write("EXPIRE", "BedReservation", d[0], null, Map.of("bed", d[1].toString())));
        }
        return due.size();
    }

    private void end(UUID id, UUID bedId, String state, String by) {
        jdbc.sql("update bed_reservation set state = ?, ended_at = now(), version = version + 1 where id = ?").params(state, id).update();
        jdbc.sql("update hospital_bed set state = 'FREE', version = version + 1, changed_at = now(), changed_by = ? where id = ? and state = 'RESERVED'")
                .params(by, bedId).update();
    }

    /** Marks the reservation used by the child's arrival (the admission moves the bed). */
    void fulfil(UUID id) {
        jdbc.sql("update bed_reservation set state = 'FULFILLED', ended_at = now(), version = version + 1 where id = ?").param(id).update();
    }

    private UUID institutionOf(UUID id) {
        return jdbc.sql("select institution_id from bed_reservation where id = ?").param(id).query(UUID.class).single();
    }

    public Reservation get(UUID id) {
        return jdbc.sql("""
                select r.*, w.code as ward_code, b.label, b.type from bed_reservation r join hospital_bed b on b.id = r.bed_id
                  join hospital_ward w on w.id = b.ward_id where r.id = ?""").param(id)
                .query((rs, n) -> {
                    UUID child = rs.getObject("child_id", UUID.class);
                    return new Reservation(rs.getObject("id", UUID.class), rs.getObject("bed_id", UUID.class), rs.getString("ward_code"),
                            rs.getString("label"), BedType.valueOf(rs.getString("type")), child, persons.namesOf(List.of(child)).get(child),
                            rs.getObject("referral_id", UUID.class), rs.getObject("expires_at", OffsetDateTime.class), rs.getString("state"),
                            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getLong("version"));
                }).optional().orElseThrow(() -> ApiException.notFound("reservation", id));
    }

    /** The hospital's reservations that are still holding a bed (one past its expiry no longer holds it). */
    @Transactional(readOnly = true)
    public List<Reservation> active() {
        Actor actor = CurrentActor.get();
        return jdbc.sql("select id from bed_reservation where institution_id = ? and state = 'ACTIVE' and expires_at > now() order by expires_at")
                .param(actor.institutionId()).query(UUID.class).list().stream().map(this::get).toList();
    }
}
