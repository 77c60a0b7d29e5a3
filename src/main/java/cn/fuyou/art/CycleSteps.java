package cn.fuyou.art;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The laboratory and clinical steps of a cycle (issue 14 item 2): stimulation monitoring, trigger, oocyte
 * retrieval (oocytes, MII), fertilisation (2PN: each 2PN zygote becomes a traceable embryo), culture by day
 * and grade, cryopreservation (location, expiry), thaw, discard, IUI insemination, cancellation with its
 * reason, and OHSS. Each step is checked against the ones before it; each is versioned and audited.
 */
@Service
public class CycleSteps {

    public static final Set<String> TRIGGER_DRUGS = Set.of("HCG", "GNRH_AGONIST", "DUAL");
    public static final Set<String> CANCEL_REASONS = Set.of("POOR_RESPONSE", "OHSS_RISK", "PREMATURE_OVULATION", "NO_OOCYTES",
            "FERTILISATION_FAILURE", "NO_EMBRYO", "ENDOMETRIUM", "PATIENT_REQUEST", "MEDICAL", "OTHER");
    public static final Set<String> OHSS_GRADES = Set.of("MILD", "MODERATE", "SEVERE", "CRITICAL");
    public static final Set<String> DISCARD_REASONS = Set.of("ARRESTED", "POOR_QUALITY", "ABNORMAL_FERTILISATION", "PGT_ABNORMAL",
            "THAW_FAILED", "STORAGE_EXPIRED", "PATIENT_REQUEST", "OTHER");
    /** Gardner grade (blastocyst: expansion 1–6, ICM and TE A–C, e.g. 4AA) or cleavage grade (cells + grade I–IV, e.g. 8C-I). */
    static final java.util.regex.Pattern GRADE = java.util.regex.Pattern.compile("[1-6][ABC][ABC]|\\d{1,2}C-(I|II|III|IV)|2PN|M");

    private final JdbcClient jdbc;
    private final CycleStore store;
    private final ArtStaff staff;

    CycleSteps(JdbcClient jdbc, CycleStore store, ArtStaff staff) {
        this.jdbc = jdbc;
        this.store = store;
        this.staff = staff;
    }

    public record MonitoringForm(@NotNull(message = "shared.error.required") LocalDate seenOn,
                                 @NotNull(message = "shared.error.required") @Min(value = 1, message = "art.range") @Max(value = 30, message = "art.range") Integer stimulationDay,
                                 @Min(value = 0, message = "art.range") @Max(value = 60, message = "art.range") Integer folliclesGe14,
                                 @DecimalMin(value = "0", message = "art.range") @DecimalMax(value = "40", message = "art.range") BigDecimal leadingFollicleMm,
                                 @DecimalMin(value = "0", message = "art.range") @DecimalMax(value = "20000", message = "art.range") BigDecimal e2PgMl,
                                 @DecimalMin(value = "0", message = "art.range") @DecimalMax(value = "200", message = "art.range") BigDecimal lhIuL,
                                 @DecimalMin(value = "0", message = "art.range") @DecimalMax(value = "50", message = "art.range") BigDecimal progesteroneNgMl,
                                 @DecimalMin(value = "0", message = "art.range") @DecimalMax(value = "30", message = "art.range") BigDecimal endometriumMm,
                                 @Size(max = 300) String doseNote, Long version) {}

    @Transactional
    public CycleRecord monitor(UUID id, MonitoringForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (c.transferOn() != null || c.retrievalOn() != null || c.fertilisedOn() != null) throw conflict("art.cycle.monitoring-after");
        CycleStore.date(f.seenOn(), "seenOn", c.startedOn(), "startedOn");
        Actor actor = staff.centre();
        jdbc.sql("""
                insert into art_monitoring (id, cycle_id, seen_on, stimulation_day, follicles_ge_14, leading_follicle_mm, e2_pg_ml, lh_iu_l,
                                            progesterone_ng_ml, endometrium_mm, dose_note, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id, f.seenOn(), f.stimulationDay(), f.folliclesGe14(), f.leadingFollicleMm(), f.e2PgMl(), f.lhIuL(),
                        f.progesteroneNgMl(), f.endometriumMm(), Couples.blankToNull(f.doseNote()), actor.username())
                .update();
        store.changed(c, actor, "MONITOR", Map.of("day", f.stimulationDay()));
        return store.read(id, List.of());
    }

    public record TriggerForm(@NotNull(message = "shared.error.required") LocalDate on, @NotNull(message = "shared.error.required") String drug,
                              Long version) {}

    @Transactional
    public CycleRecord trigger(UUID id, TriggerForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (c.frozen()) throw conflict("art.cycle.not-for-fet");
        if (c.retrievalOn() != null || c.fertilisedOn() != null) throw conflict("art.cycle.trigger-after");
        if (!TRIGGER_DRUGS.contains(f.drug())) throw ApiException.badField("drug", "art.cycle.code", f.drug());
        CycleStore.date(f.on(), "on", c.startedOn(), "startedOn");
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set trigger_on = ?, trigger_drug = ? where id = ?").params(f.on(), f.drug(), id).update();
        store.changed(c, actor, "TRIGGER", Map.of("drug", f.drug()));
        return store.read(id, List.of());
    }

    public record RetrievalForm(@NotNull(message = "shared.error.required") LocalDate on,
                                @NotNull(message = "shared.error.required") @Min(value = 0, message = "art.range") @Max(value = 80, message = "art.range") Integer oocytes,
                                @Min(value = 0, message = "art.range") @Max(value = 80, message = "art.range") Integer mii, Long version) {}

    @Transactional
    public CycleRecord retrieve(UUID id, RetrievalForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (!c.fresh()) throw conflict("art.cycle.fresh-only");
        if (c.retrievalOn() != null) throw conflict("art.cycle.already-retrieved");
        if (c.triggerOn() == null) throw conflict("art.cycle.trigger-first");
        CycleStore.date(f.on(), "on", c.triggerOn(), "triggerOn");
        if (f.on().isAfter(c.triggerOn().plusDays(3))) throw ApiException.badField("on", "art.cycle.retrieval-late");
        if (f.mii() != null && f.mii() > f.oocytes()) throw ApiException.badField("mii", "art.cycle.mii-above-oocytes");
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set retrieval_on = ?, oocytes = ?, mii = ? where id = ?").params(f.on(), f.oocytes(), f.mii(), id).update();
        store.changed(c, actor, "RETRIEVAL", Map.of("oocytes", f.oocytes()));
        return store.read(id, List.of());
    }

    public record FertilisationForm(@NotNull(message = "shared.error.required") LocalDate on,
                                    @NotNull(message = "shared.error.required") String method,
                                    @NotNull(message = "shared.error.required") @Min(value = 0, message = "art.range") @Max(value = 80, message = "art.range") Integer twoPn,
                                    Long version) {}

    /** Fertilisation check (day 1): each 2PN zygote becomes an embryo in culture, numbered in its retrieval. */
    @Transactional
    public CycleRecord fertilise(UUID id, FertilisationForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (!c.fresh()) throw conflict("art.cycle.fresh-only");
        if (c.retrievalOn() == null) throw conflict("art.cycle.retrieval-first");
        if (c.fertilisedOn() != null) throw conflict("art.cycle.already-fertilised");
        if (!Set.of("IVF", "ICSI").contains(f.method())) throw ApiException.badField("method", "art.cycle.code", f.method());
        CycleStore.date(f.on(), "on", c.retrievalOn(), "retrievalOn");
        int limit = "ICSI".equals(f.method()) && c.mii() != null ? c.mii() : c.oocytes();
        if (f.twoPn() > limit) throw ApiException.badField("twoPn", "art.cycle.2pn-above", limit);
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set insemination = ?, fertilised_on = ?, two_pn = ? where id = ?").params(f.method(), f.on(), f.twoPn(), id).update();
        for (int seq = 1; seq <= f.twoPn(); seq++) {
            UUID e = UUID.randomUUID();
            jdbc.sql("""
                    insert into art_embryo (id, origin_cycle_id, woman_id, seq, state, culture_day, grade, changed_by)
                    values (?, ?, ?, ?, 'CULTURE', 1, '2PN', ?)""").params(e, id, c.womanId(), seq, actor.username()).update();
            store.embryoEvent(e, id, "FERTILISED", f.on(), 1, "2PN", f.method(), actor);
        }
        store.changed(c, actor, "FERTILISATION", Map.of("twoPn", f.twoPn(), "method", f.method()));
        return store.read(id, List.of());
    }

    public record InseminationForm(@NotNull(message = "shared.error.required") LocalDate on, Long version) {}

    /** IUI: the insemination takes the place of retrieval and transfer. */
    @Transactional
    public CycleRecord inseminate(UUID id, InseminationForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (!c.iui()) throw conflict("art.cycle.iui-only");
        if (c.fertilisedOn() != null) throw conflict("art.cycle.already-inseminated");
        CycleStore.date(f.on(), "on", c.triggerOn() != null ? c.triggerOn() : c.startedOn(), c.triggerOn() != null ? "triggerOn" : "startedOn");
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set insemination = 'IUI', fertilised_on = ? where id = ?").params(f.on(), id).update();
        store.changed(c, actor, "INSEMINATION", Map.of());
        return store.read(id, List.of());
    }

    public record GradeForm(@NotNull(message = "shared.error.required") UUID embryoId,
                            @NotNull(message = "shared.error.required") @Min(value = 2, message = "art.range") @Max(value = 7, message = "art.range") Integer day,
                            @NotNull(message = "shared.error.required") String grade, Long version) {}

    /** Culture: the embryo's grade on a day (2–7) after fertilisation. */
    @Transactional
    public CycleRecord grade(UUID id, GradeForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        Embryo e = embryo(f.embryoId(), "embryoId");
        boolean mine = e.originCycleId().equals(id) && "CULTURE".equals(e.state());
        boolean thawedHere = id.equals(e.thawCycleId()) && "THAWED".equals(e.state());
        if (!mine && !thawedHere) throw ApiException.badField("embryoId", "art.embryo.not-in-culture");
        if (f.grade() == null || !GRADE.matcher(f.grade().strip()).matches()) throw ApiException.badField("grade", "art.embryo.grade");
        if (mine && e.cultureDay() != null && f.day() < e.cultureDay()) throw ApiException.badField("day", "art.embryo.day-back", e.cultureDay());
        LocalDate on = thawedHere ? CycleStore.today() : c.fertilisedOn().plusDays(f.day() - 1);
        if (on.isAfter(CycleStore.today())) throw ApiException.badField("day", "art.embryo.day-future");
        Actor actor = staff.centre();
        jdbc.sql("update art_embryo set culture_day = ?, grade = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(f.day(), f.grade().strip(), actor.username(), e.id()).update();
        store.embryoEvent(e.id(), id, "GRADED", on, f.day(), f.grade().strip(), null, actor);
        store.changed(c, actor, "GRADE", Map.of("embryoId", e.id().toString(), "grade", f.grade().strip()));
        return store.read(id, List.of());
    }

    public record FreezeForm(@NotNull(message = "shared.error.required") LocalDate on,
                             @NotEmpty(message = "shared.error.required") @Size(max = 30) List<UUID> embryoIds,
                             @NotNull(message = "shared.error.required") @Size(min = 1, max = 60, message = "art.range") String location,
                             @NotNull(message = "shared.error.required") LocalDate expires, Long version) {}

    /** Cryopreservation with the storage location (tank/canister/straw) and the expiry of the storage agreement. */
    @Transactional
    public CycleRecord freeze(UUID id, FreezeForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        if (!c.fresh() || c.fertilisedOn() == null) throw conflict("art.cycle.fertilise-first");
        CycleStore.date(f.on(), "on", c.fertilisedOn(), "fertilisedOn");
        if (!f.expires().isAfter(f.on())) throw ApiException.badField("expires", "shared.error.date-order", "expires", f.on());
        if (f.expires().isAfter(f.on().plusYears(10))) throw ApiException.badField("expires", "art.embryo.expiry-too-far");
        Actor actor = staff.centre();
        List<Embryo> embryos = embryos(f.embryoIds(), "embryoIds");
        for (int i = 0; i < embryos.size(); i++) {
            Embryo e = embryos.get(i);
            if (!e.originCycleId().equals(id) || !"CULTURE".equals(e.state())) throw ApiException.badField("embryoIds[" + i + "]", "art.embryo.not-in-culture");
        }
        for (Embryo e : embryos) {
            jdbc.sql("""
                    update art_embryo set state = 'FROZEN', cryo_on = ?, cryo_location = ?, cryo_expires = ?, version = version + 1,
                           changed_at = now(), changed_by = ? where id = ?""")
                    .params(f.on(), f.location().strip(), f.expires(), actor.username(), e.id()).update();
            store.embryoEvent(e.id(), id, "FROZEN", f.on(), e.cultureDay(), e.grade(), f.location().strip(), actor);
        }
        store.changed(c, actor, "FREEZE", Map.of("embryos", embryos.size(), "location", f.location().strip()));
        return store.read(id, List.of());
    }

    public record Thawed(@NotNull(message = "shared.error.required") UUID embryoId, @NotNull(message = "shared.error.required") Boolean survived) {}

    public record ThawForm(@NotNull(message = "shared.error.required") LocalDate on,
                           @NotEmpty(message = "shared.error.required") @Size(max = 10) List<@Valid Thawed> embryos, Long version) {}

    /** A FET cycle thaws frozen embryos of its retrieval; one that did not survive is discarded (THAW_FAILED). */
    @Transactional
    public CycleRecord thaw(UUID id, ThawForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (!c.frozen()) throw conflict("art.cycle.fet-only");
        if (c.transferOn() != null) throw conflict("art.cycle.already-transferred");
        CycleStore.date(f.on(), "on", c.startedOn(), "startedOn");
        Actor actor = staff.centre();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < f.embryos().size(); i++) {
            Thawed t = f.embryos().get(i);
            if (!seen.add(t.embryoId())) throw ApiException.badField("embryos[" + i + "].embryoId", "art.embryo.twice");
            Embryo e = embryo(t.embryoId(), "embryos[" + i + "].embryoId");
            if (!e.originCycleId().equals(c.sourceCycleId()) || !"FROZEN".equals(e.state())) {
                throw ApiException.badField("embryos[" + i + "].embryoId", "art.embryo.not-frozen-of-source");
            }
        }
        for (Thawed t : f.embryos()) {
            Embryo e = embryo(t.embryoId(), "embryoId");
            boolean ok = Boolean.TRUE.equals(t.survived());
            jdbc.sql("""
                    update art_embryo set state = ?, thaw_cycle_id = ?, thawed_on = ?, discarded_on = ?, discard_reason = ?, version = version + 1,
                           changed_at = now(), changed_by = ? where id = ?""")
                    .params(ok ? "THAWED" : "DISCARDED", id, f.on(), ok ? null : f.on(), ok ? null : "THAW_FAILED", actor.username(), e.id()).update();
            store.embryoEvent(e.id(), id, "THAWED", f.on(), e.cultureDay(), e.grade(), ok ? "survived" : "did not survive", actor);
            if (!ok) store.embryoEvent(e.id(), id, "DISCARDED", f.on(), e.cultureDay(), e.grade(), "THAW_FAILED", actor);
        }
        store.changed(c, actor, "THAW", Map.of("embryos", f.embryos().size()));
        return store.read(id, List.of());
    }

    public record DiscardForm(@NotNull(message = "shared.error.required") LocalDate on,
                              @NotEmpty(message = "shared.error.required") @Size(max = 30) List<UUID> embryoIds,
                              @NotNull(message = "shared.error.required") String reason, Long version) {}

    /** An embryo's end other than transfer (arrested, poor quality, expired storage…): traced to the day and reason. */
    @Transactional
    public CycleRecord discard(UUID id, DiscardForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        if (!DISCARD_REASONS.contains(f.reason())) throw ApiException.badField("reason", "art.cycle.code", f.reason());
        CycleStore.date(f.on(), "on", c.startedOn(), "startedOn");
        Actor actor = staff.centre();
        List<Embryo> embryos = embryos(f.embryoIds(), "embryoIds");
        for (int i = 0; i < embryos.size(); i++) {
            Embryo e = embryos.get(i);
            boolean here = e.originCycleId().equals(id) && Set.of("CULTURE", "FROZEN").contains(e.state());
            boolean thawedHere = id.equals(e.thawCycleId()) && "THAWED".equals(e.state());
            if (!here && !thawedHere) throw ApiException.badField("embryoIds[" + i + "]", "art.embryo.not-discardable");
        }
        for (Embryo e : embryos) {
            jdbc.sql("""
                    update art_embryo set state = 'DISCARDED', discarded_on = ?, discard_reason = ?, version = version + 1, changed_at = now(),
                           changed_by = ? where id = ?""").params(f.on(), f.reason(), actor.username(), e.id()).update();
            store.embryoEvent(e.id(), id, "DISCARDED", f.on(), e.cultureDay(), e.grade(), f.reason(), actor);
        }
        store.changed(c, actor, "DISCARD", Map.of("embryos", embryos.size(), "reason", f.reason()));
        return store.read(id, List.of());
    }

    public record CancelForm(@NotNull(message = "shared.error.required") LocalDate on, @NotNull(message = "shared.error.required") String reason,
                             @Size(max = 500) String note, Long version) {}

    /** Cancellation before transfer, with its reason; a FRESH cycle cancelled before retrieval stays an intended retrieval (§8). */
    @Transactional
    public CycleRecord cancel(UUID id, CancelForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        open(c);
        if (c.transferOn() != null) throw conflict("art.cycle.already-transferred");
        if (!CANCEL_REASONS.contains(f.reason())) throw ApiException.badField("reason", "art.cycle.code", f.reason());
        LocalDate last = c.fertilisedOn() != null ? c.fertilisedOn() : c.retrievalOn() != null ? c.retrievalOn() : c.startedOn();
        CycleStore.date(f.on(), "on", last, "the last step");
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set cancelled_on = ?, cancel_reason = ?, cancel_note = ? where id = ?")
                .params(f.on(), f.reason(), Couples.blankToNull(f.note()), id).update();
        store.changed(c, actor, "CANCEL", Map.of("reason", f.reason()));
        return store.read(id, List.of());
    }

    public record OhssForm(String grade, Long version) {}

    /** OHSS grade (null clears it): a complication of stimulation, so of FRESH (and stimulated IUI) cycles. */
    @Transactional
    public CycleRecord ohss(UUID id, OhssForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        if (c.frozen()) throw conflict("art.cycle.ohss-stimulated-only");
        if (f.grade() != null && !OHSS_GRADES.contains(f.grade())) throw ApiException.badField("grade", "art.cycle.code", f.grade());
        Actor actor = staff.centre();
        jdbc.sql("update art_cycle set ohss_grade = ? where id = ?").params(f.grade(), id).update();
        store.changed(c, actor, "OHSS", f.grade() == null ? Map.of() : Map.of("grade", f.grade()));
        return store.read(id, List.of());
    }

    record Embryo(UUID id, UUID originCycleId, String state, Integer cultureDay, String grade, UUID thawCycleId, UUID transferCycleId) {}

    Embryo embryo(UUID id, String field) {
        return jdbc.sql("select id, origin_cycle_id, state, culture_day, grade, thaw_cycle_id, transfer_cycle_id from art_embryo where id = ? for update")
                .param(id).query(Embryo.class).optional().orElseThrow(() -> ApiException.badField(field, "art.embryo.unknown"));
    }

    List<Embryo> embryos(List<UUID> ids, String field) {
        if (new HashSet<>(ids).size() != ids.size()) throw ApiException.badField(field, "art.embryo.twice");
        List<Embryo> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) out.add(embryo(ids.get(i), field + "[" + i + "]"));
        return out;
    }

    static void open(CycleStore.Row c) {
        if (c.cancelledOn() != null) throw conflict("art.cycle.cancelled");
        if (c.outcome() != null) throw conflict("art.cycle.completed");
    }

    static ApiException conflict(String key) {
        return new ApiException(org.springframework.http.HttpStatus.CONFLICT, "cycle-step", key, List.of(), Map.of());
    }
}
