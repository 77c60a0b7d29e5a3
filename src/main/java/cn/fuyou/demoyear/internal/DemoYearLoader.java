package cn.fuyou.demoyear.internal;

import cn.fuyou.demoyear.DemoYear;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start only: the statistics demo year ({@code fuyou.demo.year-births}
 * deliveries, default 2,000 in the demo profile) over the last 12 months up to today.
 */
@Component
class DemoYearLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoYearLoader.class);

    private final DemoYear demoYear;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final int births;
    private final long seed;

    private final java.time.Clock clock;

    DemoYearLoader(DemoYear demoYear, JdbcClient jdbc, @Value("${fuyou.demo.enabled:false}") boolean enabled,
                   @Value("${fuyou.demo.year-births:0}") int births, @Value("${fuyou.demo.seed:1}") long seed, java.time.Clock clock) {
        this.clock = clock;
        this.demoYear = demoYear;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.births = births;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void load() {
        if (!enabled || births <= 0 || jdbc.sql("select count(*) from delivery where created_by = 'demo-year'").query(Long.class).single() > 0) return;
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        var r = demoYear.generate(new DemoYear.Settings(seed, births, today.minusMonths(12).withDayOfMonth(1), today));
        log.info("Demo year: {} deliveries, {} contacts, {} children in {} ms", r.deliveries().size(), r.contacts(), r.children().size(),
                r.millis());
    }
}
