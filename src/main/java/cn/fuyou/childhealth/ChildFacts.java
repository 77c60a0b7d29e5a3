package cn.fuyou.childhealth;

import cn.fuyou.childhealth.internal.ChildDeathFacts;
import cn.fuyou.childhealth.internal.ChildVisitFacts;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The one place child health tells the statistics what its records count: after a visit is written (same transaction). */
@Service
public class ChildFacts {

    private final JdbcClient jdbc;
    private final IndicatorFacts facts;

    ChildFacts(JdbcClient jdbc, IndicatorFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(UUID childId) {
        refresh(List.of(childId));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(Collection<UUID> childIds) {
        UUID[] arr = childIds.toArray(UUID[]::new);
        Map<UUID, List<ChildVisitFacts.Visit>> visits = new HashMap<>();
        jdbc.sql("""
                select v.child_id, v.visit_date, v.age_days, i.code, v.weight_kg is not null and v.length_cm is not null, v.waz, v.lhaz, v.whz,
                       v.hemoglobin_g_per_l
                  from well_child_visit v join institution i on i.id = v.institution_id
                 where v.child_id = any(?) and v.voided_at is null""").param(arr)
                .query((rs, n) -> visits.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new ChildVisitFacts.Visit(rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
                                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))).list();
        Map<String, Map<UUID, List<IndicatorFact>>> all = new HashMap<>();
        Map<UUID, List<IndicatorFact>> deaths = new HashMap<>();
        all.put("child_death", deaths);
        jdbc.sql("""
                select c.child_id, c.birth_date, coalesce(p.address_area_code, i.zone_code, i.area_code), c.died_on, c.birth_ga_days,
                       c.birth_weight_g, coalesce(di.code, i.code)
                  from child_record c join person p on p.id = c.child_id join institution i on i.id = c.institution_id
                  left join institution di on di.id = c.death_institution_id
                 where c.child_id = any(?)""").param(arr)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    LocalDate birth = rs.getObject(2, LocalDate.class);
                    var child = new ChildVisitFacts.Child(id, birth, rs.getString(3), visits.getOrDefault(id, List.of()));
                    ChildVisitFacts.of(child).forEach((kind, bySource) -> all.computeIfAbsent(kind, k -> new HashMap<>()).putAll(bySource));
                    deaths.put(id, ChildDeathFacts.of(new ChildDeathFacts.Death(id, birth, rs.getObject(4, LocalDate.class),
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(3))));
                    return null;
                }).list();
        all.forEach(facts::replaceAll);
    }
}
