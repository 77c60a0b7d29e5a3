package cn.fuyou.training.web;

import cn.fuyou.training.TrainingStatistics;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/training/statistics")
class StatisticsController {

    private final TrainingStatistics statistics;

    StatisticsController(TrainingStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    TrainingStatistics.Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.summary(from, to);
    }
}
