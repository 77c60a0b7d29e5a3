package cn.fuyou.reporting;

import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import cn.fuyou.reporting.internal.CountsVersion;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of the catalogue's indicators, read from {@code indicator_count} (kept by a trigger
 * with the facts), and the records behind each number, read from {@code indicator_fact}.
 * A period is summed from whole-month rows plus day rows for the partial months at either end.
 */
@Service
public class IndicatorFigures {

    /** How counts are broken down. */
    public enum By { AREA, INSTITUTION, COLOUR, MONTH }

    /** @param precision the decimals {@code value} is given to (and is to be shown with) */
    public record Figure(String code, String nameZh, String nameEn, long numerator, long denominator,
                         @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value, String unit, int precision) {}

    public record RecordItem(UUID personId, String personName, String institutionCode, String institutionNameZh,
                             String institutionNameEn, String areaCode, LocalDate date, String colour, String sourceKind, UUID sourceId) {}

    private final JdbcClient jdbc;
    private final IndicatorCatalogue catalogue;
    private final CountsVersion version;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Counts of one question, as read after {@code version} facts-writing commits, until {@code expires} (System.nanoTime). */
    private record Cached(long version, long expires, Map<String, Map<String, Long>> counts) {}

    IndicatorFigures(JdbcClient jdbc, IndicatorCatalogue catalogue, CountsVersion version,
                     @Value("${fuyou.stats.cache-millis:2000}") long cacheMillis) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.version = version;
        this.cacheNanos = cacheMillis * 1_000_000L;
    }

    public IndicatorCatalogue catalogue() {
        return catalogue;
    }

    /** The indicator's figure over the counts (measure → count), to its precision ({@link IndicatorPrecision}). */
    public Figure figure(IndicatorCatalogue.Indicator i, Map<String, Long> counts) {
        long num = counts.getOrDefault(i.numerator(), 0L), den = counts.getOrDefault(i.denominator(), 0L);
        return new Figure(i.code(), i.nameZh(), i.nameEn(), num, den, IndicatorPrecision.value(num, den, i), i.unit(), i.precision());
    }

    public List<Figure> figures(StatsScope scope, Collection<IndicatorCatalogue.Indicator> indicators) {
        Map<String, Long> counts = counts(measuresOf(indicators), scope);
        return indicators.stream().map(i -> figure(i, counts)).toList();
    }

    public static Set<String> measuresOf(Collection<IndicatorCatalogue.Indicator> indicators) {
        Set<String> m = new LinkedHashSet<>();
        indicators.forEach(i -> { m.add(i.numerator()); m.add(i.denominator()); });
        return m;
    }

    /** measure → count in the scope. */
    public Map<String, Long> counts(Set<String> measures, StatsScope scope) {
        Map<String, Long> result = new HashMap<>();
        countsBy(null, measures, scope).forEach((key, byMeasure) -> byMeasure.forEach((m, n) -> result.merge(m, n, Long::sum)));
        return result;
    }

    /**
     * key (area code, institution code, colour or YYYY-MM) → measure → count; by null = one key "".
     * Twenty officials opening the city's page ask the same question: the answer is kept for at most
     * {@code fuyou.stats.cache-millis} (2 s) and never past a commit of facts in this process, so a record is in the
     * figures as soon as it commits here, and within 2 s on another instance.
     */
    public Map<String, Map<String, Long>> countsBy(By by, Set<String> measures, StatsScope scope) {
        if (cacheNanos <= 0) return query(by, measures, scope);
        String key = by + "|" + new java.util.TreeSet<>(measures) + "|" + scope.units() + "|" + scope.from() + "|" + scope.to() + "|"
                + scope.institution() + "|" + scope.colour();
        long v = version.current(), now = System.nanoTime();
        Cached c = cache.get(key);
        if (c != null && c.version() == v && now - c.expires() < 0) return c.counts();
        Map<String, Map<String, Long>> counts = query(by, measures, scope);
        if (cache.size() > 5_000) cache.clear();
        cache.put(key, new Cached(v, now + cacheNanos, counts));
        return counts;
    }

    private Map<String, Map<String, Long>> query(By by, Set<String> measures, StatsScope scope) {
        List<Object> levelParams = new ArrayList<>();
        StringBuilder level = new StringBuilder(" and measure = any(?) and area_code = any(?)");
        levelParams.add(measures.toArray(String[]::new));
        levelParams.add(scope.units().toArray(String[]::new));
        // Which level of rows: the area roll-up unless an institution or colour is asked for.
        if (scope.institution() != null || by == By.INSTITUTION) {
            if (scope.institution() != null) { level.append(" and institution_code = ?"); levelParams.add(scope.institution()); }
            else level.append(" and institution_code <> '*'");
            if (scope.colour() != null) { level.append(" and colour = ?"); levelParams.add(scope.colour()); }
        } else if (scope.colour() != null || by == By.COLOUR) {
            level.append(" and institution_code = '*' and colour <> '*'");
            if (scope.colour() != null) { level.append(" and colour = ?"); levelParams.add(scope.colour()); }
        } else {
            level.append(" and institution_code = '*' and colour = '*'");
        }
        String key = by == null ? "''" : switch (by) {
            case AREA -> "area_code";
            case INSTITUTION -> "institution_code";
            case COLOUR -> "colour";
            case MONTH -> "to_char(period_start, 'YYYY-MM')";
        };
        // One range scan per grain range (whole months from month rows, the ends from day rows), summed.
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Range r : ranges(scope.from(), scope.to())) {
            parts.add("select " + key + " as k, measure, n from indicator_count where grain = ? and period_start >= ? and period_start < ?" + level);
            params.add(String.valueOf(r.grain()));
            params.add(r.start());
            params.add(r.end());
            params.addAll(levelParams);
        }
        Map<String, Map<String, Long>> result = new HashMap<>();
        jdbc.sql("select k, measure, sum(n) from (" + String.join(" union all ", parts) + ") c group by 1, 2")
                .params(params)
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    return null;
                }).list();
        Map<String, Map<String, Long>> frozen = new HashMap<>();
        result.forEach((k, m) -> frozen.put(k, Map.copyOf(m)));
        return Map.copyOf(frozen);
    }

    /** Rows of one grain ('M' month, 'D' day) with {@code start <= period_start < end}. */
    record Range(char grain, LocalDate start, LocalDate end) {}

    /** Whole months from month rows, the partial months at either end from day rows; together exactly from..to. */
    static List<Range> ranges(LocalDate from, LocalDate to) {
        LocalDate fullStart = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterTo = to.plusDays(1);
        LocalDate fullEnd = afterTo.getDayOfMonth() == 1 ? afterTo : to.withDayOfMonth(1);
        if (!fullStart.isBefore(fullEnd)) return List.of(new Range('D', from, afterTo));
        List<Range> ranges = new ArrayList<>();
        if (from.isBefore(fullStart)) ranges.add(new Range('D', from, fullStart));
        ranges.add(new Range('M', fullStart, fullEnd));
        if (fullEnd.isBefore(afterTo)) ranges.add(new Range('D', fullEnd, afterTo));
        return ranges;
    }

    /** The facts of one measure in the scope, in date order; the total is their count. */
    public PageResult<RecordItem> records(String measure, StatsScope scope, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where f.measure = ? and f.fact_date between ? and ? and f.area_code = any(?)");
        params.add(measure);
        params.add(scope.from());
        params.add(scope.to());
        params.add(scope.units().toArray(String[]::new));
        if (scope.institution() != null) { where.append(" and f.institution_code = ?"); params.add(scope.institution()); }
        if (scope.colour() != null) { where.append(" and f.colour = ?"); params.add(scope.colour()); }
        long total = jdbc.sql("select count(*) from indicator_fact f" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<RecordItem> items = jdbc.sql("""
                select f.person_id, p.full_name, f.institution_code, i.name_zh, i.name_en, f.area_code, f.fact_date, f.colour,
                       f.source_kind, f.source_id
                  from indicator_fact f left join person p on p.id = f.person_id left join institution i on i.code = f.institution_code"""
                        + where
                        + " order by f.fact_date, f.source_id limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new RecordItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                        rs.getObject(10, UUID.class)))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
