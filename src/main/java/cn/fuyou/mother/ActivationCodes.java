package cn.fuyou.mother;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff print a woman's activation code at registration (issue 12 §1): eight characters from an
 * alphabet without look-alikes, valid for 30 days, stored only as a hash (shown once; printing again
 * issues a new code and the old one stops working).
 */
@Service
public class ActivationCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    static final Duration VALIDITY = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Reminders reminders;
    private final SecureRandom random = new SecureRandom();

    ActivationCodes(JdbcClient jdbc, Persons persons, PersonAccess access, PasswordEncoder encoder, AuditLog audit,
                    Reminders reminders) {
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** The code to print: {@code code} appears only in this answer. */
    public record Issued(UUID personId, String code, OffsetDateTime expiresAt, boolean alreadyActivated) {}

    public record Status(UUID personId, boolean activated, OffsetDateTime activatedAt, OffsetDateTime codeIssuedAt,
                         OffsetDateTime codeExpiresAt, boolean enabled) {}

    @Transactional
    public Issued issue(UUID personId) {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) throw ApiException.forbidden("mother.officials-no-codes");
        PersonDetail woman = checked(personId);
        if (!"F".equals(woman.sex()) || woman.idNumber() == null || woman.idNumber().isBlank()) {
            throw ApiException.badField("personId", "mother.needs-woman-with-id");
        }
        String code = newCode();
        OffsetDateTime expires = OffsetDateTime.now().plus(VALIDITY);
        jdbc.sql("""
                insert into mother_account (id, person_id, activation_hash, activation_expires, activation_issued_at, activation_issued_by,
                                            created_by, changed_by)
                values (?, ?, ?, ?, now(), ?, ?, ?)
                on conflict (person_id) do update set activation_hash = excluded.activation_hash,
                       activation_expires = excluded.activation_expires, activation_issued_at = now(),
                       activation_issued_by = excluded.activation_issued_by, version = mother_account.version + 1,
                       changed_at = now(), changed_by = excluded.changed_by""")
                .params(UUID.randomUUID(), personId, encoder.encode(code), expires, actor.username(), actor.username(), actor.username())
                .update();
        boolean activated = jdbc.sql("select activated_at is not null from mother_account where person_id = ?").param(personId)
                .query(Boolean.class).single();
        audit.record(AuditRecord.write("ISSUE_ACTIVATION_CODE", "MotherAccount", personId, personId, Map.of()));
        return new Issued(personId, code, expires, activated);
    }

    @Transactional
    public Status status(UUID personId) {
        checked(personId);
        audit.recordRead(AuditRecord.read("MotherAccount", personId, personId, true, false, null));
        return jdbc.sql("""
                select person_id, activated_at is not null as activated, activated_at, activation_issued_at as code_issued_at,
                       case when activation_hash is not null then activation_expires end as code_expires_at, enabled
                  from mother_account where person_id = ?""")
                .param(personId).query(Status.class).optional()
                .orElse(new Status(personId, false, null, null, null, true));
    }

    /** What was texted to her (her record: entitlement checked, read audited). */
    @Transactional
    public java.util.List<Reminders.Outbox> smsOutbox(UUID personId) {
        checked(personId);
        audit.recordRead(AuditRecord.read("SmsOutbox", personId, personId, true, false, null));
        return reminders.outbox(personId);
    }

    private PersonDetail checked(UUID personId) {
        PersonDetail woman = persons.load(personId).orElseThrow(() -> ApiException.notFound("person", personId));
        if (!access.canAccess(personId)) {
            audit.recordIndependently(AuditRecord.read("MotherAccount", personId, personId, false, false, null));
            throw ApiException.forbidden("mother.not-entitled");
        }
        return woman;
    }

    String newCode() {
        var sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** Typed codes are compared without spaces, dashes or case. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
