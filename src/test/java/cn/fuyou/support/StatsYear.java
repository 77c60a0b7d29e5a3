package cn.fuyou.support;

import cn.fuyou.demoyear.DemoYear;
import java.time.LocalDate;

/**
 * The generated statistics year shared by the statistics tests (one per test JVM): 900 deliveries
 * from 15 Oct 2024 to 14 Oct 2025 — across the 30 Sep / 1 Oct boundary of statistical year 2025 —
 * with their children, and older children seen in that year.
 */
public final class StatsYear {

    public static final LocalDate START = LocalDate.of(2024, 10, 15);
    public static final LocalDate END = LocalDate.of(2025, 10, 14);
    private static DemoYear.Result result;

    private StatsYear() {}

    public static synchronized DemoYear.Result ensure(DemoYear demoYear) {
        if (result == null) result = demoYear.generate(new DemoYear.Settings(4711, 900, START, END));
        return result;
    }
}
