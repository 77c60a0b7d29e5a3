package cn.fuyou.criticalcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: clinical-rules.md §6 — a maternal death is reported to the district MCH institution within 2 days. */
class DeathReportTimerTest {

    private final LocalDate death = LocalDate.of(2025, 3, 10);

    @Test
    @DisplayName("§6 2-day timer: reported on day 2 is in time, on day 3 overdue")
    void dayTwoAndThree() {
        assertThat(DeathReportTimer.dueOn(death)).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(DeathReportTimer.inTime(death, death)).isTrue();
        assertThat(DeathReportTimer.inTime(death, death.plusDays(2))).isTrue();
        assertThat(DeathReportTimer.inTime(death, death.plusDays(3))).isFalse();
        assertThat(DeathReportTimer.overdue(death, death.plusDays(2), death.plusDays(30))).isFalse();
        assertThat(DeathReportTimer.overdue(death, death.plusDays(3), death.plusDays(3))).isTrue();
    }

    @Test
    @DisplayName("§6 2-day timer: unreported, overdue from day 3, not on day 2")
    void unreported() {
        assertThat(DeathReportTimer.overdue(death, null, death.plusDays(2))).isFalse();
        assertThat(DeathReportTimer.overdue(death, null, death.plusDays(3))).isTrue();
        assertThat(DeathReportTimer.daysLeft(death, death)).isEqualTo(2);
        assertThat(DeathReportTimer.daysLeft(death, death.plusDays(3))).isEqualTo(-1);
    }
}
