package cn.fuyou.maternal;

import cn.fuyou.maternal.internal.DeliveryFacts;
import cn.fuyou.maternal.internal.PregnancyReader;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place the maternal module tells the statistics what its records count: after a delivery
 * or a postpartum visit is written (same transaction), the pregnancy's facts are recomputed from the
 * record by {@link DeliveryFacts} and replace the previous ones.
 */
@Service
public class MaternalFacts {

    private static final Set<String> HOSPITALS = Set.of("MCH_HOSPITAL", "GENERAL_HOSPITAL", "CHILDRENS_HOSPITAL", "MCH_INSTITUTE");
    private static final List<String> RANK = List.of("GREEN", "YELLOW", "ORANGE", "RED");

    private final JdbcClient jdbc;
    private final IndicatorFacts facts;
    private final int postpartumVisitDays;

    MaternalFacts(JdbcClient jdbc, IndicatorFacts facts, @Value("${fuyou.stats.postpartum-visit-days:7}") int postpartumVisitDays) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.postpartumVisitDays = postpartumVisitDays;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(UUID pregnancyId) {
        refresh(List.of(pregnancyId));
    }

    /** Recomputes the facts of these pregnancies (those without a delivery contribute none). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(Collection<UUID> pregnancyIds) {
        Map<String, Map<UUID, List<IndicatorFact>>> all = new HashMap<>();
        all.put("pregnancy", new HashMap<>());
        all.put("newborn", new HashMap<>());
        for (UUID id : pregnancyIds) all.get("pregnancy").put(id, List.of());
        for (DeliveryFacts.Delivered d : load(pregnancyIds)) {
            DeliveryFacts.of(d, postpartumVisitDays).forEach((kind, bySource) -> all.get(kind).putAll(bySource));
        }
        facts.replaceAll("pregnancy", all.get("pregnancy"));
        facts.replaceAll("newborn", all.get("newborn"));
    }

    private List<DeliveryFacts.Delivered> load(Collection<UUID> ids) {
        UUID[] arr = ids.toArray(UUID[]::new);
        Map<UUID, List<DeliveryFacts.Contact>> contacts = new HashMap<>();
        jdbc.sql("""
                select pregnancy_id, contact_date, ga_days, hiv is not null, syphilis is not null, hbsag is not null
                  from antenatal_contact where pregnancy_id = any(?) and voided_at is null""").param(arr)
                .query((rs, n) -> contacts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new DeliveryFacts.Contact(rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5),
                                rs.getBoolean(6)))).list();
        Map<UUID, List<DeliveryFacts.Baby>> babies = new HashMap<>();
        jdbc.sql("""
                select d.pregnancy_id, n.id, n.child_id, n.live_born, n.weight_g, n.apgar5
                  from newborn n join delivery d on d.id = n.delivery_id where d.pregnancy_id = any(?) order by n.birth_order""").param(arr)
                .query((rs, n) -> babies.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new DeliveryFacts.Baby(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4), rs.getInt(5),
                                (Integer) rs.getObject(6)))).list();
        Map<UUID, List<DeliveryFacts.Postpartum>> visits = new HashMap<>();
        jdbc.sql("select pregnancy_id, kind, visit_date from postpartum_visit where pregnancy_id = any(?)").param(arr)
                .query((rs, n) -> visits.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new DeliveryFacts.Postpartum(rs.getString(2), rs.getObject(3, LocalDate.class)))).list();
        // The highest colour graded before delivery (the statistics read the woman's own district from her record).
        return jdbc.sql("""
                select p.id, p.woman_id, p.para, p.registered_on, p.edd, p.colour, p.purple,
                       (select max(array_position(array['GREEN','YELLOW','ORANGE','RED'], g.colour)) from risk_grading g
                         where g.pregnancy_id = p.id and g.assessed_on <= d.delivered_at::date) as graded_rank,
                       (select bool_or(g.purple) from risk_grading g
                         where g.pregnancy_id = p.id and g.assessed_on <= d.delivered_at::date) as graded_purple,
                       d.delivered_at, d.ga_days, d.mode, d.blood_loss_ml, d.complications, d.maternal_condition, d.discharged_on,
                       i.code, i.type, coalesce(i.zone_code, i.area_code), w.address_area_code
                  from pregnancy p join delivery d on d.pregnancy_id = p.id join institution i on i.id = d.institution_id
                  join person w on w.id = p.woman_id
                 where p.id = any(?)""").param(arr)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    LocalDate day = rs.getObject(10, OffsetDateTime.class).atZoneSameInstant(Deliveries.CHINA).toLocalDate();
                    Integer rank = (Integer) rs.getObject(8);
                    Boolean gradedPurple = (Boolean) rs.getObject(9);
                    String colour = rank != null ? RANK.get(rank - 1) : rs.getString(6);
                    boolean purple = gradedPurple != null ? gradedPurple : rs.getBoolean(7);
                    if (purple) colour = "PURPLE";
                    String[] complications = (String[]) rs.getArray(14).getArray();
                    String residence = rs.getString(20);
                    return new DeliveryFacts.Delivered(id, rs.getObject(2, UUID.class), rs.getInt(3),
                            PregnancyReader.gaDays(rs.getObject(5, LocalDate.class), rs.getObject(4, LocalDate.class)), colour,
                            contacts.getOrDefault(id, List.of()), day, rs.getInt(11), rs.getString(12), (Integer) rs.getObject(13),
                            Arrays.asList(complications), rs.getString(15), rs.getObject(16, LocalDate.class), babies.getOrDefault(id, List.of()),
                            visits.getOrDefault(id, List.of()), rs.getString(17), HOSPITALS.contains(rs.getString(18)),
                            residence != null ? residence : rs.getString(19));
                }).list();
    }
}
