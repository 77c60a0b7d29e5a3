package cn.fuyou.art.internal;

import cn.fuyou.art.ArtOutcomeCounting;
import cn.fuyou.art.ArtOutcomeCounting.Measure;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * States what a cycle counts in the ART_* measures (clinical-rules.md §8), in the writing transaction,
 * through {@link ArtOutcomeCounting#measuresOf} — the policy the calculator uses. Each fact is dated by the
 * cycle's start (the cohort), counted at the ART centre, in the woman's district. IUI cycles are not ART
 * cycles in ICMART's sense and count in none. A FROZEN cycle's change restates its retrieval too (the
 * cumulative rate).
 */
@Component
public class ArtFactsWriter {

    static final String CYCLE = "art_cycle";
    static final String EMBRYO = "art_embryo";
    static final String SAC = "art_sac";

    private final JdbcClient jdbc;
    private final IndicatorFacts facts;

    ArtFactsWriter(JdbcClient jdbc, IndicatorFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /** The cycle as the counting policy sees it, with what places its facts. */
    public record Counted(UUID id, UUID womanId, String cycleType, String protocol, LocalDate startedOn, String institutionCode,
                          String areaCode, UUID sourceCycleId, boolean outcomePending, ArtOutcomeCounting.Cycle cycle) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public void restate(UUID cycleId) {
        Counted c = load(List.of(cycleId)).get(0);
        write(c);
        if (c.sourceCycleId() != null) write(load(List.of(c.sourceCycleId())).get(0));
    }

    private void write(Counted c) {
        Map<UUID, List<IndicatorFact>> embryoFacts = new HashMap<>();
        Map<UUID, List<IndicatorFact>> sacFacts = new HashMap<>();
        for (int i = 1; i <= ArtOutcomeCounting.MAX_COUNT; i++) sacFacts.put(sacId(c.id(), i), List.of());
        for (UUID e : jdbc.sql("select id from art_embryo where transfer_cycle_id = ?").param(c.id()).query(UUID.class).list()) {
            embryoFacts.put(e, List.of());
        }
        List<IndicatorFact> cycleFacts = new ArrayList<>();
        if (c.cycle() != null) {
            boolean cumulative = c.cycle().kindValue() == ArtOutcomeCounting.Kind.FRESH && retrievalDelivered(c.id());
            Map<Measure, Integer> m = ArtOutcomeCounting.measuresOf(c.cycle(), cumulative);
            m.forEach((measure, n) -> {
                if (measure == Measure.ART_EMBRYO_TRANSFERRED || measure == Measure.ART_GESTATIONAL_SAC) return;
                cycleFacts.add(fact(measure, c));
            });
            embryoFacts.replaceAll((e, none) -> List.of(fact(Measure.ART_EMBRYO_TRANSFERRED, c)));
            for (int i = 1; i <= Math.min(m.getOrDefault(Measure.ART_GESTATIONAL_SAC, 0), ArtOutcomeCounting.MAX_COUNT); i++) {
                sacFacts.put(sacId(c.id(), i), List.of(fact(Measure.ART_GESTATIONAL_SAC, c)));
            }
        }
        facts.replace(CYCLE, c.id(), cycleFacts);
        if (!embryoFacts.isEmpty()) facts.replaceAll(EMBRYO, embryoFacts);
        facts.replaceAll(SAC, sacFacts);
    }

    private static IndicatorFact fact(Measure m, Counted c) {
        return new IndicatorFact(m.name(), c.womanId(), c.institutionCode(), c.areaCode(), c.startedOn(), null);
    }

    static UUID sacId(UUID cycleId, int i) {
        return UUID.nameUUIDFromBytes((cycleId + ":sac:" + i).getBytes(StandardCharsets.UTF_8));
    }

    private boolean retrievalDelivered(UUID freshId) {
        return jdbc.sql("select exists (select 1 from art_cycle where (id = ? or source_cycle_id = ?) and outcome = 'LIVE_BIRTH')")
                .params(freshId, freshId).query(Boolean.class).single();
    }

    /** The cycles as the policy counts them (IUI: {@code cycle} null). */
    public List<Counted> load(List<UUID> ids) {
        return query(" where c.id = any(?)", (Object) ids.toArray(UUID[]::new));
    }

    /** Every cycle of an institution (null: of every centre), with protocol, as the outcomes page counts them. */
    public List<Counted> loadAll(UUID institutionId) {
        return institutionId == null ? query(" where true") : query(" where c.institution_id = ?", institutionId);
    }

    private List<Counted> query(String where, Object... params) {
        return jdbc.sql("""
                select c.id, c.woman_id, c.cycle_type, c.started_on, c.age_at_start, c.source_cycle_id, c.oocytes, c.embryos_transferred,
                       c.gestational_sacs, c.clinical_pregnancy, c.outcome, c.babies_born, c.ohss_grade, c.protocol, c.transfer_on, c.fertilised_on, c.cancelled_on, i.code as institution_code,
                       coalesce(w.address_area_code, i.area_code) as area_code
                  from art_cycle c join institution i on i.id = c.institution_id join person w on w.id = c.woman_id
                """ + where + " order by c.started_on, c.id").params(params)
                .query((rs, n) -> {
                    String type = rs.getString("cycle_type");
                    UUID id = rs.getObject("id", UUID.class);
                    UUID source = rs.getObject("source_cycle_id", UUID.class);
                    Integer oocytes = (Integer) rs.getObject("oocytes", Integer.class);
                    Integer sacs = (Integer) rs.getObject("gestational_sacs", Integer.class);
                    boolean fresh = type.equals("IVF") || type.equals("ICSI");
                    ArtOutcomeCounting.Cycle cycle = type.equals("IUI") ? null : new ArtOutcomeCounting.Cycle(id.toString(),
                            fresh ? "FRESH" : "FROZEN", rs.getInt("age_at_start"), fresh ? (Boolean) (oocytes != null && oocytes > 0) : null,
                            fresh ? null : String.valueOf(source), rs.getInt("embryos_transferred"), sacs == null ? 0 : sacs,
                            rs.getBoolean("clinical_pregnancy"), "LIVE_BIRTH".equals(rs.getString("outcome")),
                            "LIVE_BIRTH".equals(rs.getString("outcome")) ? rs.getInt("babies_born") : 0,
                            fresh ? (Boolean) (rs.getString("ohss_grade") != null) : null);
                    boolean pending = rs.getString("outcome") == null && rs.getObject("cancelled_on") == null
                            && (rs.getObject("transfer_on") != null || (type.equals("IUI") && rs.getObject("fertilised_on") != null));
                    return new Counted(id, rs.getObject("woman_id", UUID.class), type, rs.getString("protocol"),
                            rs.getObject("started_on", LocalDate.class), rs.getString("institution_code"), rs.getString("area_code"), source,
                            pending, cycle);
                }).list();
    }
}
