package cn.fuyou.reporting.web;

import cn.fuyou.reporting.DataQuality;
import cn.fuyou.reporting.IndicatorFigures;
import cn.fuyou.reporting.StatsScope;
import cn.fuyou.reporting.IndicatorReports;
import cn.fuyou.reporting.StatsAccess;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The national MCH indicators by area, institution, period and colour, and the records behind each number. */
@RestController
class IndicatorController {

    private final IndicatorReports reports;
    private final StatsAccess access;
    private final DataQuality quality;

    IndicatorController(IndicatorReports reports, StatsAccess access, DataQuality quality) {
        this.reports = reports;
        this.access = access;
        this.quality = quality;
    }

    @GetMapping("/api/stats/data-quality")
    List<DataQuality.Row> dataQuality(@RequestParam(required = false) String area, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String institution) {
        return quality.byInstitution(access.scope(area, from, to, institution, null));
    }

    @GetMapping("/api/stats/data-quality/items")
    PageResult<DataQuality.Item> dataQualityItems(@RequestParam(required = false) String area, @RequestParam(required = false) String from,
                                                  @RequestParam(required = false) String to, @RequestParam(required = false) String institution,
                                                  @RequestParam(required = false) String problem,
                                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        DataQuality.Problem p;
        try {
            p = DataQuality.Problem.valueOf(problem == null ? "" : problem.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw cn.fuyou.shared.ApiException.badField("problem", "problem为MISSING/IMPLAUSIBLE/LATE");
        }
        StatsScope scope = access.scope(area, from, to, institution, null);
        return quality.items(scope, scope.institution(), p, PageRequest.of(page, size));
    }

    @GetMapping("/api/stats/indicators")
    IndicatorReports.Overview indicators(@RequestParam(required = false) String area, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to, @RequestParam(required = false) String institution,
                                         @RequestParam(required = false) String colour) {
        return reports.overview(access.scope(area, from, to, institution, colour));
    }

    @GetMapping("/api/stats/indicators/{code}/records")
    PageResult<IndicatorFigures.RecordItem> records(@PathVariable String code, @RequestParam(required = false) String area,
                                                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String part,
                                                    @RequestParam(required = false) String institution,
                                                    @RequestParam(required = false) String colour,
                                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        reports.indicator(code);
        return reports.records(code, part, access.scope(area, from, to, institution, colour), PageRequest.of(page, size));
    }

    @GetMapping("/api/stats/indicators/{code}/by-area")
    IndicatorReports.Breakdown byArea(@PathVariable String code, @RequestParam(required = false) String area,
                                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String institution, @RequestParam(required = false) String colour) {
        reports.indicator(code);
        return reports.byArea(code, access.scope(area, from, to, institution, colour));
    }

    @GetMapping("/api/stats/indicators/{code}/by-institution")
    IndicatorReports.Breakdown byInstitution(@PathVariable String code, @RequestParam(required = false) String area,
                                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String colour) {
        reports.indicator(code);
        return reports.byInstitution(code, access.scope(area, from, to, null, colour));
    }

    @GetMapping("/api/stats/indicators/{code}/trend")
    IndicatorReports.Breakdown trend(@PathVariable String code, @RequestParam(required = false) String area,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String institution, @RequestParam(required = false) String colour) {
        reports.indicator(code);
        return reports.trend(code, access.scope(area, from == null ? to : from, to, institution, colour));
    }

    @GetMapping("/api/stats/mix")
    IndicatorReports.Mix mix(@RequestParam(required = false) String area, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String institution) {
        return reports.mix(access.scope(area, from, to, institution, null));
    }

    /** The catalogue (codes, names, units, groups), the edition, and where the caller's page opens. */
    @GetMapping("/api/stats/catalogue")
    Map<String, Object> catalogue() {
        return Map.of("edition", reports.catalogue().edition(), "indicators", reports.catalogue().indicators(),
                "homeArea", access.homeArea(), "parts", access.parts(access.homeArea()),
                "colours", List.copyOf(StatsAccess.COLOURS));
    }
}
