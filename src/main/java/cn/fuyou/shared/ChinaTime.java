package cn.fuyou.shared;

import java.time.ZoneId;

/** Clinical dates in fuyou are China's calendar days (the network works in one time zone, UTC+8). */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}
}
