package cn.fuyou.childhealth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The well-child schedule of clinical-rules.md §2: newborn home visit, full-month check at 28–30
 * days, then 3, 6, 8, 12, 18, 24, 30 and 36 months, haemoglobin at 6–8, 18 and 30 months. The
 * windows around each month are a fuyou rule (the sources name the ages only): from 7 days before
 * to 30 days after for the first year, 14 days before to 60 days after from 18 months. A high-risk
 * infant is seen monthly in her first year (the closer schedule of issue 4).
 */
public final class WellChildSchedule {

    private WellChildSchedule() {}

    public record Slot(String code, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil, boolean haemoglobin) {}

    private static final int[] MONTHS = {3, 6, 8, 12, 18, 24, 30, 36};

    public static List<Slot> slots(LocalDate birth, boolean highRisk) {
        List<Slot> out = new ArrayList<>();
        out.add(new Slot("NEWBORN_HOME", "新生儿家庭访视", "Newborn home visit", birth.plusDays(3), birth.plusDays(10), false));
        out.add(new Slot("MONTH_1", "满月健康检查", "Full-month check", birth.plusDays(28), birth.plusDays(30), false));
        List<Integer> months = new ArrayList<>();
        for (int m : MONTHS) months.add(m);
        if (highRisk) {
            for (int m : new int[]{2, 4, 5, 7, 9, 10, 11}) months.add(m);
            months.sort(Integer::compare);
        }
        for (int m : months) {
            LocalDate target = birth.plusMonths(m);
            boolean firstYear = m <= 12;
            boolean hb = m == 6 || m == 18 || m == 30; // 6–8 months: the 6-month visit (8 if missed), 18 and 30 months
            out.add(new Slot("MONTH_" + m, m + "月龄健康检查", m + "-month check",
                    target.minusDays(firstYear ? 7 : 14), target.plusDays(firstYear ? 30 : 60), hb));
        }
        return out;
    }

    /** DONE if a visit fell in the window; else UPCOMING, DUE (inside the window) or OVERDUE (§2). */
    public static String status(Slot s, List<LocalDate> visitDates, LocalDate today) {
        for (LocalDate d : visitDates) if (!d.isBefore(s.dueFrom()) && !d.isAfter(s.dueUntil())) return "DONE";
        if (today.isBefore(s.dueFrom())) return "UPCOMING";
        return today.isAfter(s.dueUntil()) ? "OVERDUE" : "DUE";
    }
}
