package cn.fuyou.reporting.internal;

import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Facts kept in {@code indicator_fact}, written in the caller's transaction. */
@Component
class JdbcIndicatorFacts implements IndicatorFacts {

    private final JdbcClient jdbc;

    JdbcIndicatorFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(String sourceKind, UUID sourceId, Collection<IndicatorFact> facts) {
        jdbc.sql("delete from indicator_fact where source_kind = ? and source_id = ?")
                .params(sourceKind, sourceId).update();
        for (IndicatorFact f : facts) {
            jdbc.sql("""
                    insert into indicator_fact (measure, source_kind, source_id, person_id, institution_code,
                                                area_code, fact_date, colour)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (measure, source_kind, source_id) do nothing""")
                    .params(f.measure(), sourceKind, sourceId, f.personId(), f.institutionCode(),
                            f.areaCode(), f.date(), f.colour())
                    .update();
        }
    }
}
