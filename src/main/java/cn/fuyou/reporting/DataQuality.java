package cn.fuyou.reporting;

import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data quality per institution (a read model over the maternal tables): antenatal contacts with a
 * required field missing (weight, blood pressure), implausible values (diastolic ≥ systolic, weight
 * outside 30–200 kg, Hb outside 40–200 g/L), contacts entered more than 7 days after their date, and
 * deliveries without blood loss or babies without a 5-minute Apgar — worst institution first.
 */
@Service
public class DataQuality {

    public enum Problem { MISSING, IMPLAUSIBLE, LATE }

    public record Row(String institutionCode, String nameZh, String nameEn, long contacts, long missing, long implausible, long late,
                      long deliveries, long deliveriesMissing, double problemShare) {}

    public record Item(UUID pregnancyId, UUID womanId, String womanName, LocalDate date, LocalDate enteredOn, String problem) {}

    private static final String MISSING = "(c.weight_kg is null or c.systolic is null or c.diastolic is null)";
    private static final String IMPLAUSIBLE = "(c.diastolic >= c.systolic or c.weight_kg not between 30 and 200 or c.hemoglobin_g_per_l not between 40 and 200)";
    private static final String LATE = "(" + ChinaTime.sqlDay("c.created_at") + " - c.contact_date > 7)";

    private final JdbcClient jdbc;
    private final StatsAccess access;

    DataQuality(JdbcClient jdbc, StatsAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional
    public List<Row> byInstitution(StatsScope scope) {
        access.audited("DataQuality", scope.area(), scope, Map.of());
        List<Object> p = new ArrayList<>(List.of(scope.from(), scope.to(), scope.from(), scope.to(), scope.units().toArray(String[]::new)));
        String inst = "";
        if (scope.institution() != null) { inst = " and i.code = ?"; p.add(scope.institution()); }
        List<Row> rows = jdbc.sql("""
                with c as (
                  select c.institution_id, count(*) as n,
                         count(*) filter (where """ + MISSING + """
                ) as missing,
                         count(*) filter (where """ + IMPLAUSIBLE + """
                ) as implausible,
                         count(*) filter (where """ + LATE + """
                ) as late
                    from antenatal_contact c where c.voided_at is null and c.contact_date between ? and ? group by 1),
                 d as (
                  select d.institution_id, count(distinct d.id) as n,
                         count(distinct d.id) filter (where d.blood_loss_ml is null or (n.id is not null and n.apgar5 is null)) as missing
                    -- a stillbirth has no live newborn: its missing Apgar is not a defect
                    from delivery d left join newborn n on n.delivery_id = d.id and n.live_born
                   where """ + ChinaTime.sqlDay("d.delivered_at") + """
                 between ? and ? group by 1)
                select i.code, i.name_zh, i.name_en, coalesce(c.n, 0), coalesce(c.missing, 0), coalesce(c.implausible, 0),
                       coalesce(c.late, 0), coalesce(d.n, 0), coalesce(d.missing, 0)
                  from institution i left join c on c.institution_id = i.id left join d on d.institution_id = i.id
                 where (c.n is not null or d.n is not null) and coalesce(i.zone_code, i.area_code) = any(?)""" + inst)
                .params(p)
                .query((rs, n) -> {
                    long contacts = rs.getLong(4), deliveries = rs.getLong(8);
                    long problems = rs.getLong(5) + rs.getLong(6) + rs.getLong(7) + rs.getLong(9);
                    double share = contacts + deliveries == 0 ? 0 : Math.round(1000.0 * problems / (contacts + deliveries)) / 10.0;
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), contacts, rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            deliveries, rs.getLong(9), share);
                }).list();
        return rows.stream().sorted((a, b) -> Double.compare(b.problemShare(), a.problemShare())).toList();
    }

    /** The contacts of one institution with one kind of problem, newest first, with the pregnancy to open and fix. */
    @Transactional
    public PageResult<Item> items(StatsScope scope, String institution, Problem problem, PageRequest page) {
        if (institution == null) throw ApiException.badField("institution", "机构必填 / institution is required");
        access.audited("DataQualityItems", institution, scope, Map.of("problem", problem.name()));
        String cond = switch (problem) { case MISSING -> MISSING; case IMPLAUSIBLE -> IMPLAUSIBLE; case LATE -> LATE; };
        String from = """
                 from antenatal_contact c join institution i on i.id = c.institution_id join pregnancy p on p.id = c.pregnancy_id
                 join person w on w.id = p.woman_id
                where c.voided_at is null and i.code = ? and c.contact_date between ? and ? and """ + cond;
        long total = jdbc.sql("select count(*)" + from).params(institution, scope.from(), scope.to()).query(Long.class).single();
        var items = jdbc.sql("select p.id, w.id, w.full_name, c.contact_date, " + ChinaTime.sqlDay("c.created_at") + from
                        + " order by c.contact_date desc limit ? offset ?")
                .params(institution, scope.from(), scope.to(), page.size(), page.offset())
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), problem.name())).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
