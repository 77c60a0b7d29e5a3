package cn.fuyou.maternal.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Postpartum care (clinical-rules.md §2): a home visit within 1 week of discharge (mother and
 * newborn together) and the 42-day check. The 42-day window (day 42 to day 56 after delivery) is
 * a fuyou rule: the source names the day only.
 */
public final class PostpartumSchedule {

    private PostpartumSchedule() {}

    public record Item(String code, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil) {}

    public static List<Item> items(LocalDate deliveryDate, LocalDate dischargeDate) {
        LocalDate discharge = dischargeDate != null ? dischargeDate : deliveryDate;
        return List.of(
                new Item("HOME_VISIT", "产后家庭访视（出院后1周内）", "Home visit (within 1 week of discharge)", discharge, discharge.plusDays(7)),
                new Item("DAY_42", "产后42天健康检查", "42-day postpartum check", deliveryDate.plusDays(42), deliveryDate.plusDays(56)));
    }
}
