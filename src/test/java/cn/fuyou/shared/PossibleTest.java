package cn.fuyou.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 16 §5 — every date and number checked for what is possible, a 400 naming the field. */
class PossibleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static void refuses(Runnable check, String field, String key) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo(key);
        });
    }

    @Test
    @DisplayName("a date after today is refused naming the field; today and null pass")
    void future() {
        Possible p = Possible.asOf(TODAY);
        p.notFuture("visitDate", TODAY).notFuture("visitDate", (LocalDate) null);
        refuses(() -> p.notFuture("visitDate", TODAY.plusDays(1)), "visitDate", "shared.error.date-in-future");
    }

    @Test
    @DisplayName("an instant is judged by its China date: 00:30 China time on the 11th is after today even though the UTC date is the 10th")
    void futureInstantInChinaTime() {
        Possible p = Possible.asOf(TODAY);
        p.notFuture("admittedAt", OffsetDateTime.parse("2026-03-10T23:59:00+08:00"));
        refuses(() -> p.notFuture("admittedAt", OffsetDateTime.parse("2026-03-10T16:30:00Z")), "admittedAt", "shared.error.date-in-future");
    }

    @Test
    @DisplayName("order: a measurement before birth, an admission before birth (China date), a deadline before the visit are refused")
    void order() {
        Possible p = Possible.asOf(TODAY);
        LocalDate birth = LocalDate.of(2026, 1, 5);
        p.notBefore("visitDate", birth, "birthDate", birth);
        refuses(() -> p.notBefore("visitDate", birth.minusDays(1), "birthDate", birth), "visitDate", "shared.error.date-order");
        // 2026-01-04 20:00 UTC is 2026-01-05 04:00 in China: the day of birth, possible.
        p.notBefore("admittedAt", OffsetDateTime.parse("2026-01-04T20:00:00Z"), "birthDate", birth);
        refuses(() -> p.notBefore("admittedAt", OffsetDateTime.parse("2026-01-04T15:00:00Z"), "birthDate", birth), "admittedAt",
                "shared.error.date-order");
        refuses(() -> p.notBefore("rectificationDue", TODAY.minusDays(1), "visitedOn", TODAY), "rectificationDue", "shared.error.date-order");
    }

    @Test
    @DisplayName("numbers within what a record can hold (bounds inclusive)")
    void ranges() {
        Possible p = Possible.asOf(TODAY);
        p.within("birthWeightG", 300, 300, 7000).within("birthWeightG", 7000, 300, 7000).within("birthWeightG", null, 300, 7000);
        refuses(() -> p.within("birthWeightG", 299, 300, 7000), "birthWeightG", "shared.error.out-of-range");
        refuses(() -> p.within("gestationalAgeDays", 316, 154, 315), "gestationalAgeDays", "shared.error.out-of-range");
    }
}
