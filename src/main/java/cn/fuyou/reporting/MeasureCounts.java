package cn.fuyou.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts of a measure's facts in a set of areas and a period (inclusive), overall or per area: for modules' own figures. */
@Service
public class MeasureCounts {

    private final JdbcClient jdbc;

    MeasureCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(String measure, Collection<String> areaCodes, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from indicator_fact where measure = ? and area_code = any(?) and fact_date between ? and ?")
                .params(measure, areaCodes.toArray(String[]::new), from, to).query(Long.class).single();
    }

    public Map<String, Long> countByArea(String measure, Collection<String> areaCodes, LocalDate from, LocalDate to) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                select area_code, count(*) from indicator_fact where measure = ? and area_code = any(?) and fact_date between ? and ?
                 group by area_code order by area_code""")
                .params(measure, areaCodes.toArray(String[]::new), from, to)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }
}
