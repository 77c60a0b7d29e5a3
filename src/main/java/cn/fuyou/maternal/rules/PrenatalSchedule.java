package cn.fuyou.maternal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The national basic public health service schedule (3rd ed. 2017; clinical-rules.md §2): five
 * antenatal visits — 1st before 13+0 weeks, 2nd 16–20, 3rd 21–24, 4th 28–36, 5th 37–40. A range
 * "a–b weeks" runs from a+0 to b+6 (fuyou rule). Due inside the window, overdue after it.
 */
public final class PrenatalSchedule {

    private PrenatalSchedule() {}

    public record Window(int number, String labelZh, String labelEn, int fromDay, int toDay) {}

    public static final List<Window> NATIONAL = List.of(
            new Window(1, "第1次产前检查（孕13周前，建册）", "1st visit (before 13+0 weeks, registration)", 0, 13 * 7 - 1),
            new Window(2, "第2次产前检查（孕16–20周）", "2nd visit (16–20 weeks)", 16 * 7, 20 * 7 + 6),
            new Window(3, "第3次产前检查（孕21–24周）", "3rd visit (21–24 weeks)", 21 * 7, 24 * 7 + 6),
            new Window(4, "第4次产前检查（孕28–36周）", "4th visit (28–36 weeks)", 28 * 7, 36 * 7 + 6),
            new Window(5, "第5次产前检查（孕37–40周）", "5th visit (37–40 weeks)", 37 * 7, 40 * 7 + 6));

    public enum Status { DONE, UPCOMING, DUE, OVERDUE }

    public record Visit(Window window, LocalDate dueFrom, LocalDate dueUntil, LocalDate doneOn, Status status) {}

    /** Each visit's status on {@code today}, given the EDD and the dates of the contacts held. */
    public static List<Visit> visits(LocalDate edd, List<LocalDate> contacts, LocalDate today) {
        LocalDate day0 = edd.minusDays(PregnancyDating.TERM_DAYS);
        List<Visit> out = new ArrayList<>(NATIONAL.size());
        for (Window w : NATIONAL) {
            LocalDate from = day0.plusDays(w.fromDay());
            LocalDate until = day0.plusDays(w.toDay());
            LocalDate done = null;
            for (LocalDate c : contacts) {
                if (!c.isBefore(from) && !c.isAfter(until)) { done = c; break; }
            }
            Status s = done != null ? Status.DONE : today.isBefore(from) ? Status.UPCOMING
                    : today.isAfter(until) ? Status.OVERDUE : Status.DUE;
            out.add(new Visit(w, from, until, done, s));
        }
        return out;
    }
}
