package cn.fuyou.defects.internal;

import cn.fuyou.defects.DefectFacts;
import cn.fuyou.defects.ScreenForm;
import cn.fuyou.maternal.DeliveryRecorded;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.registry.Institutions;
import cn.fuyou.reporting.IndicatorFacts;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries the surveillance counts against, kept from the maternal module's {@link DeliveryRecorded}
 * in the delivery's transaction: perinatal births (≥ 28+0 weeks, live and stillborn) by the mother's age
 * group, and whether she was serum-screened in that pregnancy (PRENATAL_SCREENING).
 */
@Component
public class DeliveryCounts {

    private final JdbcClient jdbc;
    private final Pregnancies pregnancies;
    private final Institutions institutions;
    private final IndicatorFacts facts;

    DeliveryCounts(JdbcClient jdbc, Pregnancies pregnancies, Institutions institutions, IndicatorFacts facts) {
        this.jdbc = jdbc;
        this.pregnancies = pregnancies;
        this.institutions = institutions;
        this.facts = facts;
    }

    @EventListener
    void on(DeliveryRecorded d) {
        PregnancyRecord p;
        try {
            p = pregnancies.readForWrite(d.pregnancyId());
        } catch (cn.fuyou.shared.ApiException e) {
            return; // not this actor's to read: the delivery stands, it is simply not counted by age group here
        }
        if (p.delivery() == null || p.womanBirthDate() == null) return;
        LocalDate day = d.deliveredAt().atZoneSameInstant(cn.fuyou.shared.ChinaTime.ZONE).toLocalDate();
        String institution = p.delivery().institutionCode();
        String area = p.womanAreaCode() != null ? p.womanAreaCode()
                : institutions.find(institution).map(cn.fuyou.registry.Institution::areaCode).orElse("500000");
        int births = d.gestationalAgeDays() >= DefectFacts.PERINATAL_FROM_WEEKS * 7 ? p.delivery().newborns().size() : 0;
        int age = Period.between(p.womanBirthDate(), day).getYears();
        record(d.pregnancyId(), p.womanId(), day, d.gestationalAgeDays(), age, area, institution, births);
    }

    /** Stores (or restates) one delivery and its facts; the demo loader uses it for the deliveries it makes. */
    @Transactional
    public void record(UUID pregnancyId, UUID womanId, LocalDate deliveredOn, int gaDays, int maternalAge, String area, String institution,
                       int perinatalBirths) {
        Integer before = jdbc.sql("select perinatal_births from defect_delivery where pregnancy_id = ?").param(pregnancyId)
                .query(Integer.class).optional().orElse(0);
        jdbc.sql("""
                insert into defect_delivery (pregnancy_id, woman_id, delivered_on, ga_days, maternal_age, area_code, institution_code, perinatal_births)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (pregnancy_id) do update set delivered_on = excluded.delivered_on, ga_days = excluded.ga_days,
                    maternal_age = excluded.maternal_age, area_code = excluded.area_code, institution_code = excluded.institution_code,
                    perinatal_births = excluded.perinatal_births""")
                .params(pregnancyId, womanId, deliveredOn, gaDays, maternalAge, area, institution, perinatalBirths).update();
        DefectFacts.Delivery d = delivery(pregnancyId).orElseThrow();
        facts.replaceAll("defects_birth", DefectFacts.births(pregnancyId, d, before));
        facts.replace("defects_delivery", pregnancyId, DefectFacts.woman(d));
    }

    /** Restates whether a delivered woman was serum-screened (after a screen is stored or voided). */
    public void refreshWoman(UUID pregnancyId) {
        delivery(pregnancyId).ifPresent(d -> facts.replace("defects_delivery", pregnancyId, DefectFacts.woman(d)));
    }

    /** Her maternal age at delivery, if the delivery is known here. */
    public java.util.Optional<DefectFacts.Delivery> delivery(UUID pregnancyId) {
        return jdbc.sql("""
                select d.*, exists (select 1 from prenatal_screen s where s.pregnancy_id = d.pregnancy_id and s.status = 'ACTIVE'
                                       and s.kind = any(?)) as screened
                  from defect_delivery d where d.pregnancy_id = ?""")
                .params(ScreenForm.SERUM.toArray(String[]::new), pregnancyId)
                .query((rs, n) -> new DefectFacts.Delivery(rs.getObject("woman_id", UUID.class), rs.getString("institution_code"),
                        rs.getString("area_code"), rs.getObject("delivered_on", LocalDate.class), rs.getInt("ga_days"), rs.getInt("maternal_age"),
                        rs.getInt("perinatal_births"), rs.getBoolean("screened"))).optional();
    }

    /** Whether a delivery of this woman on this day is already counted here. */
    public boolean known(UUID womanId, LocalDate day) {
        return jdbc.sql("select count(*) from defect_delivery where woman_id = ? and delivered_on = ?").params(womanId, day)
                .query(Long.class).single() > 0;
    }

    static List<String> ageGroups() {
        return DefectFacts.AGE_GROUPS;
    }
}
