package cn.fuyou.hospital;

import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hospital's figures (issue 11 §5), all counts without patients: occupancy by ward and day
 * (midnight census ÷ beds), NICU admissions by referring institution and gestational-age band,
 * request-to-arrival times of transfers, and outcomes and mortality by band.
 */
@Service
public class HospitalStatistics {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Institutions institutions;

    private final java.time.Clock clock;

    HospitalStatistics(JdbcClient jdbc, Institutions institutions, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.institutions = institutions;
    }

    public record WardOccupancy(String wardCode, String nameZh, String nameEn, int beds, List<Integer> census, List<Double> occupancy,
                                double meanOccupancy) {}

    public record ReferrerCount(String institutionCode, String nameZh, String nameEn, Map<GestationalAgeBand, Integer> byBand, int total) {}

    public record ArrivalTimes(int transfers, Double medianMinutes, Double p90Minutes, int withinTarget, long targetMinutes) {}

    public record Outcome(GestationalAgeBand band, int discharged, int died, Double mortalityPercent, Map<String, Integer> byOutcome,
                          Double meanLengthOfStay) {}

    public record Figures(String institutionCode, String institutionNameZh, LocalDate from, LocalDate to, List<LocalDate> days,
                          List<WardOccupancy> occupancy, List<ReferrerCount> nicuAdmissionsByReferrer, ArrivalTimes arrivals,
                          List<Outcome> outcomesByGestationalAge) {}

    public Figures figures(String institutionCode, LocalDate from, LocalDate to) {
        String code = institutionCode == null || institutionCode.isBlank() ? CurrentActor.get().institutionCode() : institutionCode.strip();
        Institution h = institutions.find(code).orElseThrow(() -> ApiException.notFound("institution", code));
        LocalDate end = to == null ? cn.fuyou.shared.ChinaTime.today(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) throw ApiException.badField("from", "开始日期晚于结束日期 / from is after to");
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) throw ApiException.badField("from", "最长一年 / at most one year");
        List<LocalDate> days = start.datesUntil(end.plusDays(1)).toList();
        return new Figures(h.code(), h.nameZh(), start, end, days, occupancy(h.id(), start, end, days.size()),
                byReferrer(h.id(), start, end), arrivals(h.id(), start, end), outcomes(h.id(), start, end));
    }

    private List<WardOccupancy> occupancy(UUID hospital, LocalDate from, LocalDate to, int n) {
        record Row(String code, String zh, String en, int beds, LocalDate day, int census) {}
        var rows = jdbc.sql("""
                select w.code, w.name_zh, w.name_en, (select count(*) from hospital_bed b where b.ward_id = w.id)::int as beds, d.day::date,
                       (select count(*) from admission_stay s where s.ward_id = w.id
                           and s.from_at < (d.day + interval '1 day')::timestamptz
                           and (s.to_at is null or s.to_at >= (d.day + interval '1 day')::timestamptz))::int as census
                  from hospital_ward w cross join generate_series(?::timestamp, ?::timestamp, interval '1 day') d(day)
                 where w.institution_id = ? order by w.code, d.day""")
                .params(from, to, hospital)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getObject(5, LocalDate.class),
                        rs.getInt(6))).list();
        Map<String, List<Row>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r));
        List<WardOccupancy> out = new ArrayList<>();
        by.forEach((code, rs) -> {
            Row first = rs.get(0);
            List<Integer> census = rs.stream().map(Row::census).toList();
            List<Double> occ = rs.stream().map(r -> r.beds() == 0 ? 0.0 : round1(100.0 * r.census() / r.beds())).toList();
            out.add(new WardOccupancy(code, first.zh(), first.en(), first.beds(), census, occ,
                    round1(occ.stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        });
        return out;
    }

    private List<ReferrerCount> byReferrer(UUID hospital, LocalDate from, LocalDate to) {
        record Row(UUID referrer, Integer ga, int n) {}
        var rows = jdbc.sql("""
                select referring_institution_id, gestational_age_days, count(*)::int from admission
                 where institution_id = ? and bed_type like 'NICU%' and referring_institution_id is not null
                   and admitted_at::date between ? and ?
                 group by 1, 2""").params(hospital, from, to)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), (Integer) rs.getObject(2), rs.getInt(3))).list();
        Map<UUID, Map<GestationalAgeBand, Integer>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            var m = by.computeIfAbsent(r.referrer(), k -> new java.util.EnumMap<>(GestationalAgeBand.class));
            m.merge(GestationalAgeBand.of(r.ga()), r.n(), Integer::sum);
        }
        List<ReferrerCount> out = new ArrayList<>();
        by.forEach((id, m) -> {
            Institution i = institutions.findById(id).orElseThrow();
            out.add(new ReferrerCount(i.code(), i.nameZh(), i.nameEn(), m, m.values().stream().mapToInt(Integer::intValue).sum()));
        });
        out.sort(java.util.Comparator.comparing(ReferrerCount::total).reversed());
        return out;
    }

    private ArrivalTimes arrivals(UUID hospital, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(*)::int,
                       percentile_cont(0.5) within group (order by extract(epoch from admitted_at - requested_at) / 60),
                       percentile_cont(0.9) within group (order by extract(epoch from admitted_at - requested_at) / 60),
                       count(*) filter (where admitted_at - requested_at <= ? * interval '1 minute')::int
                  from admission where institution_id = ? and requested_at is not null
                   and admitted_at::date between ? and ?""")
                .params(cn.fuyou.hospital.internal.AdmissionFacts.ARRIVAL_TARGET_MINUTES, hospital, from, to)
                .query((rs, i) -> new ArrivalTimes(rs.getInt(1), round1((Double) rs.getObject(2)), round1((Double) rs.getObject(3)), rs.getInt(4),
                        cn.fuyou.hospital.internal.AdmissionFacts.ARRIVAL_TARGET_MINUTES)).single();
    }

    private List<Outcome> outcomes(UUID hospital, LocalDate from, LocalDate to) {
        record Row(Integer ga, String outcome, int los) {}
        var rows = jdbc.sql("""
                select gestational_age_days, outcome, length_of_stay_days from admission
                 where institution_id = ? and state = 'DISCHARGED' and bed_type like 'NICU%'
                   and discharged_at::date between ? and ?""").params(hospital, from, to)
                .query((rs, i) -> new Row((Integer) rs.getObject(1), rs.getString(2), rs.getInt(3))).list();
        List<Outcome> out = new ArrayList<>();
        for (GestationalAgeBand band : GestationalAgeBand.values()) {
            var in = rows.stream().filter(r -> GestationalAgeBand.of(r.ga()) == band).toList();
            Map<String, Integer> byOutcome = new LinkedHashMap<>();
            in.forEach(r -> byOutcome.merge(r.outcome(), 1, Integer::sum));
            int died = byOutcome.getOrDefault("DIED", 0);
            out.add(new Outcome(band, in.size(), died, in.isEmpty() ? null : round1(100.0 * died / in.size()), byOutcome,
                    in.isEmpty() ? null : round1(in.stream().mapToInt(Row::los).average().orElse(0))));
        }
        return out;
    }

    private static Double round1(Double d) {
        return d == null ? null : Math.round(d * 10) / 10.0;
    }
}
