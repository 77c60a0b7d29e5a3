package cn.fuyou.network.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: a year of closed referrals and consultations between alliance members and
 * the centres, so that the alliance charts have something to show. Reads the registry's tables
 * directly: demo loading, not a module API path.
 */
@Component
class DemoReferrals {

    private static final String[] REASONS = {"妊娠期高血压疾病，需上级评估", "中重度贫血", "瘢痕子宫合并前置胎盘", "双胎妊娠", "胎儿生长受限", "早产临产"};

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final long seed;

    DemoReferrals(JdbcClient jdbc, TransactionTemplate tx, @Value("${fuyou.demo.enabled:false}") boolean enabled,
                  @Value("${fuyou.demo.seed:1}") long seed) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.enabled = enabled;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void load() {
        if (!enabled || jdbc.sql("select count(*) from referral").query(Long.class).single() > 0) return;
        List<UUID> members = jdbc.sql("select id from institution where alliance_status = 'ACTIVE' and code <> 'CQHCWC' order by code")
                .query(UUID.class).list();
        List<UUID> centres = jdbc.sql("""
                select i.id from institution i join institution_designation d on d.institution_id = i.id
                 where d.designation = 'CRITICAL_MATERNAL_CARE_CENTRE' order by i.code""").query(UUID.class).list();
        List<UUID> women = jdbc.sql("select id from person where sex = 'F' and birth_date < current_date - interval '20 years' order by id limit 400")
                .query(UUID.class).list();
        if (members.isEmpty() || centres.isEmpty() || women.isEmpty()) return;
        Random rnd = new Random(seed);
        OffsetDateTime now = OffsetDateTime.now();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 360; i++) {
                UUID from = members.get(rnd.nextInt(members.size()));
                UUID to = centres.get(rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(centres.size()));
                OffsetDateTime created = now.minusDays(1 + rnd.nextInt(360)).minusMinutes(rnd.nextInt(1440));
                OffsetDateTime decided = created.plusMinutes(5 + rnd.nextInt(rnd.nextInt(4) == 0 ? 1440 : 180));
                String state = rnd.nextInt(3) == 0 ? "BACK_REFERRED" : "CLOSED";
                String urgency = new String[]{"ROUTINE", "URGENT", "URGENT", "EMERGENCY"}[rnd.nextInt(4)];
                jdbc.sql("""
                        insert into referral (id, person_id, kind, from_institution_id, to_institution_id, urgency, reason, state,
                                              decided_at, arrived_at, completed_at, outcome, created_at, changed_at, created_by, changed_by)
                        values (?, ?, 'MATERNAL', ?, ?, ?, ?, ?, ?, ?, ?, '诊疗完成 / care completed', ?, ?, 'demo', 'demo')""")
                        .params(UUID.randomUUID(), women.get(rnd.nextInt(women.size())), from, to, urgency, REASONS[rnd.nextInt(REASONS.length)],
                                state, decided, decided.plusHours(3), decided.plusDays(2), created, decided.plusDays(3))
                        .update();
                if (i % 4 == 0) {
                    jdbc.sql("""
                            insert into consultation (id, type, from_institution_id, to_institution_id, summary, question, status, opinion,
                                                      answered_at, answered_by, created_at, created_by)
                            values (?, ?, ?, ?, '演示病例摘要', '演示问题', 'ANSWERED', '演示会诊意见', ?, 'demo', ?, 'demo')""")
                            .params(UUID.randomUUID(), i % 8 == 0 ? "INFERTILITY_REMOTE_WORKSTATION" : "GENERAL_MCH", from, centres.get(0),
                                    decided, created)
                            .update();
                }
            }
        });
    }
}
