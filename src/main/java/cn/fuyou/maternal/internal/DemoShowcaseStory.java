package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.AntenatalCare;
import cn.fuyou.maternal.ContactForm;
import cn.fuyou.maternal.Deliveries;
import cn.fuyou.maternal.DeliveryForm;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The showcase woman's story (demo profile, issue 16 item 11): 李秀英 is registered at CQHCWC,
 * graded at her contacts (yellow: anaemia, then gestational hypertension), delivers her daughter
 * 王小雨 seven months ago and has her postpartum visits — all through the same services a
 * clinician uses, so every link on her pages leads to a real record. Her daughter's growth visits
 * come from childhealth's demo loader and her referral from network's (they run after this one).
 */
@Component
class DemoShowcaseStory {

    private static final Logger log = LoggerFactory.getLogger(DemoShowcaseStory.class);
    static final String SHOWCASE_ID_NUMBER = "500112199203151248";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Pregnancies pregnancies;
    private final AntenatalCare care;
    private final Deliveries deliveries;
    private final boolean enabled;

    private final java.time.Clock clock;

    DemoShowcaseStory(JdbcClient jdbc, TransactionTemplate tx, Pregnancies pregnancies, AntenatalCare care, Deliveries deliveries,
                      @Value("${fuyou.demo.enabled:false}") boolean enabled, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
        this.pregnancies = pregnancies;
        this.care = care;
        this.deliveries = deliveries;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(25)
    void load() {
        if (!enabled) return;
        UUID woman = jdbc.sql("select id from person where id_number = ?").param(SHOWCASE_ID_NUMBER).query(UUID.class).optional().orElse(null);
        if (woman == null || jdbc.sql("select count(*) from pregnancy where woman_id = ?").param(woman).query(Long.class).single() > 0) return;
        record Inst(UUID id, String code, String areaCode) {}
        Inst centre = jdbc.sql("select id, code, area_code from institution where code = 'CQHCWC'").query(Inst.class).single();
        Actor doctor = new Actor("cqfy-doctor", "产科 陈静医生", StaffRole.CLINICIAN, centre.id(), centre.code(), centre.areaCode());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(doctor, null, List.of(new SimpleGrantedAuthority("ROLE_CLINICIAN"))));
        SecurityContextHolder.setContext(context);
        try {
            tx.executeWithoutResult(s -> story(woman));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void story(UUID woman) {
        // The registry's demo family has a daughter without a birth: she is born here, from the delivery.
        List<UUID> unborn = jdbc.sql("""
                select l.related_person_id from person_link l join person c on c.id = l.related_person_id
                 where l.person_id = ? and l.kind = 'MOTHER_OF' and c.id_type = 'RESIDENT_ID' and c.created_by = 'demo'""")
                .param(woman).query(UUID.class).list();
        for (UUID c : unborn) {
            jdbc.sql("delete from person_link where related_person_id = ? or person_id = ?").params(c, c).update();
            jdbc.sql("delete from person_institution where person_id = ?").param(c).update();
            jdbc.sql("delete from person where id = ?").param(c).update();
        }
        LocalDate birth = cn.fuyou.shared.ChinaTime.today(clock).minusMonths(7);
        LocalDate lmp = birth.minusDays(276);
        LocalDate registered = lmp.plusDays(58);
        var p = pregnancies.register(new PregnancyRegistration(woman, null, registered, 1, 0, lmp, null, null,
                new BigDecimal("158"), new BigDecimal("52"), 1, 0, null, null, List.of(), "无特殊既往史"));
        UUID id = p.id();
        var first = care.recordContact(id, contact(lmp.plusDays(86), "53.0", 112, 72, "118", "NEGATIVE", List.of(), "早孕建册，血常规及传染病筛查正常"));
        // Early scan: CRL 62 mm = 88 days, 2 days from the LMP's 86 — within ACOG's 7 days, the LMP dating stands.
        pregnancies.laterUltrasound(id, new Pregnancies.LaterUltrasound(lmp.plusDays(86), new BigDecimal("62"), null, first.version()));
        care.recordContact(id, contact(lmp.plusDays(140), "56.5", 114, 74, "104", null, List.of(), "轻度贫血，口服铁剂"));
        care.recordContact(id, contact(lmp.plusDays(196), "60.0", 126, 80, "108", null, List.of(), "复查血红蛋白"));
        care.recordContact(id, contact(lmp.plusDays(231), "62.5", 146, 95, "112", null, List.of("HYPERTENSIVE_DISORDER"),
                "妊娠期高血压，每周产检，监测血压与尿蛋白"));
        care.recordContact(id, contact(lmp.plusDays(259), "63.5", 138, 88, "115", null, List.of("HYPERTENSIVE_DISORDER"), "血压控制可"));
        OffsetDateTime at = birth.atTime(10, 30).atOffset(ZoneOffset.ofHours(8));
        deliveries.record(id, new DeliveryForm(at, "VAGINAL", null, "助产士 刘芳", 320, List.of(), "GOOD", birth.plusDays(3),
                null, null, null, List.of(new DeliveryForm.Baby("F", 3250, new BigDecimal("50"), new BigDecimal("34"), 9, 10, null,
                        true, null, false, "小雨"))));
        deliveries.recordPostpartum(id, new Deliveries.PostpartumForm("HOME_VISIT", birth.plusDays(6), "子宫复旧好，母乳喂养", 128, 82, List.of()));
        deliveries.recordPostpartum(id, new Deliveries.PostpartumForm("DAY_42", birth.plusDays(42), "血压恢复正常，母婴健康", 118, 76, List.of()));
        log.info("Demo showcase: 李秀英's pregnancy, delivery and postpartum visits recorded");
    }

    private static ContactForm contact(LocalDate on, String kg, int sys, int dia, String hb, String tests, List<String> factors, String plan) {
        return new ContactForm(on, new BigDecimal(kg), sys, dia, null, 145, "CEPHALIC", "NONE", "NEGATIVE", new BigDecimal(hb), null, null,
                null, null, tests == null ? null : "A", tests == null ? null : "POSITIVE", tests, tests, tests, null, null, null, null, null,
                factors, plan, null);
    }
}
