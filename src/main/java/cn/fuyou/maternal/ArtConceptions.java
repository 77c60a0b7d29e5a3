package cn.fuyou.maternal;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.rules.PregnancyDating;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pregnancy conceived by assisted reproduction (issue 14), as the ART centre hands it to maternal care:
 * the episode opens (or her open one is marked) with ART dating (clinical-rules.md §3: EDD = transfer +
 * 266 − embryo age) and the ART conception risk factor, and the institution that will follow her is
 * entitled to her record wherever it is in the network.
 */
@Service
public class ArtConceptions {

    static final String FACTOR = "ART_CONCEPTION";

    private final JdbcClient jdbc;
    private final Pregnancies pregnancies;
    private final RiskAssessments risk;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final AuditLog audit;

    ArtConceptions(JdbcClient jdbc, Pregnancies pregnancies, RiskAssessments risk, PersonAccess access, Entitlements entitlements, AuditLog audit) {
        this.jdbc = jdbc;
        this.pregnancies = pregnancies;
        this.risk = risk;
        this.access = access;
        this.entitlements = entitlements;
        this.audit = audit;
    }

    /**
     * @param confirmedOn          the day the clinical pregnancy was seen (the registration date of a new episode)
     * @param followInstitutionId  where she will be followed (null: the caller's institution)
     */
    public record Conception(UUID womanId, UUID partnerId, LocalDate transferDate, int embryoAgeDays, LocalDate confirmedOn,
                             int fetusCount, int gravida, int para, UUID followInstitutionId) {}

    /** Opens her ART pregnancy, or marks her open one as ART-conceived and redates it; returns the episode's id. */
    @Transactional
    public UUID open(Conception c) {
        if (!access.canAccess(c.womanId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        Optional<UUID> open = pregnancies.openPregnancyOf(c.womanId());
        UUID id;
        if (open.isPresent()) {
            id = open.get();
            LocalDate edd = PregnancyDating.date(null, null, new PregnancyDating.Art(c.transferDate(), c.embryoAgeDays())).edd();
            jdbc.sql("""
                    update pregnancy set art_transfer_date = ?, art_embryo_age_days = ?, edd = ?, dating_method = 'ART', redated = false,
                           suboptimally_dated = false, fetus_count = greatest(fetus_count, ?),
                           history = jsonb_set(history, '{factors}', (select coalesce(jsonb_agg(distinct f), '[]'::jsonb)
                                      from jsonb_array_elements_text(coalesce(history->'factors', '[]'::jsonb) || to_jsonb(?::text)) f)),
                           version = version + 1, changed_at = now(), changed_by = ? where id = ?""")
                    .params(c.transferDate(), c.embryoAgeDays(), edd, Math.max(1, c.fetusCount()), FACTOR, CurrentActor.get().username(), id)
                    .update();
            audit.record(AuditRecord.write("ART_CONCEPTION", "Pregnancy", id, c.womanId(), Map.of("edd", edd.toString())));
            risk.gradeAfterChange(id, c.confirmedOn());
        } else {
            id = pregnancies.register(new PregnancyRegistration(c.womanId(), c.partnerId(), c.confirmedOn(), c.gravida(), c.para(), null, null,
                    new PregnancyRegistration.Art(c.transferDate(), c.embryoAgeDays()), null, null, Math.max(1, Math.min(6, c.fetusCount())),
                    null, null, null, List.of(FACTOR), null)).id();
        }
        UUID follow = c.followInstitutionId();
        if (follow != null && !follow.equals(CurrentActor.get().institutionId())) {
            jdbc.sql("update pregnancy set care_institution_id = ? where id = ?").params(follow, id).update();
            entitlements.entitle(c.womanId(), follow, "REFERRED");
        }
        return id;
    }

    /** Where the episode's delivery was recorded, if it was (no personal data). */
    public Optional<UUID> deliveryInstitution(UUID pregnancyId) {
        return jdbc.sql("select institution_id from delivery where pregnancy_id = ?").param(pregnancyId).query(UUID.class).optional();
    }
}
