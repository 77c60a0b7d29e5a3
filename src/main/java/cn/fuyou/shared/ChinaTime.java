package cn.fuyou.shared;

import java.time.ZoneId;

/** Clinical dates in fuyou are China's calendar days (the network works in one time zone, UTC+8). */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The China calendar day of a {@code timestamptz} SQL expression, e.g. {@code sqlDay("c.created_at")} →
     * {@code (c.created_at at time zone 'Asia/Shanghai')::date}: SQL names the zone through this one constant too.
     */
    public static String sqlDay(String timestamptz) {
        return "(" + timestamptz + " at time zone '" + ZONE.getId() + "')::date";
    }

    private ChinaTime() {}
}
