package cn.fuyou.reporting;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Network counts for the home page: a read model over the registry's tables. */
@Service
public class NetworkStats {

    private final JdbcClient jdbc;

    NetworkStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TypeCount(String type, long count) {}
    public record LevelCount(int level, long count) {}
    public record AreaCount(String areaCode, String nameZh, String nameEn, long institutions, long persons) {}
    public record Summary(long persons, long women, long children, long institutions, long allianceMembers,
                          List<TypeCount> byType, List<LevelCount> byLevel, List<AreaCount> byArea) {}

    public Summary summary() {
        var totals = jdbc.sql("""
                select count(*) as persons,
                       count(*) filter (where sex = 'F' and birth_date <= current_date - interval '15 years') as women,
                       count(*) filter (where birth_date > current_date - interval '3 years') as children
                  from person where merged_into is null and voided_at is null""")
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long institutions = jdbc.sql("select count(*) from institution").query(Long.class).single();
        long members = jdbc.sql("select count(*) from institution where alliance_status is not null and alliance_status <> 'LEFT'")
                .query(Long.class).single();
        var byType = jdbc.sql("select type, count(*) from institution group by type order by 2 desc")
                .query((rs, n) -> new TypeCount(rs.getString(1), rs.getLong(2))).list();
        var byLevel = jdbc.sql("select level, count(*) from institution group by level order by 1")
                .query((rs, n) -> new LevelCount(rs.getInt(1), rs.getLong(2))).list();
        var byArea = jdbc.sql("""
                select a.code, a.name_zh, a.name_en,
                       (select count(*) from institution i where i.area_code = a.code),
                       (select count(*) from person p where p.address_area_code = a.code and p.merged_into is null and p.voided_at is null)
                  from area a where a.parent_code = '500000' and a.kind in ('DISTRICT', 'COUNTY') order by a.code""")
                .query((rs, n) -> new AreaCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
        return new Summary(totals[0], totals[1], totals[2], institutions, members, byType, byLevel, byArea);
    }
}
