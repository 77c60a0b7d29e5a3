package cn.fuyou.childhealth.internal;

import cn.fuyou.childhealth.ChildHealth;
import cn.fuyou.childhealth.VisitForm;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The showcase woman's daughter (demo profile, issue 16 item 11): her full-month, 3-month and
 * 6-month checks, near the WHO girls' medians, recorded through the child-health service after
 * maternal's showcase story has delivered her.
 */
@Component
class DemoShowcaseGrowth {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ChildHealth children;
    private final boolean enabled;

    private final java.time.Clock clock;

    DemoShowcaseGrowth(JdbcClient jdbc, TransactionTemplate tx, ChildHealth children, @Value("${fuyou.demo.enabled:false}") boolean enabled, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
        this.children = children;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(26)
    void load() {
        if (!enabled) return;
        record Child(UUID id, LocalDate birthDate) {}
        Child child = jdbc.sql("""
                select c.child_id as id, c.birth_date from child_record c join person m on m.id = c.mother_id
                 where m.id_number = '500112199203151248' order by c.birth_date desc limit 1""")
                .query(Child.class).optional().orElse(null);
        if (child == null || jdbc.sql("select count(*) from well_child_visit where child_id = ?").param(child.id()).query(Long.class).single() > 0) return;
        record Inst(UUID id, String code, String areaCode) {}
        Inst centre = jdbc.sql("select id, code, area_code from institution where code = 'CQHCWC'").query(Inst.class).single();
        Actor doctor = new Actor("cqfy-doctor", "产科 陈静医生", StaffRole.CLINICIAN, centre.id(), centre.code(), centre.areaCode());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(doctor, null, List.of(new SimpleGrantedAuthority("ROLE_CLINICIAN"))));
        SecurityContextHolder.setContext(context);
        try {
            tx.executeWithoutResult(s -> {
                visit(child.id(), child.birthDate().plusDays(29), "4.2", "53.7", "36.5", "EXCLUSIVE_BREASTFEEDING", "满月体检，纯母乳喂养");
                visit(child.id(), child.birthDate().plusDays(91), "5.8", "59.8", "39.5", "EXCLUSIVE_BREASTFEEDING", "生长发育良好");
                visit(child.id(), child.birthDate().plusDays(183), "7.3", "65.7", "42.2", "COMPLEMENTARY", "添加辅食，补充维生素D");
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void visit(UUID child, LocalDate on, String kg, String cm, String head, String feeding, String advice) {
        if (on.isAfter(cn.fuyou.shared.ChinaTime.today(clock))) return;
        children.recordVisit(child, new VisitForm(on, new BigDecimal(kg), new BigDecimal(cm), "RECUMBENT", new BigDecimal(head), false,
                null, List.of(), feeding, null, advice));
    }
}
