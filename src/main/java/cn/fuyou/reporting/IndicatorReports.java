package cn.fuyou.reporting;

import cn.fuyou.registry.Area;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The statistics pages' questions, each scoped by {@link StatsAccess} and audited. */
@Service
public class IndicatorReports {

    public record Overview(String area, LocalDate from, LocalDate to, String institution, String edition,
                           List<IndicatorFigures.Figure> indicators) {}

    /** @param rank the place in a league table (1 = best); null where nothing is ranked or the denominator is below the minimum */
    public record Row(String key, String nameZh, String nameEn, long numerator, long denominator,
                      @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value, @JsonInclude(JsonInclude.Include.ALWAYS) Integer rank) {}

    /**
     * @param precision      the decimals every row's value is given to
     * @param minDenominator a league table ranks only rows with at least this denominator (null: not a league table)
     */
    public record Breakdown(String code, String nameZh, String nameEn, String unit, int precision, String area, LocalDate from, LocalDate to,
                            String edition, List<Row> rows, @JsonInclude(JsonInclude.Include.NON_NULL) Integer minDenominator) {}

    public record Step(String measure, String nameZh, String nameEn, long count) {}

    public record Mix(String area, LocalDate from, LocalDate to, String edition, Map<String, Long> womenDelivered,
                      Map<String, Long> liveBirths, List<Step> funnel) {}

    private final IndicatorFigures figures;
    private final StatsAccess access;
    private final JdbcClient jdbc;
    private final int leagueMinDenominator;

    IndicatorReports(IndicatorFigures figures, StatsAccess access, JdbcClient jdbc,
                     @Value("${fuyou.stats.league-min-denominator:30}") int leagueMinDenominator) {
        this.figures = figures;
        this.access = access;
        this.jdbc = jdbc;
        this.leagueMinDenominator = Math.max(1, leagueMinDenominator);
    }

    public IndicatorCatalogue catalogue() {
        return figures.catalogue();
    }

    public IndicatorCatalogue.Indicator indicator(String code) {
        return figures.catalogue().indicator(code).orElseThrow(() -> ApiException.notFound("indicator", code));
    }

    @Transactional
    public Overview overview(StatsScope scope) {
        access.audited("IndicatorFigures", scope.area(), scope, Map.of());
        return new Overview(scope.area(), scope.from(), scope.to(), scope.institution(), catalogue().edition(),
                figures.figures(scope, catalogue().indicators()));
    }

    @Transactional
    public PageResult<IndicatorFigures.RecordItem> records(String code, String part, StatsScope scope, PageRequest page) {
        var i = indicator(code);
        if (!"numerator".equals(part) && !"denominator".equals(part)) {
            throw ApiException.badField("part", "part为numerator或denominator / part is numerator or denominator");
        }
        String measure = "numerator".equals(part) ? i.numerator() : i.denominator();
        access.audited("IndicatorRecords", code, scope, Map.of("part", part, "measure", measure, "page", page.page()));
        return figures.records(measure, scope, page);
    }

    /** One indicator for each district (and zone) of the area: the map and the drill-down. */
    @Transactional
    public Breakdown byArea(String code, StatsScope scope) {
        var i = indicator(code);
        access.audited("IndicatorByArea", code, scope, Map.of());
        var counts = figures.countsBy(IndicatorFigures.By.AREA, Set.of(i.numerator(), i.denominator()), scope);
        List<Row> rows = new ArrayList<>();
        for (Area part : access.parts(scope.area())) {
            Map<String, Long> c = new LinkedHashMap<>();
            for (String unit : access.units(part.code())) counts.getOrDefault(unit, Map.of()).forEach((m, n) -> c.merge(m, n, Long::sum));
            rows.add(row(i, part.code(), part.nameZh(), part.nameEn(), c));
        }
        return new Breakdown(i.code(), i.nameZh(), i.nameEn(), i.unit(), i.precision(), scope.area(), scope.from(), scope.to(), catalogue().edition(), rows,
                null);
    }

    /**
     * One indicator per institution in the area (institutions with a denominator): those whose denominator reaches the
     * minimum ({@code fuyou.stats.league-min-denominator}) ranked by value, highest first; the others after them, by
     * denominator, unranked — a rate over one or two women says nothing about an institution.
     */
    @Transactional
    public Breakdown byInstitution(String code, StatsScope scope) {
        var i = indicator(code);
        access.audited("IndicatorByInstitution", code, scope, Map.of());
        var counts = figures.countsBy(IndicatorFigures.By.INSTITUTION, Set.of(i.numerator(), i.denominator()), scope);
        Map<String, String[]> names = new LinkedHashMap<>();
        jdbc.sql("select code, name_zh, name_en from institution where code = any(?)").param(counts.keySet().toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)})).list();
        List<Row> rows = new ArrayList<>();
        counts.forEach((inst, c) -> {
            String[] nm = names.getOrDefault(inst, new String[]{inst, inst});
            Row r = row(i, inst, nm[0], nm[1], c);
            if (r.denominator() > 0) rows.add(r);
        });
        List<Row> ranked = new ArrayList<>(rows.stream().filter(r -> r.denominator() >= leagueMinDenominator)
                .sorted(Comparator.comparing(Row::value, Comparator.reverseOrder()).thenComparing(Row::key)).toList());
        List<Row> league = new ArrayList<>();
        for (int k = 0; k < ranked.size(); k++) {
            Row r = ranked.get(k);
            league.add(new Row(r.key(), r.nameZh(), r.nameEn(), r.numerator(), r.denominator(), r.value(), k + 1));
        }
        rows.stream().filter(r -> r.denominator() < leagueMinDenominator)
                .sorted(Comparator.comparingLong(Row::denominator).reversed().thenComparing(Row::key)).forEach(league::add);
        return new Breakdown(i.code(), i.nameZh(), i.nameEn(), i.unit(), i.precision(), scope.area(), scope.from(), scope.to(), catalogue().edition(), league,
                leagueMinDenominator);
    }

    /** The 12 months ending with the month of {@code scope.to()}. */
    @Transactional
    public Breakdown trend(String code, StatsScope scope) {
        var i = indicator(code);
        YearMonth last = YearMonth.from(scope.to());
        StatsScope twelve = scope.withPeriod(last.minusMonths(11).atDay(1), last.atEndOfMonth());
        access.audited("IndicatorTrend", code, twelve, Map.of());
        var counts = figures.countsBy(IndicatorFigures.By.MONTH, Set.of(i.numerator(), i.denominator()), twelve);
        List<Row> rows = new ArrayList<>();
        for (int k = 11; k >= 0; k--) {
            String m = last.minusMonths(k).toString();
            rows.add(row(i, m, m, m, counts.getOrDefault(m, Map.of())));
        }
        return new Breakdown(i.code(), i.nameZh(), i.nameEn(), i.unit(), i.precision(), scope.area(), twelve.from(), twelve.to(), catalogue().edition(), rows,
                null);
    }

    private static final List<String> FUNNEL = List.of("WOMAN_DELIVERED", "EARLY_REGISTERED", "ANC5_WOMAN", "HOSPITAL_DELIVERED_WOMAN",
            "POSTPARTUM_VISITED");

    /** The colour mix of women delivered and live births, and the care funnel of the women delivered. */
    @Transactional
    public Mix mix(StatsScope scope) {
        access.audited("IndicatorColourMix", scope.area(), scope, Map.of());
        var byColour = figures.countsBy(IndicatorFigures.By.COLOUR, Set.of("WOMAN_DELIVERED", "LIVE_BIRTH"), scope);
        Map<String, Long> women = new LinkedHashMap<>(), births = new LinkedHashMap<>();
        for (String c : StatsAccess.COLOURS) {
            women.put(c, byColour.getOrDefault(c, Map.of()).getOrDefault("WOMAN_DELIVERED", 0L));
            births.put(c, byColour.getOrDefault(c, Map.of()).getOrDefault("LIVE_BIRTH", 0L));
        }
        long ungraded = byColour.getOrDefault("", Map.of()).getOrDefault("WOMAN_DELIVERED", 0L);
        if (ungraded > 0) women.put("NONE", ungraded);
        var counts = figures.counts(Set.copyOf(FUNNEL), scope);
        List<Step> funnel = FUNNEL.stream().map(m -> {
            var measure = catalogue().measure(m).orElseThrow();
            return new Step(m, measure.nameZh(), measure.nameEn(), counts.getOrDefault(m, 0L));
        }).toList();
        return new Mix(scope.area(), scope.from(), scope.to(), catalogue().edition(), women, births, funnel);
    }

    private static Row row(IndicatorCatalogue.Indicator i, String key, String zh, String en, Map<String, Long> c) {
        long num = c.getOrDefault(i.numerator(), 0L), den = c.getOrDefault(i.denominator(), 0L);
        return new Row(key, zh, en, num, den, IndicatorPrecision.value(num, den, i), null);
    }
}
