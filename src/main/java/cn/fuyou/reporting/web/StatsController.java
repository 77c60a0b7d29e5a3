package cn.fuyou.reporting.web;

import cn.fuyou.reporting.NetworkStats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatsController {

    private final NetworkStats stats;

    StatsController(NetworkStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/stats/network")
    NetworkStats.Summary network() {
        return stats.summary();
    }
}
