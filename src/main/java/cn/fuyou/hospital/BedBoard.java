package cn.fuyou.hospital;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live bed board (issue 11 §1): the hospital's own staff see every ward with its beds, who
 * holds them and until when; everyone else — a referring delivery room, a regional official — sees
 * capacity only: counts per ward and bed type, never patients.
 */
@Service
public class BedBoard {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Persons persons;
    private final BedReservations reservations;
    private final AuditLog audit;

    BedBoard(JdbcClient jdbc, Institutions institutions, Persons persons, BedReservations reservations, AuditLog audit) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.persons = persons;
        this.reservations = reservations;
        this.audit = audit;
    }

    /** Counts of beds of one type in one state set. */
    public record TypeCount(BedType type, int total, int free, int occupied, int reserved, int cleaning, int closed) {}

    public record Holder(UUID reservationId, UUID admissionId, UUID childId, String childName, UUID referralId,
                         OffsetDateTime expiresAt, OffsetDateTime admittedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BedView(UUID id, String wardCode, String label, BedType type, BedState state, long version, Holder holder,
                          List<BedState> moves) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WardView(String wardCode, String nameZh, String nameEn, String divisionCode, String divisionNameZh,
                           String divisionNameEn, List<TypeCount> capacity, List<BedView> beds) {}

    public record Board(String institutionCode, String institutionNameZh, String institutionNameEn, boolean capacityOnly,
                        OffsetDateTime asOf, List<TypeCount> totals, List<WardView> wards) {}

    /** Whether the current actor works at the hospital (sees beds and patients, may reserve and admit). */
    public static boolean staffOf(Actor actor, Institution hospital) {
        return actor.institutionId() != null && actor.institutionId().equals(hospital.id())
                && (actor.role() == StaffRole.CLINICIAN || actor.role() == StaffRole.MIDWIFE_NURSE || actor.role() == StaffRole.INSTITUTION_ADMIN);
    }

    /**
     * A bed held by a reservation past its expiry is free now, whether or not the expiry job
     * (every 30 s, and every write that reserves or admits) has written it yet: reads derive it
     * here and never write. The version shown is the one the bed has once the expiry is written
     * (it adds one), so a move by hand made from this view is not refused as stale.
     */
    private static final String LAPSED = """
            b.state = 'RESERVED' and exists (select 1 from bed_reservation lr
                 where lr.bed_id = b.id and lr.state = 'ACTIVE' and lr.expires_at <= now())""";
    static final String STATE_NOW = "case when " + LAPSED + " then 'FREE' else b.state end";
    static final String VERSION_NOW = "b.version + case when " + LAPSED + " then 1 else 0 end";

    @Transactional
    public Board board(String institutionCode) {
        Actor actor = CurrentActor.get();
        String code = institutionCode == null || institutionCode.isBlank() ? actor.institutionCode() : institutionCode.strip();
        Institution hospital = institutions.find(code).orElseThrow(() -> ApiException.notFound("institution", code));
        boolean detail = staffOf(actor, hospital);
        record Row(UUID id, UUID wardId, String wardCode, String wardZh, String wardEn, String divCode, String divZh, String divEn,
                   String label, String type, String state, long version) {}
        List<Row> rows = jdbc.sql("""
                select b.id, w.id, w.code, w.name_zh, w.name_en, d.code, d.name_zh, d.name_en, b.label, b.type,
                       """ + STATE_NOW + ", " + VERSION_NOW + """
                  from hospital_bed b join hospital_ward w on w.id = b.ward_id join hospital_division d on d.id = w.division_id
                 where b.institution_id = ? order by d.code, w.code, b.label""")
                .param(hospital.id())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getLong(12)))
                .list();
        Map<UUID, Holder> holders = detail ? holders(hospital.id()) : Map.of();
        if (detail && !holders.isEmpty()) {
            Map<UUID, String> names = persons.namesOf(holders.values().stream().map(Holder::childId).toList());
            holders.replaceAll((bed, h) -> new Holder(h.reservationId(), h.admissionId(), h.childId(), names.get(h.childId()),
                    h.referralId(), h.expiresAt(), h.admittedAt()));
        }
        Map<String, List<Row>> byWard = new LinkedHashMap<>();
        for (Row r : rows) byWard.computeIfAbsent(r.wardCode(), k -> new ArrayList<>()).add(r);
        List<WardView> wards = new ArrayList<>();
        for (var e : byWard.entrySet()) {
            Row first = e.getValue().get(0);
            List<BedView> beds = detail ? e.getValue().stream().map(r -> new BedView(r.id(), r.wardCode(), r.label(),
                    BedType.valueOf(r.type()), BedState.valueOf(r.state()), r.version(), holders.get(r.id()),
                    List.copyOf(BedStateMachine.byHand(BedState.valueOf(r.state()))))).toList() : null;
            wards.add(new WardView(first.wardCode(), first.wardZh(), first.wardEn(), first.divCode(), first.divZh(), first.divEn(),
                    counts(e.getValue().stream().map(r -> new String[]{r.type(), r.state()}).toList()), beds));
        }
        if (detail) {
            audit.recordRead(AuditRecord.read("BedBoard", hospital.code(), null, true, false, null));
        }
        return new Board(hospital.code(), hospital.nameZh(), hospital.nameEn(), !detail, OffsetDateTime.now(),
                counts(rows.stream().map(r -> new String[]{r.type(), r.state()}).toList()), wards);
    }

    private Map<UUID, Holder> holders(UUID institutionId) {
        Map<UUID, Holder> out = new java.util.HashMap<>();
        jdbc.sql("select bed_id, id, child_id, referral_id, expires_at from bed_reservation where institution_id = ? and state = 'ACTIVE' and expires_at > now()")
                .param(institutionId)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), new Holder(rs.getObject(2, UUID.class), null,
                        rs.getObject(3, UUID.class), null, rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class), null)))
                .list();
        jdbc.sql("select bed_id, id, child_id, referral_id, admitted_at from admission where institution_id = ? and state = 'ADMITTED'")
                .param(institutionId)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), new Holder(null, rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), null, rs.getObject(4, UUID.class), null, rs.getObject(5, OffsetDateTime.class))))
                .list();
        return out;
    }

    static List<TypeCount> counts(List<String[]> typeAndState) {
        Map<BedType, int[]> by = new EnumMap<>(BedType.class);
        for (String[] ts : typeAndState) {
            int[] c = by.computeIfAbsent(BedType.valueOf(ts[0]), k -> new int[5]);
            c[BedState.valueOf(ts[1]).ordinal()]++;
        }
        List<TypeCount> out = new ArrayList<>();
        by.forEach((type, c) -> out.add(new TypeCount(type, c[0] + c[1] + c[2] + c[3] + c[4], c[BedState.FREE.ordinal()],
                c[BedState.OCCUPIED.ordinal()], c[BedState.RESERVED.ordinal()], c[BedState.CLEANING.ordinal()], c[BedState.CLOSED.ordinal()])));
        return out;
    }

    /** One institution's capacity in the network NICU/PICU view. */
    public record NetworkCapacity(String institutionCode, String nameZh, String nameEn, String areaCode, boolean foreignNationals,
                                  List<TypeCount> capacity, int freeNeonatal, int freePaediatricIntensive) {}

    /** Free intensive-care capacity of every hospital with beds in fuyou, for referring institutions (counts only). */
    @Transactional(readOnly = true)
    public List<NetworkCapacity> network() {
        record Row(UUID institutionId, String type, String state) {}
        var rows = jdbc.sql("select b.institution_id, b.type, " + STATE_NOW + " from hospital_bed b")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
        Map<UUID, List<String[]>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(r.institutionId(), k -> new ArrayList<>()).add(new String[]{r.type(), r.state()}));
        List<NetworkCapacity> out = new ArrayList<>();
        by.forEach((id, ts) -> {
            Institution i = institutions.findById(id).orElseThrow();
            List<TypeCount> c = counts(ts);
            out.add(new NetworkCapacity(i.code(), i.nameZh(), i.nameEn(), i.areaCode(),
                    i.designations().contains(cn.fuyou.registry.Designation.FOREIGN_NATIONALS_CARE), c,
                    c.stream().filter(t -> t.type().neonatal()).mapToInt(TypeCount::free).sum(),
                    c.stream().filter(t -> t.type() == BedType.PICU).mapToInt(TypeCount::free).sum()));
        });
        out.sort(java.util.Comparator.comparing(NetworkCapacity::freeNeonatal).reversed());
        return out;
    }

    public record BedMove(BedState state, Long version) {}

    /** Cleaning done, a bed closed or reopened: by hand, by the hospital's staff, with the bed's version. */
    @Transactional
    public BedView move(UUID bedId, BedMove m) {
        Actor actor = CurrentActor.get();
        reservations.expireDue();
        record Row(UUID institutionId, String wardCode, String label, String type, String state, long version) {}
        Row b = jdbc.sql("""
                select b.institution_id, w.code as ward_code, b.label, b.type, b.state, b.version from hospital_bed b join hospital_ward w on w.id = b.ward_id
                 where b.id = ? for update of b""").param(bedId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("bed", bedId));
        Institution hospital = institutions.findById(b.institutionId()).orElseThrow();
        if (!staffOf(actor, hospital)) throw ApiException.forbidden("只有本院医护人员可以操作床位 / only the hospital's staff move beds");
        if (m == null || m.state() == null) throw ApiException.badField("state", "目标状态必填 / state is required");
        if (m.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
        if (b.version() != m.version()) throw ApiException.staleVersion("bed", bedId, m.version(), b.version());
        BedState from = BedState.valueOf(b.state());
        if (!BedStateMachine.allowedByHand(from, m.state())) {
            throw ApiException.conflict("illegal-bed-move", "床位不能从 " + from + " 改为 " + m.state() + " / a bed cannot go from " + from
                    + " to " + m.state() + " by hand", Map.of("from", from.name(), "to", m.state().name()));
        }
        jdbc.sql("update hospital_bed set state = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(m.state().name(), actor.username(), bedId).update();
        audit.record(AuditRecord.write("BED_" + m.state().name(), "Bed", bedId, null, Map.of("from", from.name())));
        return new BedView(bedId, b.wardCode(), b.label(), BedType.valueOf(b.type()), m.state(), b.version() + 1, null,
                List.copyOf(BedStateMachine.byHand(m.state())));
    }
}
