package cn.fuyou.reporting;

import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read model (joins the registry and network tables). Per alliance member and month: referrals sent and received, back-referrals, consultations, median response time. */
@Service
public class AllianceStats {

    private final JdbcClient jdbc;
    private final Institutions institutions;

    AllianceStats(JdbcClient jdbc, Institutions institutions) {
        this.jdbc = jdbc;
        this.institutions = institutions;
    }

    public record Row(String institutionCode, String nameZh, String nameEn, String month, long sent, long received, long backReferred,
                      long consultations, Double medianResponseMinutes) {}

    public List<Row> monthly(String fromMonth, String toMonth) {
        return jdbc.sql("""
                with months as (
                  select to_char(m, 'YYYY-MM') as month from generate_series(to_date(?, 'YYYY-MM'), to_date(?, 'YYYY-MM'), interval '1 month') m),
                 r as (
                  select to_char(created_at, 'YYYY-MM') as month, from_institution_id, to_institution_id, state, decided_at, created_at
                    from referral where created_at >= to_date(?, 'YYYY-MM') and created_at < to_date(?, 'YYYY-MM') + interval '1 month'),
                 c as (
                  select to_char(created_at, 'YYYY-MM') as month, from_institution_id, to_institution_id from consultation
                   where created_at >= to_date(?, 'YYYY-MM') and created_at < to_date(?, 'YYYY-MM') + interval '1 month')
                select i.id, m.month,
                       (select count(*) from r where r.month = m.month and r.from_institution_id = i.id),
                       (select count(*) from r where r.month = m.month and r.to_institution_id = i.id),
                       (select count(*) from r where r.month = m.month and r.to_institution_id = i.id and r.state in ('BACK_REFERRED', 'CLOSED')),
                       (select count(*) from c where c.month = m.month and (c.from_institution_id = i.id or c.to_institution_id = i.id)),
                       (select percentile_cont(0.5) within group (order by extract(epoch from r.decided_at - r.created_at) / 60)
                          from r where r.month = m.month and r.to_institution_id = i.id and r.decided_at is not null)
                  from institution i cross join months m
                 where i.alliance_status is not null
                 order by i.code, m.month""")
                .params(fromMonth, toMonth, fromMonth, toMonth, fromMonth, toMonth)
                .query((rs, n) -> {
                    Institution inst = institutions.findById(rs.getObject(1, UUID.class)).orElseThrow();
                    Object median = rs.getObject(7);
                    return new Row(inst.code(), inst.nameZh(), inst.nameEn(), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), median == null ? null : ((Number) median).doubleValue());
                }).list();
    }
}
