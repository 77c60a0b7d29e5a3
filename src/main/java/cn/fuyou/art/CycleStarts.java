package cn.fuyou.art;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.art.internal.ArtFactsWriter;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a cycle (issue 14 item 2): IVF, ICSI, frozen-thawed transfer (FET, from a retrieval that still
 * has frozen embryos) or IUI, with own or donor gametes, under a protocol. The consents the cycle needs
 * must be on file first; the woman's age in completed years at the start places the cycle in its CDC
 * age band (clinical-rules.md §8).
 */
@Service
public class CycleStarts {

    public static final Map<String, Set<String>> PROTOCOLS = Map.of(
            "IVF", Set.of("LONG_AGONIST", "SHORT_AGONIST", "ANTAGONIST", "PPOS", "MILD_STIMULATION", "NATURAL"),
            "ICSI", Set.of("LONG_AGONIST", "SHORT_AGONIST", "ANTAGONIST", "PPOS", "MILD_STIMULATION", "NATURAL"),
            "FET", Set.of("NATURAL_CYCLE", "HRT", "STIMULATED"),
            "IUI", Set.of("NATURAL", "OVULATION_INDUCTION"));
    public static final Set<String> GAMETES = Set.of("OWN", "DONOR_OOCYTES", "DONOR_SPERM");

    private final JdbcClient jdbc;
    private final ArtStaff staff;
    private final Couples couples;
    private final Consents consents;
    private final CycleStore store;
    private final ArtFactsWriter facts;
    private final AuditLog audit;

    CycleStarts(JdbcClient jdbc, ArtStaff staff, Couples couples, Consents consents, CycleStore store, ArtFactsWriter facts, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.couples = couples;
        this.consents = consents;
        this.store = store;
        this.facts = facts;
        this.audit = audit;
    }

    public record StartForm(@NotNull(message = "art.cycle.type-required") String cycleType, String gametes,
                            @NotNull(message = "art.cycle.protocol-required") String protocol,
                            @NotNull(message = "art.cycle.started-required") LocalDate startedOn, UUID sourceCycleId) {}

    @Transactional
    public CycleRecord start(UUID coupleId, StartForm f) {
        Actor actor = staff.centre();
        record Couple(UUID womanId, String status, LocalDate birthDate) {}
        Couple couple = jdbc.sql("""
                select c.woman_id, c.status, w.birth_date from art_couple c join person w on w.id = c.woman_id
                 where c.id = ? and c.voided_at is null for update of c""").param(coupleId).query(Couple.class).optional()
                .orElseThrow(() -> ApiException.notFound("couple", coupleId));
        staff.entitled(couple.womanId(), "ArtCouple", coupleId);
        if (!PROTOCOLS.containsKey(f.cycleType())) throw ApiException.badField("cycleType", "art.cycle.type");
        if (!PROTOCOLS.get(f.cycleType()).contains(f.protocol())) throw ApiException.badField("protocol", "art.cycle.protocol", f.cycleType());
        String gametes = f.gametes() == null ? "OWN" : f.gametes();
        if (!GAMETES.contains(gametes)) throw ApiException.badField("gametes", "art.cycle.gametes");
        if ("IUI".equals(f.cycleType()) && "DONOR_OOCYTES".equals(gametes)) throw ApiException.badField("gametes", "art.cycle.iui-donor-oocytes");
        LocalDate started = CycleStore.date(f.startedOn(), "startedOn", couple.birthDate(), "birthDate");
        int age = Period.between(couple.birthDate(), started).getYears();
        if (age < ArtOutcomeCounting.MIN_AGE || age > ArtOutcomeCounting.MAX_AGE) {
            throw ApiException.badField("startedOn", "art.calc.age", ArtOutcomeCounting.MIN_AGE, ArtOutcomeCounting.MAX_AGE);
        }
        UUID source = null;
        if ("FET".equals(f.cycleType())) {
            if (f.sourceCycleId() == null) throw ApiException.badField("sourceCycleId", "art.cycle.source-required");
            record Source(UUID womanId, String cycleType, String gametes, LocalDate retrievalOn, long frozen) {}
            Source s = jdbc.sql("""
                    select c.woman_id, c.cycle_type, c.gametes, c.retrieval_on,
                           (select count(*) from art_embryo e where e.origin_cycle_id = c.id and e.state = 'FROZEN') as frozen
                      from art_cycle c where c.id = ?""").param(f.sourceCycleId()).query(Source.class).optional()
                    .orElseThrow(() -> ApiException.badField("sourceCycleId", "art.cycle.source-unknown"));
            if (!s.womanId().equals(couple.womanId()) || !Set.of("IVF", "ICSI").contains(s.cycleType()) || s.retrievalOn() == null) {
                throw ApiException.badField("sourceCycleId", "art.cycle.source-not-retrieval");
            }
            if (s.frozen() == 0) throw ApiException.badField("sourceCycleId", "art.cycle.source-no-frozen");
            if (started.isBefore(s.retrievalOn())) throw ApiException.badField("startedOn", "shared.error.date-order", "startedOn", s.retrievalOn());
            source = f.sourceCycleId();
            gametes = s.gametes();
        } else if (f.sourceCycleId() != null) {
            throw ApiException.badField("sourceCycleId", "art.cycle.source-fet-only");
        }
        List<String> missing = consents.missing(coupleId, f.cycleType(), gametes);
        if (!missing.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "consents-missing", "art.cycle.consents-missing",
                    List.of(new ApiException.FieldError("consents", "art.cycle.consents-missing", new Object[]{String.join(", ", missing)})),
                    Map.of("missing", missing), String.join(", ", missing));
        }
        jdbc.sql("select id from art_cycle where woman_id = ? and cancelled_on is null and outcome is null and "
                        + "(transfer_on is not null or (retrieval_on is null and fertilised_on is null)) limit 1")
                .param(couple.womanId()).query(UUID.class).optional().ifPresent(open -> {
                    throw ApiException.conflict("cycle-open", "art.cycle.open-exists", Map.of("cycleId", open));
                });
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into art_cycle (id, couple_id, woman_id, institution_id, cycle_type, gametes, protocol, started_on, age_at_start,
                                       source_cycle_id, counting_version, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, coupleId, couple.womanId(), actor.institutionId(), f.cycleType(), gametes, f.protocol(), started, age, source,
                        ArtOutcomeCounting.VERSION, actor.username(), actor.username())
                .update();
        facts.restate(id);
        audit.record(AuditRecord.write("START", "ArtCycle", id, couple.womanId(), Map.of("cycleType", f.cycleType(), "protocol", f.protocol())));
        return store.read(id, List.of());
    }
}
