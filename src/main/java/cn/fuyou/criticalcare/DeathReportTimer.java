package cn.fuyou.criticalcare;

import java.time.LocalDate;

/**
 * A maternal death is reported to the district MCH institution within 2 days (clinical-rules.md §6):
 * days are counted in China's calendar from the day of death (day 0); a report on day 2 is in time, on
 * day 3 it is overdue. Unreported after day 2, the report is overdue and escalates to the city.
 */
public final class DeathReportTimer {

    public static final int DAYS = 2;

    private DeathReportTimer() {}

    /** The last day on which the report is in time. */
    public static LocalDate dueOn(LocalDate deathDate) {
        return deathDate.plusDays(DAYS);
    }

    public static boolean inTime(LocalDate deathDate, LocalDate reportedOn) {
        return !reportedOn.isAfter(dueOn(deathDate));
    }

    /** Overdue: reported late, or still unreported after the due day. */
    public static boolean overdue(LocalDate deathDate, LocalDate reportedOn, LocalDate today) {
        return reportedOn != null ? !inTime(deathDate, reportedOn) : today.isAfter(dueOn(deathDate));
    }

    /** Days left until the due day (negative when past it), for the timer shown on the card. */
    public static long daysLeft(LocalDate deathDate, LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, dueOn(deathDate));
    }
}
