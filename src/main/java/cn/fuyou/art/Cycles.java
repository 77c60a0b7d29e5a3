package cn.fuyou.art;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cycles: the cycle's page (audited against her record), the centre's cycle list, and the
 * follow-up worklist — cycles with no reported outcome {@value #FOLLOW_UP_MONTHS} months after transfer
 * (or insemination).
 */
@Service
public class Cycles {

    public static final int FOLLOW_UP_MONTHS = 10;
    static final Set<String> STAGES = Set.of("STARTED", "RETRIEVED", "TRANSFERRED", "CANCELLED", "COMPLETED");

    private final JdbcClient jdbc;
    private final CycleStore store;
    private final ArtStaff staff;
    private final Consents consents;
    private final AuditLog audit;

    Cycles(JdbcClient jdbc, CycleStore store, ArtStaff staff, Consents consents, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.staff = staff;
        this.consents = consents;
        this.audit = audit;
    }

    @Transactional
    public CycleRecord open(UUID id) {
        record R(UUID womanId, UUID coupleId, String cycleType, String gametes) {}
        R r = jdbc.sql("select woman_id, couple_id, cycle_type, gametes from art_cycle where id = ?").param(id).query(R.class).optional()
                .orElseThrow(() -> ApiException.notFound("cycle", id));
        staff.entitled(r.womanId(), "ArtCycle", id);
        audit.recordRead(AuditRecord.read("ArtCycle", id, r.womanId(), true, false, null));
        return store.read(id, consents.missing(r.coupleId(), r.cycleType(), r.gametes()));
    }

    public record CycleListItem(UUID id, UUID coupleId, UUID womanId, String womanName, String cycleType, String protocol, LocalDate startedOn,
                                int ageAtStart, String ageBand, String stage, LocalDate transferOn, int embryosTransferred,
                                boolean clinicalPregnancy, String outcome, LocalDate outcomeOn, String ohssGrade, String cancelReason) {}

    public record Filter(String q, String stage, String cycleType, Integer year) {}

    /** The cycles of the caller's centre, newest first; searchable by her name; the list read is audited. */
    @Transactional
    public PageResult<CycleListItem> list(Filter f, PageRequest page) {
        Actor actor = CurrentActor.get();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (!actor.isSystemAdmin()) {
            where.append(" and c.institution_id = ?");
            params.add(actor.institutionId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and w.full_name like ?");
            params.add("%" + f.q().strip().replace("%", "").replace("_", "") + "%");
        }
        if (f.cycleType() != null && !f.cycleType().isBlank()) {
            if (!CycleStarts.PROTOCOLS.containsKey(f.cycleType())) throw ApiException.badField("cycleType", "art.cycle.type");
            where.append(" and c.cycle_type = ?");
            params.add(f.cycleType());
        }
        if (f.year() != null) {
            if (f.year() < 1990 || f.year() > 2200) throw ApiException.badField("year", "art.range");
            where.append(" and extract(year from c.started_on) = ?");
            params.add(f.year());
        }
        if (f.stage() != null && !f.stage().isBlank()) {
            if (!STAGES.contains(f.stage())) throw ApiException.badField("stage", "art.cycle.code", f.stage());
            where.append(switch (f.stage()) {
                case "CANCELLED" -> " and c.cancelled_on is not null";
                case "COMPLETED" -> " and c.cancelled_on is null and c.outcome is not null";
                case "TRANSFERRED" -> " and c.cancelled_on is null and c.outcome is null and c.transfer_on is not null";
                case "RETRIEVED" -> " and c.cancelled_on is null and c.outcome is null and c.transfer_on is null and c.retrieval_on is not null";
                default -> " and c.cancelled_on is null and c.outcome is null and c.transfer_on is null and c.retrieval_on is null";
            });
        }
        return page(" from art_cycle c join person w on w.id = c.woman_id" + where, params, " order by c.started_on desc, c.id", page,
                "LIST");
    }

    /** Cycles of the caller's centre whose outcome is still unknown 10 months after transfer (or insemination). */
    @Transactional
    public PageResult<CycleListItem> followUp(PageRequest page) {
        Actor actor = staff.centre();
        LocalDate due = CycleStore.today().minusMonths(FOLLOW_UP_MONTHS);
        return page("""
                 from art_cycle c join person w on w.id = c.woman_id
                where c.institution_id = ? and c.outcome is null and c.cancelled_on is null
                  and coalesce(c.transfer_on, case when c.cycle_type = 'IUI' then c.fertilised_on end) <= ?""",
                new ArrayList<>(List.of(actor.institutionId(), due)), " order by coalesce(c.transfer_on, c.fertilised_on), c.id", page, "FOLLOW_UP");
    }

    private PageResult<CycleListItem> page(String from, List<Object> params, String order, PageRequest page, String action) {
        long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<CycleListItem> items = jdbc.sql("select c.*, w.full_name as woman_name " + from + order + " limit ? offset ?").params(p)
                .query((rs, n) -> new CycleListItem(rs.getObject("id", UUID.class), rs.getObject("couple_id", UUID.class),
                        rs.getObject("woman_id", UUID.class), rs.getString("woman_name"), rs.getString("cycle_type"), rs.getString("protocol"),
                        rs.getObject("started_on", LocalDate.class), rs.getInt("age_at_start"),
                        ArtOutcomeCounting.AgeBand.of(rs.getInt("age_at_start")).label(), CycleStore.stage(rs),
                        rs.getObject("transfer_on", LocalDate.class), rs.getInt("embryos_transferred"), rs.getBoolean("clinical_pregnancy"),
                        rs.getString("outcome"), rs.getObject("outcome_on", LocalDate.class), rs.getString("ohss_grade"),
                        rs.getString("cancel_reason")))
                .list();
        audit.recordRead(AuditRecord.list(action, "ArtCycle", items.stream().map(CycleListItem::womanId).toList(), Map.of("results", items.size())));
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
