package cn.fuyou.reporting.internal;

import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts kept in {@code indicator_fact}, written in the caller's transaction: one delete and one
 * insert statement per call (the counts table follows by statement triggers, V50).
 */
@Component
class JdbcIndicatorFacts implements IndicatorFacts {

    private final JdbcClient jdbc;
    private final CountsVersion version;

    JdbcIndicatorFacts(JdbcClient jdbc, CountsVersion version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(String sourceKind, UUID sourceId, Collection<IndicatorFact> facts) {
        replaceAll(sourceKind, Map.of(sourceId, facts));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceAll(String sourceKind, Map<UUID, ? extends Collection<IndicatorFact>> factsBySource) {
        if (factsBySource.isEmpty()) return;
        version.changedInThisTransaction();
        jdbc.sql("delete from indicator_fact where source_kind = ? and source_id = any(?)")
                .params(sourceKind, factsBySource.keySet().toArray(UUID[]::new)).update();
        List<String> measures = new ArrayList<>(), institutions = new ArrayList<>(), areas = new ArrayList<>(), colours = new ArrayList<>();
        List<UUID> sources = new ArrayList<>(), persons = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        factsBySource.forEach((source, facts) -> {
            for (IndicatorFact f : facts) {
                measures.add(f.measure());
                sources.add(source);
                persons.add(f.personId());
                institutions.add(f.institutionCode());
                areas.add(f.areaCode());
                dates.add(Date.valueOf(f.date()));
                colours.add(f.colour());
            }
        });
        if (measures.isEmpty()) return;
        jdbc.sql("""
                insert into indicator_fact (measure, source_kind, source_id, person_id, institution_code, area_code, fact_date, colour)
                select m, ?, s, p, i, a, d, c
                  from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[]) as t (m, s, p, i, a, d, c)
                on conflict (measure, source_kind, source_id) do nothing""")
                .params(sourceKind, measures.toArray(String[]::new), sources.toArray(UUID[]::new), persons.toArray(UUID[]::new),
                        institutions.toArray(String[]::new), areas.toArray(String[]::new), dates.toArray(Date[]::new),
                        colours.toArray(String[]::new))
                .update();
    }
}
