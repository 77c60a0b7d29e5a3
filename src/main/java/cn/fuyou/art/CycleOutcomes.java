package cn.fuyou.art;

import cn.fuyou.art.internal.ArtFactsWriter;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.ArtConceptions;
import cn.fuyou.maternal.DeliveryRecorded;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyEnded;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.CurrentActor;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome chain (issue 14 item 3): hCG → clinical pregnancy (clinical-rules.md §8: ≥1 gestational sac
 * or definitive signs, ectopic included) → the pregnancy episode opens in maternal care with ART dating and
 * the ART conception factor, followed wherever in the network she chooses → her delivery, wherever it is
 * recorded, comes back here (maternal's {@link DeliveryRecorded}, in the delivery's transaction) → the live
 * births are linked to the cycle and its transferred embryos, and the rates follow.
 */
@Service
public class CycleOutcomes {

    /** hCG at or above this (IU/L) is a positive pregnancy test. */
    public static final BigDecimal HCG_POSITIVE = new BigDecimal("10");
    public static final Set<String> REPORTED_OUTCOMES = Set.of("NOT_PREGNANT", "BIOCHEMICAL", "MISCARRIAGE", "TERMINATION", "LOST_TO_FOLLOW_UP");

    private final JdbcClient jdbc;
    private final CycleStore store;
    private final ArtStaff staff;
    private final ArtConceptions conceptions;
    private final Pregnancies pregnancies;
    private final Institutions institutions;
    private final ArtFactsWriter facts;
    private final AuditLog audit;

    CycleOutcomes(JdbcClient jdbc, CycleStore store, ArtStaff staff, ArtConceptions conceptions, Pregnancies pregnancies,
                  Institutions institutions, ArtFactsWriter facts, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.staff = staff;
        this.conceptions = conceptions;
        this.pregnancies = pregnancies;
        this.institutions = institutions;
        this.facts = facts;
        this.audit = audit;
    }

    public record HcgForm(@NotNull(message = "shared.error.required") LocalDate on,
                          @NotNull(message = "shared.error.required") @DecimalMin(value = "0", message = "art.range")
                          @DecimalMax(value = "1000000", message = "art.range") BigDecimal valueIuL, Long version) {}

    /** The pregnancy test (9+ days after transfer or insemination); a negative one ends the cycle as not pregnant. */
    @Transactional
    public CycleRecord hcg(UUID id, HcgForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        CycleSteps.open(c);
        LocalDate transfer = transferOrInsemination(c);
        if (transfer == null) throw CycleSteps.conflict("art.cycle.transfer-first");
        CycleStore.date(f.on(), "on", transfer.plusDays(9), "transfer + 9 days");
        boolean positive = f.valueIuL().compareTo(HCG_POSITIVE) >= 0;
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set hcg_on = ?, hcg_iu_l = ?, outcome = ?, outcome_on = ? where id = ?")
                .params(f.on(), f.valueIuL(), positive ? null : "NOT_PREGNANT", positive ? null : f.on(), id).update();
        store.changed(c, actor, "HCG", Map.of("positive", positive));
        return store.read(id, List.of());
    }

    public record UltrasoundForm(@NotNull(message = "shared.error.required") LocalDate on,
                                 @NotNull(message = "shared.error.required") @Min(value = 0, message = "art.range") @Max(value = 12, message = "art.range") Integer gestationalSacs,
                                 @Min(value = 0, message = "art.range") @Max(value = 12, message = "art.range") Integer fetalHearts,
                                 Boolean ectopic, @Min(value = 1, message = "art.range") @Max(value = 30, message = "art.range") Integer gravida,
                                 @Min(value = 0, message = "art.range") @Max(value = 30, message = "art.range") Integer para,
                                 String followInstitutionCode, Long version) {}

    /**
     * The early ultrasound: a gestational sac (or an ectopic pregnancy) is a clinical pregnancy (§8). An
     * intrauterine one opens her pregnancy episode in maternal care (ART dating, ART conception factor) at
     * the institution that will follow her; an ectopic one ends the cycle as ECTOPIC; no sac is a biochemical
     * pregnancy.
     */
    @Transactional
    public CycleRecord ultrasound(UUID id, UltrasoundForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        CycleSteps.open(c);
        if (c.hcgOn() == null || c.hcgIuL() == null || c.hcgIuL().compareTo(HCG_POSITIVE) < 0) throw CycleSteps.conflict("art.cycle.hcg-first");
        LocalDate transfer = transferOrInsemination(c);
        CycleStore.date(f.on(), "on", transfer.plusDays(14), "transfer + 14 days");
        boolean ectopic = Boolean.TRUE.equals(f.ectopic());
        int hearts = f.fetalHearts() == null ? 0 : f.fetalHearts();
        if (hearts > f.gestationalSacs() * 2) throw ApiException.badField("fetalHearts", "art.outcome.hearts-above-sacs");
        boolean clinical = ArtOutcomeCounting.isClinicalPregnancy(f.gestationalSacs(), ectopic, false);
        Actor actor = staff.centre();
        Institution follow = null;
        if (f.followInstitutionCode() != null && !f.followInstitutionCode().isBlank()) {
            follow = institutions.find(f.followInstitutionCode().strip())
                    .orElseThrow(() -> ApiException.badField("followInstitutionCode", "art.outcome.unknown-institution"));
        }
        String outcome = !clinical ? "BIOCHEMICAL" : ectopic ? "ECTOPIC" : null;
        UUID pregnancy = null;
        if (clinical && !ectopic) {
            record Couple(UUID partnerId, String infertilityType) {}
            Couple couple = jdbc.sql("select partner_id, infertility_type from art_couple where id = ?").param(c.coupleId()).query(Couple.class).single();
            int gravida = f.gravida() != null ? f.gravida() : 1;
            int para = f.para() != null ? f.para() : 0;
            if (para >= gravida) throw ApiException.badField("para", "art.outcome.para-gravida");
            if ("SECONDARY".equals(couple.infertilityType()) && f.gravida() == null) throw ApiException.badField("gravida", "art.outcome.gravida-required");
            Integer embryoAge = jdbc.sql("select transfer_day from art_cycle where id = ?").param(id).query(Integer.class).optional().orElse(null);
            pregnancy = conceptions.open(new ArtConceptions.Conception(c.womanId(), couple.partnerId(), transfer,
                    c.iui() ? 0 : (embryoAge == null ? 3 : embryoAge), f.on(), Math.max(1, f.gestationalSacs()), gravida, para,
                    follow == null ? null : follow.id()));
        }
        jdbc.sql("""
                update art_cycle set ultrasound_on = ?, gestational_sacs = ?, fetal_hearts = ?, ectopic = ?, clinical_pregnancy = ?,
                       pregnancy_id = ?, follow_institution_id = ?, outcome = ?, outcome_on = ? where id = ?""")
                .params(f.on(), f.gestationalSacs(), f.fetalHearts(), ectopic, clinical, pregnancy,
                        follow == null ? actor.institutionId() : follow.id(), outcome, outcome == null ? null : f.on(), id)
                .update();
        store.changed(c, actor, "ULTRASOUND", Map.of("clinicalPregnancy", clinical, "sacs", f.gestationalSacs()));
        return store.read(id, List.of());
    }

    public record OutcomeForm(@NotNull(message = "shared.error.required") String outcome, @NotNull(message = "shared.error.required") LocalDate on,
                              Long version) {}

    /**
     * An outcome reported to the centre (miscarriage, termination, lost to follow-up…); a live birth or
     * stillbirth comes from the delivery record instead. A miscarriage also ends her maternal episode.
     */
    @Transactional
    public CycleRecord report(UUID id, OutcomeForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        CycleSteps.open(c);
        if (!REPORTED_OUTCOMES.contains(f.outcome())) throw ApiException.badField("outcome", "art.outcome.reported");
        LocalDate transfer = transferOrInsemination(c);
        if (transfer == null) throw CycleSteps.conflict("art.cycle.transfer-first");
        CycleStore.date(f.on(), "on", transfer, "transferOn");
        boolean needsPregnancy = Set.of("MISCARRIAGE", "TERMINATION").contains(f.outcome());
        if (needsPregnancy && !c.clinicalPregnancy()) throw ApiException.badField("outcome", "art.outcome.needs-clinical");
        if (Set.of("NOT_PREGNANT", "BIOCHEMICAL").contains(f.outcome()) && c.clinicalPregnancy()) {
            throw ApiException.badField("outcome", "art.outcome.was-clinical");
        }
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set outcome = ?, outcome_on = ? where id = ?").params(f.outcome(), f.on(), id).update();
        if (needsPregnancy && c.pregnancyId() != null) {
            var p = pregnancies.readForWrite(c.pregnancyId());
            if ("OPEN".equals(p.status())) pregnancies.end(c.pregnancyId(), f.outcome(), f.on(), p.version());
        }
        store.changed(c, actor, "OUTCOME", Map.of("outcome", f.outcome()));
        return store.read(id, List.of());
    }

    /**
     * Her delivery, recorded wherever she delivered, in the delivery's transaction: the cycle's outcome
     * (a live birth, counted once whatever the number of babies; or a stillbirth), each live-born baby
     * linked to the cycle and the embryos transferred in it, and the centre's rates restated.
     */
    @EventListener
    @Transactional
    public void on(DeliveryRecorded d) {
        record C(UUID id, UUID womanId, LocalDate transferOn) {}
        C c = jdbc.sql("select id, woman_id, transfer_on from art_cycle where pregnancy_id = ?").param(d.pregnancyId()).query(C.class)
                .optional().orElse(null);
        if (c == null) return;
        LocalDate day = d.deliveredAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        String outcome = ArtOutcomeCounting.deliveryOutcome(d.gestationalAgeDays(), d.babies().size());
        boolean delivered = !outcome.equals("MISCARRIAGE");
        UUID where = conceptions.deliveryInstitution(d.pregnancyId()).orElse(CurrentActor.orSystem().institutionId());
        jdbc.sql("""
                update art_cycle set outcome = ?, outcome_on = ?, babies_born = ?, delivery_institution_id = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ?""")
                .params(outcome, day, delivered ? d.babies().size() : 0, where, CurrentActor.orSystem().username(), c.id())
                .update();
        if (!delivered) {
            facts.restate(c.id());
            audit.record(AuditRecord.write("DELIVERY", "ArtCycle", c.id(), c.womanId(), Map.of("before22Weeks", d.gestationalAgeDays())));
            return;
        }
        UUID[] embryos = jdbc.sql("select id from art_embryo where transfer_cycle_id = ? order by seq").param(c.id()).query(UUID.class).list()
                .toArray(UUID[]::new);
        for (DeliveryRecorded.Baby b : d.babies()) {
            jdbc.sql("""
                    insert into art_live_birth (id, cycle_id, child_id, pregnancy_id, born_on, sex, weight_g, embryo_ids)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (child_id) do nothing""")
                    .params(UUID.randomUUID(), c.id(), b.childId(), d.pregnancyId(), day, b.sex(), b.weightG(), embryos).update();
        }
        facts.restate(c.id());
        audit.record(AuditRecord.write("DELIVERY", "ArtCycle", c.id(), c.womanId(), Map.of("liveBorn", d.babies().size())));
    }

    /** Her pregnancy ended in maternal care without a delivery: the cycle takes that outcome if it has none yet. */
    @EventListener
    @Transactional
    public void on(PregnancyEnded e) {
        String outcome = switch (e.outcome()) {
            case "MISCARRIAGE", "TERMINATION", "ECTOPIC", "STILLBIRTH" -> e.outcome();
            default -> null;
        };
        if (outcome == null) return;
        List<UUID> ids = jdbc.sql("""
                update art_cycle set outcome = ?, outcome_on = ?, version = version + 1, changed_at = now(), changed_by = ?
                 where pregnancy_id = ? and outcome is null returning id""")
                .params(outcome, e.on(), CurrentActor.orSystem().username(), e.pregnancyId()).query(UUID.class).list();
        for (UUID id : ids) {
            facts.restate(id);
            audit.record(AuditRecord.write("OUTCOME", "ArtCycle", id, e.womanId(), Map.of("outcome", outcome, "source", "maternal")));
        }
    }

    private LocalDate transferOrInsemination(CycleStore.Row c) {
        return c.iui() ? c.fertilisedOn() : c.transferOn();
    }
}
