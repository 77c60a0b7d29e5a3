package cn.fuyou.mother.internal;

import cn.fuyou.maternal.AntenatalCare;
import cn.fuyou.maternal.ContactForm;
import cn.fuyou.maternal.Deliveries;
import cn.fuyou.maternal.DeliveryForm;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.registry.PersonForm;
import cn.fuyou.registry.PersonRegistration;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile (issue 12): the showcase woman 李秀英's app account, activated (sign in with her ID number
 * and the demo password); a pregnant woman 张晓燕 at CQHCWC in her 24th week with her account activated;
 * and eight women of 杨丽's community health centre delivered four days ago, so that today's postpartum and
 * newborn home visits are on the community doctor's phone. All through the same services staff use.
 */
@Component
class DemoMothers {

    private static final Logger log = LoggerFactory.getLogger(DemoMothers.class);
    static final String SHOWCASE_ID_NUMBER = "500112199203151248";
    static final String PREGNANT_ID_NUMBER = "50010319950812026X";
    static final String DEMO_PASSWORD = "Demo@2026";
    static final String COMMUNITY = "CHC-500117-1";
    static final int WOMEN = 8; // enough that the sync test and the offline browser test each find their own due visits

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder encoder;
    private final PersonRegistration people;
    private final Pregnancies pregnancies;
    private final AntenatalCare care;
    private final Deliveries deliveries;
    private final boolean enabled;

    DemoMothers(JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder encoder, PersonRegistration people, Pregnancies pregnancies,
                AntenatalCare care, Deliveries deliveries, @Value("${fuyou.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.encoder = encoder;
        this.people = people;
        this.pregnancies = pregnancies;
        this.care = care;
        this.deliveries = deliveries;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(120)
    void load() {
        if (!enabled) return;
        try {
            as("cqfy-doctor", "CQHCWC", () -> tx.executeWithoutResult(s -> pregnantWoman()));
            tx.executeWithoutResult(s -> {
                activate(SHOWCASE_ID_NUMBER);
                activate(PREGNANT_ID_NUMBER);
            });
            as("hc-doctor", COMMUNITY, () -> tx.executeWithoutResult(s -> homeVisitsDueToday()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void pregnantWoman() {
        if (jdbc.sql("select count(*) from person where id_number = ?").param(PREGNANT_ID_NUMBER).query(Long.class).single() > 0) return;
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        var woman = people.register(new PersonForm("张", "晓燕", "F", LocalDate.of(1995, 8, 12), "RESIDENT_ID", PREGNANT_ID_NUMBER, "CN",
                "13883007788", "500103", "重庆市渝中区中山三路", null, null, true, null));
        LocalDate lmp = today.minusDays(24 * 7 + 3);
        var p = pregnancies.register(new PregnancyRegistration(woman.id(), null, lmp.plusDays(60), 1, 0, lmp, null, null,
                new BigDecimal("160"), new BigDecimal("54"), 1, 0, null, null, List.of(), "无特殊既往史"));
        care.recordContact(p.id(), contact(lmp.plusDays(62), "55.0", 108, 70, "121", "NEGATIVE", "早孕建册，血常规及传染病筛查正常"));
        care.recordContact(p.id(), contact(lmp.plusDays(128), "58.5", 112, 72, "104", null, "轻度贫血：口服铁剂，多吃红肉和深绿色蔬菜"));
        log.info("Demo mothers: 张晓燕 registered in her 24th week");
    }

    private void activate(String idNumber) {
        UUID person = jdbc.sql("select id from person where id_number = ?").param(idNumber).query(UUID.class).optional().orElse(null);
        // already activated (every restart): no bcrypt hash computed for nothing on the way to the ready line
        if (person == null || jdbc.sql("select count(*) from mother_account where person_id = ?").param(person).query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into mother_account (id, person_id, activated_at, password_hash, created_by, changed_by)
                values (?, ?, now(), ?, 'demo', 'demo') on conflict (person_id) do nothing""")
                .params(UUID.randomUUID(), person, encoder.encode(DEMO_PASSWORD)).update();
    }

    /** Eight women of the community (as many as it has) delivered four days ago, discharged two days ago: today's home visits. */
    private void homeVisitsDueToday() {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        long recent = jdbc.sql("""
                select count(*) from pregnancy p join delivery d on d.pregnancy_id = p.id join institution i on i.id = p.care_institution_id
                 where i.code = ? and p.status = 'DELIVERED' and d.discharged_on >= ?""").params(COMMUNITY, today.minusDays(5))
                .query(Long.class).single();
        if (recent >= WOMEN) return;
        List<UUID> women = jdbc.sql("""
                select p.id from person p join institution i on i.id = p.registered_institution_id
                 where i.code = ? and p.sex = 'F' and p.birth_date between ? and ? and p.merged_into is null and p.voided_at is null
                   and not exists (select 1 from pregnancy g where g.woman_id = p.id)
                 order by p.id_number limit ?""")
                .params(COMMUNITY, today.minusYears(38), today.minusYears(22), WOMEN - recent).query(UUID.class).list();
        String[] names = {"乐乐", "安安", "朵朵", "果果", "豆豆", "甜甜", "悠悠", "可可"};
        int n = 0;
        for (UUID woman : women) {
            LocalDate birth = today.minusDays(4);
            LocalDate lmp = birth.minusDays(275 + n);
            var p = pregnancies.register(new PregnancyRegistration(woman, null, lmp.plusDays(70), 1, 0, lmp, null, null,
                    new BigDecimal("158"), new BigDecimal("52"), 1, 0, null, null, List.of(), null));
            care.recordContact(p.id(), contact(lmp.plusDays(72), "53.0", 110, 70, "120", "NEGATIVE", "建册"));
            care.recordContact(p.id(), contact(lmp.plusDays(260), "63.0", 116, 76, "118", null, "胎位正常，准备分娩"));
            deliveries.record(p.id(), new DeliveryForm(birth.atTime(9 + n, 15).atOffset(ZoneOffset.ofHours(8)), "VAGINAL", null, "助产士",
                    250, List.of(), "GOOD", birth.plusDays(2), null, null, null,
                    List.of(new DeliveryForm.Baby(n % 2 == 0 ? "F" : "M", 3100 + 150 * n, new BigDecimal("50"), new BigDecimal("34"), 9, 10,
                            null, true, null, false, names[n % names.length]))));
            n++;
        }
        if (n > 0) log.info("Demo mothers: {} deliveries four days ago, home visits due today at {}", n, COMMUNITY);
    }

    private void as(String username, String institutionCode, Runnable work) {
        record Inst(UUID id, String code, String areaCode) {}
        Inst inst = jdbc.sql("select id, code, area_code from institution where code = ?").param(institutionCode).query(Inst.class).optional()
                .orElse(null);
        if (inst == null) return;
        Actor actor = new Actor(username, username, StaffRole.CLINICIAN, inst.id(), inst.code(), inst.areaCode());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of(new SimpleGrantedAuthority("ROLE_CLINICIAN"))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static ContactForm contact(LocalDate on, String kg, int sys, int dia, String hb, String tests, String plan) {
        return new ContactForm(on, new BigDecimal(kg), sys, dia, null, 145, "CEPHALIC", "NONE", "NEGATIVE", new BigDecimal(hb), null, null,
                null, null, tests == null ? null : "A", tests == null ? null : "POSITIVE", tests, tests, tests, null, null, null, null, null,
                List.of(), plan, null);
    }
}
