package cn.fuyou.defects.web;

import cn.fuyou.defects.DefectStatistics;
import cn.fuyou.shared.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Birth-defect surveillance figures on screen and the quarterly table as .xlsx. */
@RestController
class DefectStatisticsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DefectStatistics statistics;

    DefectStatisticsController(DefectStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/defects/statistics")
    DefectStatistics.Statistics statistics(@RequestParam(required = false) String area, @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to, @RequestParam(required = false) String institution) {
        return statistics.statistics(area, from, to, institution);
    }

    @GetMapping("/api/defects/statistics/quarterly.xlsx")
    void quarterly(@RequestParam(required = false) String area, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) Integer quarter, HttpServletResponse response) throws IOException {
        if (year == null || year < 2000 || year > 2100) throw ApiException.badField("year", "defects.error.required");
        if (quarter == null || quarter < 1 || quarter > 4) throw ApiException.badField("quarter", "defects.error.bad-value", String.valueOf(quarter));
        DefectStatistics.Statistics s = statistics.quarter(area, year, quarter);
        String name = s.areaNameZh() + "-" + year + "Q" + quarter + "-出生缺陷监测季报.xlsx";
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"birth-defects-" + s.area() + "-" + year + "Q" + quarter
                + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        statistics.writeXlsx(s, year, quarter, response.getOutputStream());
    }
}
