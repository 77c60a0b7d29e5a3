package cn.fuyou.reporting.web;

import cn.fuyou.reporting.AnnualReports;
import cn.fuyou.reporting.StatsAccess;
import cn.fuyou.shared.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Annual-report tables per area and statistical year, on screen (JSON) and as .xlsx. */
@RestController
class AnnualReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualReports reports;
    private final StatsAccess access;

    AnnualReportController(AnnualReports reports, StatsAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/api/stats/annual-report")
    AnnualReports.Table table(@RequestParam(required = false) String kind, @RequestParam(required = false) String area,
                              @RequestParam(required = false) Integer year) {
        return load(kind, area, year);
    }

    @GetMapping("/api/stats/annual-report.xlsx")
    void xlsx(@RequestParam(required = false) String kind, @RequestParam(required = false) String area,
              @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        AnnualReports.Table t = load(kind, area, year);
        String name = t.areaNameZh() + "-" + t.year() + (t.kind().equals("MATERNAL") ? "-孕产妇保健年报" : "-儿童保健年报") + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"annual-" + t.area() + "-" + t.year() + ".xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        reports.writeXlsx(t, response.getOutputStream());
    }

    private AnnualReports.Table load(String kind, String area, Integer year) {
        AnnualReports.Kind k = AnnualReports.kind(kind);
        if (year == null || year < 2000 || year > 2100) throw ApiException.badField("year", "统计年度必填（如2025）/ statistical year, e.g. 2025");
        var scope = access.scope(area, AnnualReports.yearStart(year).toString(), AnnualReports.yearEnd(year).toString(), null, null);
        return reports.table(k, scope, year);
    }
}
