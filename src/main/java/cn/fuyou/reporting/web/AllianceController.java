package cn.fuyou.reporting.web;

import cn.fuyou.reporting.AllianceStats;
import cn.fuyou.shared.ApiException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AllianceController {

    private final AllianceStats stats;

    private final java.time.Clock clock;

    AllianceController(AllianceStats stats, java.time.Clock clock) {
        this.clock = clock;
        this.stats = stats;
    }

    @GetMapping("/api/network/alliance/stats")
    List<AllianceStats.Row> stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth end = to == null ? java.time.YearMonth.now(clock.withZone(cn.fuyou.shared.ChinaTime.ZONE)) : parse(to, "to");
        YearMonth start = from == null ? end.minusMonths(11) : parse(from, "from");
        if (start.isAfter(end) || start.plusMonths(36).isBefore(end)) throw ApiException.badField("from", "区间为1–36个月 / 1–36 months");
        return stats.monthly(start.toString(), end.toString());
    }

    private static YearMonth parse(String v, String field) {
        try {
            return YearMonth.parse(v);
        } catch (Exception e) {
            throw ApiException.badField(field, "格式为YYYY-MM / format is YYYY-MM");
        }
    }
}
