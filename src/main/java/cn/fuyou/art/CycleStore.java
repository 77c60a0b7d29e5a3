package cn.fuyou.art;

import cn.fuyou.art.internal.ArtFactsWriter;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cycle aggregate's storage for the use cases: a write locks the row, checks the caller's version and
 * entitlement, and after the change bumps the version, restates the cycle's statistics facts and audits.
 */
@Component
class CycleStore {

    private final JdbcClient jdbc;
    private final ArtStaff staff;
    private final ArtFactsWriter facts;
    private final AuditLog audit;

    CycleStore(JdbcClient jdbc, ArtStaff staff, ArtFactsWriter facts, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.facts = facts;
        this.audit = audit;
    }

    /** The fields the rules of the steps need. */
    record Row(UUID id, UUID coupleId, UUID womanId, UUID institutionId, String cycleType, String gametes, LocalDate startedOn,
               UUID sourceCycleId, LocalDate triggerOn, LocalDate retrievalOn, Integer oocytes, Integer mii, LocalDate fertilisedOn,
               Integer twoPn, LocalDate transferOn, int embryosTransferred, LocalDate cancelledOn, LocalDate hcgOn, BigDecimal hcgIuL,
               LocalDate ultrasoundOn, boolean clinicalPregnancy, UUID pregnancyId, String outcome, long version) {

        boolean fresh() { return cycleType.equals("IVF") || cycleType.equals("ICSI"); }
        boolean frozen() { return cycleType.equals("FET"); }
        boolean iui() { return cycleType.equals("IUI"); }
    }

    /** Locks the cycle for a write by an ART centre's staff entitled to her record, at the version the caller saw. */
    Row lock(UUID id, Long version) {
        Actor actor = staff.centre();
        Row row = jdbc.sql("""
                select id, couple_id, woman_id, institution_id, cycle_type, gametes, started_on, source_cycle_id, trigger_on, retrieval_on,
                       oocytes, mii, fertilised_on, two_pn, transfer_on, embryos_transferred, cancelled_on, hcg_on, hcg_iu_l, ultrasound_on,
                       clinical_pregnancy, pregnancy_id, outcome, version
                  from art_cycle where id = ? for update""").param(id).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("cycle", id));
        staff.entitled(row.womanId(), "ArtCycle", id);
        // a cycle is the record of the centre that runs it: another centre entitled to her record reads it, never writes it
        if (actor.role() != cn.fuyou.shared.StaffRole.SYSTEM_ADMIN && !row.institutionId().equals(actor.institutionId())) {
            throw ApiException.forbidden("art.access.other-centre");
        }
        if (version == null) throw ApiException.badField("version", "art.version-required");
        if (version != row.version()) throw ApiException.staleVersion("cycle", id, version, row.version());
        return row;
    }

    /** After a step: version + 1, the facts restated (and the retrieval's, for a frozen cycle), the audit row. */
    void changed(Row row, Actor actor, String action, Map<String, Object> detail) {
        jdbc.sql("update art_cycle set version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), row.id()).update();
        facts.restate(row.id());
        audit.record(AuditRecord.write(action, "ArtCycle", row.id(), row.womanId(), detail));
    }

    static LocalDate today() {
        return LocalDate.now(ChinaTime.ZONE);
    }

    /** A step's date: required, not in the future, not before {@code notBefore} (named {@code after} in the message). */
    static LocalDate date(LocalDate d, String field, LocalDate notBefore, String after) {
        if (d == null) throw ApiException.badField(field, "shared.error.required");
        LocalDate today = today();
        if (d.isAfter(today)) throw ApiException.badField(field, "shared.error.date-in-future", field, today);
        if (notBefore != null && d.isBefore(notBefore)) throw ApiException.badField(field, "shared.error.date-order", field, after);
        return d;
    }

    static String stage(ResultSet rs) throws SQLException {
        if (rs.getObject("cancelled_on") != null) return "CANCELLED";
        if (rs.getString("outcome") != null) return "COMPLETED";
        if (rs.getObject("transfer_on") != null) return "TRANSFERRED";
        if (rs.getObject("retrieval_on") != null) return "RETRIEVED";
        return "STARTED";
    }

    static String kind(String cycleType) {
        return switch (cycleType) {
            case "IVF", "ICSI" -> "FRESH";
            case "FET" -> "FROZEN";
            default -> "IUI";
        };
    }

    CycleRecord read(UUID id, List<String> missingConsents) {
        List<CycleRecord.Monitoring> monitoring = jdbc.sql("""
                select id, seen_on, stimulation_day, follicles_ge_14 as follicles_ge14, leading_follicle_mm, e2_pg_ml, lh_iu_l, progesterone_ng_ml,
                       endometrium_mm, dose_note from art_monitoring where cycle_id = ? order by seen_on, stimulation_day""")
                .param(id).query(CycleRecord.Monitoring.class).list();
        List<CycleRecord.Event> events = new ArrayList<>();
        Map<UUID, List<CycleRecord.Event>> byEmbryo = new java.util.HashMap<>();
        jdbc.sql("""
                select e.embryo_id, e.kind, e.on_date, e.culture_day, e.grade, e.note, e.cycle_id, e.at, e.by_user from art_embryo_event e
                  join art_embryo m on m.id = e.embryo_id
                 where m.origin_cycle_id = ? or m.thaw_cycle_id = ? or m.transfer_cycle_id = ? order by e.id""")
                .params(id, id, id)
                .query((rs, n) -> byEmbryo.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new CycleRecord.Event(rs.getString(2), rs.getObject(3, LocalDate.class), (Integer) rs.getObject(4, Integer.class),
                                rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getObject(8, OffsetDateTime.class),
                                rs.getString(9))))
                .list();
        List<CycleRecord.Embryo> embryos = jdbc.sql("""
                select m.*, o.started_on as origin_started from art_embryo m join art_cycle o on o.id = m.origin_cycle_id
                 where m.origin_cycle_id = ? or m.thaw_cycle_id = ? or m.transfer_cycle_id = ? order by o.started_on, m.seq""")
                .params(id, id, id)
                .query((rs, n) -> {
                    UUID eid = rs.getObject("id", UUID.class);
                    LocalDate origin = rs.getObject("origin_started", LocalDate.class);
                    return new CycleRecord.Embryo(eid, rs.getObject("origin_cycle_id", UUID.class), rs.getInt("seq"),
                            origin.toString().replace("-", "").substring(2) + "-E" + rs.getInt("seq"), rs.getString("state"),
                            (Integer) rs.getObject("culture_day", Integer.class), rs.getString("grade"), rs.getObject("cryo_on", LocalDate.class),
                            rs.getString("cryo_location"), rs.getObject("cryo_expires", LocalDate.class), rs.getObject("thaw_cycle_id", UUID.class),
                            rs.getObject("thawed_on", LocalDate.class), rs.getObject("transfer_cycle_id", UUID.class),
                            rs.getObject("transferred_on", LocalDate.class), rs.getObject("discarded_on", LocalDate.class),
                            rs.getString("discard_reason"), byEmbryo.getOrDefault(eid, List.of()));
                }).list();
        List<CycleRecord.LiveBirth> births = jdbc.sql("""
                select b.child_id, p.full_name, b.born_on, b.sex, b.weight_g, b.embryo_ids from art_live_birth b join person p on p.id = b.child_id
                 where b.cycle_id = ? order by b.born_on, p.full_name""").param(id)
                .query((rs, n) -> new CycleRecord.LiveBirth(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), (Integer) rs.getObject(5, Integer.class), Arrays.asList((UUID[]) rs.getArray(6).getArray())))
                .list();
        return jdbc.sql("""
                select c.*, w.full_name as woman_name, w.birth_date as woman_birth, p.full_name as partner_name,
                       i.code as i_code, i.name_zh as i_zh, i.name_en as i_en,
                       f.code as f_code, f.name_zh as f_zh, f.name_en as f_en, d.code as d_code, d.name_zh as d_zh, d.name_en as d_en
                  from art_cycle c join art_couple k on k.id = c.couple_id join person w on w.id = c.woman_id
                  join person p on p.id = k.partner_id join institution i on i.id = c.institution_id
                  left join institution f on f.id = c.follow_institution_id left join institution d on d.id = c.delivery_institution_id
                 where c.id = ?""").param(id)
                .query((rs, n) -> {
                    LocalDate wb = rs.getObject("woman_birth", LocalDate.class);
                    String type = rs.getString("cycle_type");
                    BigDecimal hcg = rs.getBigDecimal("hcg_iu_l");
                    int age = rs.getInt("age_at_start");
                    return new CycleRecord(rs.getObject("id", UUID.class), rs.getObject("couple_id", UUID.class),
                            new Couples.PersonRef(rs.getObject("woman_id", UUID.class), rs.getString("woman_name"), wb, Couples.age(wb, today())),
                            rs.getString("partner_name"), ref(rs, "i"), type, kind(type), rs.getString("gametes"), rs.getString("protocol"),
                            rs.getObject("started_on", LocalDate.class), age, ArtOutcomeCounting.AgeBand.of(age).label(),
                            rs.getObject("source_cycle_id", UUID.class), stage(rs),
                            new CycleRecord.Trigger(rs.getObject("trigger_on", LocalDate.class), rs.getString("trigger_drug")),
                            new CycleRecord.Retrieval(rs.getObject("retrieval_on", LocalDate.class), (Integer) rs.getObject("oocytes", Integer.class),
                                    (Integer) rs.getObject("mii", Integer.class)),
                            new CycleRecord.Fertilisation(rs.getObject("fertilised_on", LocalDate.class), rs.getString("insemination"),
                                    (Integer) rs.getObject("two_pn", Integer.class)),
                            new CycleRecord.Transfer(rs.getObject("transfer_on", LocalDate.class), (Integer) rs.getObject("transfer_day", Integer.class),
                                    rs.getInt("embryos_transferred"), rs.getString("luteal_support")),
                            new CycleRecord.Cancellation(rs.getObject("cancelled_on", LocalDate.class), rs.getString("cancel_reason"),
                                    rs.getString("cancel_note")),
                            rs.getString("ohss_grade"),
                            new CycleRecord.Hcg(rs.getObject("hcg_on", LocalDate.class), hcg, hcg != null && hcg.compareTo(CycleOutcomes.HCG_POSITIVE) >= 0),
                            new CycleRecord.Ultrasound(rs.getObject("ultrasound_on", LocalDate.class), (Integer) rs.getObject("gestational_sacs", Integer.class),
                                    (Integer) rs.getObject("fetal_hearts", Integer.class), rs.getBoolean("ectopic")),
                            rs.getBoolean("clinical_pregnancy"), rs.getObject("pregnancy_id", UUID.class), ref(rs, "f"), rs.getString("outcome"),
                            rs.getObject("outcome_on", LocalDate.class), rs.getInt("babies_born"), ref(rs, "d"), monitoring, embryos, births,
                            missingConsents, rs.getString("counting_version"), rs.getLong("version"));
                }).optional().orElseThrow(() -> ApiException.notFound("cycle", id));
    }

    private static Couples.InstitutionRef ref(ResultSet rs, String prefix) throws SQLException {
        String code = rs.getString(prefix + "_code");
        return code == null ? null : new Couples.InstitutionRef(code, rs.getString(prefix + "_zh"), rs.getString(prefix + "_en"));
    }

    void embryoEvent(UUID embryoId, UUID cycleId, String kind, LocalDate on, Integer day, String grade, String note, Actor actor) {
        jdbc.sql("""
                insert into art_embryo_event (embryo_id, cycle_id, kind, on_date, culture_day, grade, note, by_user)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(embryoId, cycleId, kind, on, day, grade, note, actor.username()).update();
    }
}
