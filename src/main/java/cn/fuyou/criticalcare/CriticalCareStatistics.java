package cn.fuyou.criticalcare;

import cn.fuyou.registry.Area;
import cn.fuyou.registry.Areas;
import cn.fuyou.reporting.IndicatorCatalogue;
import cn.fuyou.reporting.IndicatorPrecision;
import cn.fuyou.reporting.MeasureCounts;
import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * This module's indicators (indicators/criticalcare.json) for an area and period: each indicator is its
 * numerator measure's facts over its denominator measure's facts × multiplier; criteria (organ systems)
 * and causes are also given per district.
 */
@Service
public class CriticalCareStatistics {

    private final MeasureCounts counts;
    private final Areas areas;
    private final DeathReports deathReports;
    private final JsonNode catalogue;
    private final IndicatorCatalogue indicators;

    CriticalCareStatistics(MeasureCounts counts, Areas areas, DeathReports deathReports, IndicatorCatalogue indicators) {
        this.counts = counts;
        this.areas = areas;
        this.deathReports = deathReports;
        this.indicators = indicators;
        try (InputStream in = getClass().getResourceAsStream("/indicators/criticalcare.json")) {
            this.catalogue = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Indicator(String code, String nameZh, String nameEn, String numerator, String denominator, long numeratorCount,
                            long denominatorCount, BigDecimal value, String unit) {}

    public record DistrictRow(String areaCode, String nameZh, String nameEn, Map<String, Long> counts) {}

    public record Statistics(String areaCode, LocalDate from, LocalDate to, String edition, List<Indicator> indicators,
                             List<String> districtMeasures, List<DistrictRow> districts) {}

    public Statistics compute(String areaCode, LocalDate from, LocalDate to) {
        if (areas.find(areaCode).isEmpty()) throw ApiException.badField("area", "未知地区 / unknown area " + areaCode);
        if (from.isAfter(to)) throw ApiException.badField("from", "起始日期晚于截止日期 / from is after to");
        deathReports.escalateOverdue();
        Set<String> scope = areas.withDescendants(areaCode);
        List<Indicator> out = new ArrayList<>();
        for (JsonNode i : catalogue.path("indicators")) {
            long num = counts.count(i.path("numerator").asText(), scope, from, to);
            long den = counts.count(i.path("denominator").asText(), scope, from, to);
            BigDecimal value = IndicatorPrecision.value(num, den, indicators.indicator(i.path("code").asText()).orElseThrow());
            out.add(new Indicator(i.path("code").asText(), i.path("nameZh").asText(), i.path("nameEn").asText(),
                    i.path("numerator").asText(), i.path("denominator").asText(), num, den, value, i.path("unit").asText()));
        }
        List<String> measures = new ArrayList<>(List.of("CRITICAL_CASE", "LIFE_THREATENING_CONDITION", "MATERNAL_NEAR_MISS", "MATERNAL_DEATH_REPORTED"));
        for (JsonNode m : catalogue.path("measures")) {
            String c = m.path("code").asText();
            if (c.startsWith("LTC_") || c.startsWith("MATERNAL_DEATH_CAUSE_")) measures.add(c);
        }
        Map<String, Map<String, Long>> byMeasure = new java.util.LinkedHashMap<>();
        for (String m : measures) byMeasure.put(m, counts.countByArea(m, scope, from, to));
        List<DistrictRow> districts = new ArrayList<>();
        for (String a : scope.stream().sorted().toList()) {
            Map<String, Long> row = new java.util.LinkedHashMap<>();
            for (String m : measures) row.put(m, byMeasure.get(m).getOrDefault(a, 0L));
            if (row.values().stream().allMatch(v -> v == 0)) continue;
            Area area = areas.find(a).orElseThrow();
            districts.add(new DistrictRow(a, area.nameZh(), area.nameEn(), row));
        }
        return new Statistics(areaCode, from, to, "criticalcare@" + catalogue.path("edition").asText(), out, measures, districts);
    }
}
