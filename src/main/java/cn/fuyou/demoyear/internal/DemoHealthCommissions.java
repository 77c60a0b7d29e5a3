package cn.fuyou.demoyear.internal;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile: the city's and every district's health commission (卫生健康委员会, an institution of
 * type HEALTH_ADMINISTRATION with its area), and the regional officials moved to the commission of
 * their area — officials belong to their commission, not to a hospital.
 */
@Component
class DemoHealthCommissions {

    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoHealthCommissions(JdbcClient jdbc, @Value("${fuyou.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(41)
    @Transactional
    void load() {
        if (!enabled || jdbc.sql("select count(*) from institution where type = 'HEALTH_ADMINISTRATION'").query(Long.class).single() > 0) return;
        var areas = jdbc.sql("""
                select code, name_zh, name_en, kind from area
                 where code = '500000' or (parent_code = '500000' and kind in ('DISTRICT', 'COUNTY'))""")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        for (String[] a : areas) {
            boolean city = a[0].equals("500000");
            jdbc.sql("""
                    insert into institution (id, code, name_zh, name_en, area_code, level, type, created_by, changed_by)
                    values (?, ?, ?, ?, ?, ?, 'HEALTH_ADMINISTRATION', 'demo', 'demo') on conflict (code) do nothing""")
                    .params(UUID.nameUUIDFromBytes(("WJW-" + a[0]).getBytes()), "WJW-" + a[0],
                            (city ? "重庆市" : a[1]) + "卫生健康委员会", (city ? "Chongqing" : a[2]) + " Health Commission", a[0], city ? 3 : 2)
                    .update();
        }
        jdbc.sql("""
                update staff_user u set institution_id = i.id, changed_at = now(), changed_by = 'demo'
                  from institution i where i.code = 'WJW-' || u.area_code and u.role = 'REGIONAL_OFFICIAL'""").update();
    }
}
