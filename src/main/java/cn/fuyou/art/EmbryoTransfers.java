package cn.fuyou.art;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Embryo transfer (issue 14 item 2): a fresh cycle transfers embryos of its own retrieval still in culture
 * (day 2–7 after retrieval); a FET cycle transfers the embryos it thawed. At most {@value #MAX_EMBRYOS}
 * embryos (national ART technical norms); the embryos are marked transferred in this cycle, so each is
 * traceable from its retrieval to this transfer and on to the births.
 */
@Service
public class EmbryoTransfers {

    public static final int MAX_EMBRYOS = 3;
    public static final Set<String> LUTEAL_SUPPORT = Set.of("PROGESTERONE_VAGINAL", "PROGESTERONE_IM", "DYDROGESTERONE", "HCG", "COMBINED", "NONE");

    private final JdbcClient jdbc;
    private final CycleStore store;
    private final CycleSteps steps;
    private final ArtStaff staff;

    EmbryoTransfers(JdbcClient jdbc, CycleStore store, CycleSteps steps, ArtStaff staff) {
        this.jdbc = jdbc;
        this.store = store;
        this.steps = steps;
        this.staff = staff;
    }

    public record TransferForm(@NotNull(message = "shared.error.required") LocalDate on,
                               @NotEmpty(message = "shared.error.required") @Size(max = 10) List<UUID> embryoIds,
                               String lutealSupport, Long version) {}

    @Transactional
    public CycleRecord transfer(UUID id, TransferForm f) {
        CycleStore.Row c = store.lock(id, f.version());
        CycleSteps.open(c);
        if (c.iui()) throw CycleSteps.conflict("art.cycle.not-for-iui");
        if (c.transferOn() != null) throw CycleSteps.conflict("art.cycle.already-transferred");
        if (f.embryoIds().size() > MAX_EMBRYOS) throw ApiException.badField("embryoIds", "art.transfer.too-many", MAX_EMBRYOS);
        if (f.lutealSupport() != null && !LUTEAL_SUPPORT.contains(f.lutealSupport())) {
            throw ApiException.badField("lutealSupport", "art.cycle.code", f.lutealSupport());
        }
        List<CycleSteps.Embryo> embryos = steps.embryos(f.embryoIds(), "embryoIds");
        int day;
        if (c.fresh()) {
            if (c.fertilisedOn() == null) throw CycleSteps.conflict("art.cycle.fertilise-first");
            CycleStore.date(f.on(), "on", c.fertilisedOn(), "fertilisedOn");
            day = (int) ChronoUnit.DAYS.between(c.retrievalOn(), f.on());
            if (day < 2 || day > 7) throw ApiException.badField("on", "art.transfer.day", day);
            for (int i = 0; i < embryos.size(); i++) {
                CycleSteps.Embryo e = embryos.get(i);
                if (!e.originCycleId().equals(id) || !"CULTURE".equals(e.state())) {
                    throw ApiException.badField("embryoIds[" + i + "]", "art.embryo.not-in-culture");
                }
            }
        } else {
            LocalDate thawed = jdbc.sql("select max(thawed_on) from art_embryo where thaw_cycle_id = ?").param(id).query(LocalDate.class).single();
            if (thawed == null) throw CycleSteps.conflict("art.cycle.thaw-first");
            CycleStore.date(f.on(), "on", thawed, "thawedOn");
            for (int i = 0; i < embryos.size(); i++) {
                CycleSteps.Embryo e = embryos.get(i);
                if (!id.equals(e.thawCycleId()) || !"THAWED".equals(e.state())) {
                    throw ApiException.badField("embryoIds[" + i + "]", "art.embryo.not-thawed-here");
                }
            }
            day = embryos.stream().map(CycleSteps.Embryo::cultureDay).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(3);
            day = Math.max(2, Math.min(7, day));
        }
        Actor actor = staff.centre();
        for (CycleSteps.Embryo e : embryos) {
            jdbc.sql("""
                    update art_embryo set state = 'TRANSFERRED', transfer_cycle_id = ?, transferred_on = ?, version = version + 1, changed_at = now(),
                           changed_by = ? where id = ?""").params(id, f.on(), actor.username(), e.id()).update();
            store.embryoEvent(e.id(), id, "TRANSFERRED", f.on(), e.cultureDay(), e.grade(), null, actor);
        }
        jdbc.sql("update art_cycle set transfer_on = ?, transfer_day = ?, embryos_transferred = ?, luteal_support = ? where id = ?")
                .params(f.on(), day, embryos.size(), f.lutealSupport(), id).update();
        store.changed(c, actor, "TRANSFER", Map.of("embryos", embryos.size(), "day", day));
        return store.read(id, List.of());
    }
}
