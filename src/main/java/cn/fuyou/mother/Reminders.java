package cn.fuyou.mother;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Her reminders (issue 12 §1): a due or overdue visit in her record becomes one inbox message (kept by
 * a key, so it is never repeated) and, when she has a phone number, one text through the
 * {@link SmsGateway} (the outbox keeps what was handed over). The SMS text is zh-CN from the bundle.
 */
@Service
public class Reminders {

    private final JdbcClient jdbc;
    private final SmsGateway gateway;
    private final MessageSource messages;

    private final java.time.Clock clock;

    Reminders(JdbcClient jdbc, SmsGateway gateway, MessageSource messages, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forPregnancy(UUID personId, String phone, MyRecord.Pregnancy p) {
        if (p.nextVisit() != null && "DUE".equals(p.nextVisit().status())) {
            remind(personId, phone, "ANTENATAL_DUE", p.id(), p.nextVisit());
        }
        for (MyRecord.Visit v : p.overdue()) remind(personId, phone, "ANTENATAL_OVERDUE", p.id(), v);
        for (MyRecord.Visit v : p.postpartum()) {
            if ("DUE".equals(v.status()) || "OVERDUE".equals(v.status())) remind(personId, phone, "POSTPARTUM_DUE", p.id(), v);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forChild(UUID personId, String phone, UUID childId, String childName, List<MyRecord.Visit> schedule) {
        for (MyRecord.Visit v : schedule) {
            if ("DUE".equals(v.status())) remind(personId, phone, "CHILD_VISIT_DUE", childId, v);
            else if ("OVERDUE".equals(v.status()) && v.dueUntil().isAfter(cn.fuyou.shared.ChinaTime.today(clock).minusMonths(6))) {
                remind(personId, phone, "CHILD_VISIT_OVERDUE", childId, v);
            }
        }
    }

    private void remind(UUID personId, String phone, String kind, UUID subject, MyRecord.Visit v) {
        String key = kind + ":" + subject + ":" + v.code() + ":" + v.dueFrom();
        int added = jdbc.sql("""
                insert into mother_message (id, person_id, dedupe_key, kind, subject_id, label_zh, label_en, due_from, due_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (person_id, dedupe_key) do nothing""")
                .params(UUID.randomUUID(), personId, key, kind, subject, v.labelZh(), v.labelEn(), v.dueFrom(), v.dueUntil()).update();
        if (added == 1 && phone != null && !phone.isBlank()) {
            String text = messages.getMessage("mother.sms." + kind, new Object[]{v.labelZh(), v.dueUntil()}, Locale.SIMPLIFIED_CHINESE);
            send(personId, phone, text);
        }
    }

    /** Hands a text to the gateway and keeps it in the outbox. */
    public void send(UUID personId, String phone, String text) {
        SmsGateway.Outcome outcome;
        try {
            outcome = gateway.send(phone, text);
        } catch (RuntimeException e) {
            outcome = new SmsGateway.Outcome("FAILED", e.getClass().getSimpleName());
        }
        jdbc.sql("insert into sms_outbox (id, person_id, phone, text, gateway, status, detail) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), personId, phone, text.length() > 500 ? text.substring(0, 500) : text, gateway.name(),
                        outcome.status(), outcome.detail())
                .update();
    }

    public long unread(UUID personId) {
        return jdbc.sql("select count(*) from mother_message where person_id = ? and read_at is null").param(personId).query(Long.class).single();
    }

    public List<MyRecord.Message> inbox(UUID personId) {
        return jdbc.sql("""
                select id, kind, subject_id, label_zh, label_en, due_from, due_until, created_at, read_at from mother_message
                 where person_id = ? order by created_at desc, due_from desc limit 100""")
                .param(personId).query(MyRecord.Message.class).list();
    }

    @Transactional
    public void markRead(UUID personId, UUID messageId) {
        jdbc.sql("update mother_message set read_at = now() where id = ? and person_id = ? and read_at is null").params(messageId, personId).update();
    }

    public record Outbox(UUID id, String phone, String text, String gateway, String status, java.time.OffsetDateTime createdAt) {}

    /** What was handed to the gateway for her (staff: her record's SMS outbox). */
    public List<Outbox> outbox(UUID personId) {
        return jdbc.sql("select id, phone, text, gateway, status, created_at from sms_outbox where person_id = ? order by created_at desc limit 100")
                .param(personId).query(Outbox.class).list();
    }
}
