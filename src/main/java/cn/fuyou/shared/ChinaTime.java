package cn.fuyou.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Clinical dates in fuyou are China's calendar days (the network works in one time zone, UTC+8):
 * "today" is China's date whatever the server's own time zone is — between 00:00 and 08:00 China time
 * the UTC date is still yesterday. Services take the application's {@link Clock} (a bean, fixed in
 * tests) and ask this class for today; the database session works in the same zone (see
 * {@link #SESSION_SQL}), so SQL's {@code current_date} and {@code ::date} agree with it.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The China calendar day of a {@code timestamptz} SQL expression, e.g. {@code sqlDay("c.created_at")} →
     * {@code (c.created_at at time zone 'Asia/Shanghai')::date}: SQL names the zone through this one constant too.
     */
    public static String sqlDay(String timestamptz) {
        return "(" + timestamptz + " at time zone '" + ZONE.getId() + "')::date";
    }

    /** Run on every new database connection: the session's time zone is China's. */
    public static final String SESSION_SQL = "set time zone '" + ZONE.getId() + "'";

    private ChinaTime() {}

    /** Today's date in China by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The China calendar day of an instant, whatever offset it was written with (a "Z" time after 16:00 is tomorrow in China). */
    public static LocalDate dayOf(OffsetDateTime t) {
        return t.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** Now, at China's offset, by this clock. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(ZONE));
    }

    /** Today's date in China by the system clock — only where no clock can be passed (static rules of value types). */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The clock fuyou runs on: the system's, in China's zone. */
    public static Clock systemClock() {
        return Clock.system(ZONE);
    }
}
