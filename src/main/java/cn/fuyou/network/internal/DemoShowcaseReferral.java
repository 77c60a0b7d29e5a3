package cn.fuyou.network.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The showcase woman's referral (demo profile, issue 16 item 11): her community health centre in
 * Yubei saw her first and referred her to CQHCWC, which accepted her and completed the referral.
 * Demo loading writes the rows directly, as {@link DemoReferrals} does.
 */
@Component
class DemoShowcaseReferral {

    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoShowcaseReferral(JdbcClient jdbc, @Value("${fuyou.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(31)
    void load() {
        if (!enabled) return;
        record P(UUID womanId, UUID pregnancyId, LocalDate lmp, String colour) {}
        P p = jdbc.sql("""
                select m.id as woman_id, g.id as pregnancy_id, g.lmp, 'YELLOW' as colour from person m join pregnancy g on g.woman_id = m.id
                 where m.id_number = '500112199203151248' order by g.registered_on desc limit 1""")
                .query(P.class).optional().orElse(null);
        if (p == null || jdbc.sql("select count(*) from referral where pregnancy_id = ?").param(p.pregnancyId()).query(Long.class).single() > 0) return;
        UUID from = jdbc.sql("""
                select id from institution where area_code = '500112' and type = 'COMMUNITY_HEALTH_CENTRE' order by code limit 1""")
                .query(UUID.class).optional().orElse(null);
        UUID to = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        if (from == null) return;
        OffsetDateTime created = p.lmp().plusDays(52).atTime(9, 20).atOffset(ZoneOffset.ofHours(8));
        jdbc.sql("""
                insert into referral (id, person_id, pregnancy_id, kind, from_institution_id, to_institution_id, urgency, reason, summary,
                                      risk_colour, state, decided_at, arrived_at, completed_at, outcome, created_at, changed_at,
                                      created_by, changed_by)
                values (?, ?, ?, 'MATERNAL', ?, ?, 'ROUTINE', ?, ?, 'GREEN', 'CLOSED', ?, ?, ?, ?, ?, ?, 'demo', 'demo')""")
                .params(UUID.randomUUID(), p.womanId(), p.pregnancyId(), from, to, "早孕，要求到市妇幼保健院建册产检",
                        "孕7周，血压 110/70 mmHg，无不适", created.plusMinutes(40), created.plusDays(6), created.plusDays(6),
                        "已在重庆市妇幼保健院建册 / registered at CQHCWC", created, created.plusDays(6))
                .update();
    }
}
