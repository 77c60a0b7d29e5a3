package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering a person with duplicate detection, correcting her record under optimistic locking, voiding it. */
@Service
public class PersonRegistration {

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final PersonLinks links;
    private final Areas areas;
    private final AuditLog audit;

    PersonRegistration(JdbcClient jdbc, Persons persons, PersonAccess access, Entitlements entitlements, PersonLinks links, Areas areas, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.links = links;
        this.areas = areas;
        this.audit = audit;
    }

    @Transactional
    public PersonDetail register(PersonForm f) {
        Actor actor = CurrentActor.get();
        String idNumber = validate(f);
        // Issue 15: a link names a person the caller may already see; else it would link (and unmask) anyone.
        // Out of scope reads as "not found", so the answer tells nothing about records outside it.
        requireInScope(f.motherId(), "motherId");
        requireInScope(f.partnerId(), "partnerId");
        jdbc.sql("select p.id from person p where p.id_type = ? and p.id_number = ? and" + Persons.LIVE)
                .params(f.idType(), idNumber).query(UUID.class).optional().ifPresent(existing -> {
                    throw Persons.sameIdNumber(existing);
                });
        if (!Boolean.TRUE.equals(f.confirmNotDuplicate()) && f.phone() != null) {
            List<PersonSummary> candidates = jdbc.sql("""
                    select p.*, i.code as institution_code from person p join institution i on i.id = p.registered_institution_id
                     where p.full_name = ? and p.birth_date = ? and p.phone = ? and""" + Persons.LIVE + " limit 10")
                    .params(f.fullName(), f.birthDate(), f.phone()).query((rs, n) -> Persons.summary(rs, false)).list();
            if (!candidates.isEmpty()) {
                throw ApiException.conflict("possible-duplicate",
                        "已有同名、同出生日期、同电话的人员，可能是同一人 / a person with the same name, birth date and phone exists",
                        Map.of("candidates", candidates));
            }
        }
        UUID id = UUID.randomUUID();
        // A concurrent registration of the same document loses here without aborting the transaction.
        int inserted = jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, nationality,
                                    phone, address_area_code, address_text, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id_type, id_number) where merged_into is null and voided_at is null do nothing""")
                .params(id, f.familyName().trim(), f.givenName().trim(), f.fullName(), f.sex(), f.birthDate(), f.idType(),
                        idNumber, f.nationality(), f.phone(), f.addressAreaCode(), f.addressText(), actor.institutionId(),
                        actor.username(), actor.username())
                .update();
        if (inserted == 0) {
            throw Persons.sameIdNumber(jdbc.sql("select p.id from person p where p.id_type = ? and p.id_number = ? and" + Persons.LIVE)
                    .params(f.idType(), idNumber).query(UUID.class).single());
        }
        entitlements.entitle(id, actor.institutionId(), "REGISTERED");
        links.link(f.motherId(), id, "MOTHER_OF", "motherId");
        links.link(f.partnerId(), id, "PARTNER_OF", "partnerId");
        audit.record(AuditRecord.write("CREATE", "Person", id, id, Map.of()));
        return persons.load(id).orElseThrow();
    }

    private void requireInScope(UUID linked, String field) {
        if (linked != null && (persons.load(linked).isEmpty() || !access.canAccess(linked))) {
            throw ApiException.badField(field, "关联人员不存在 / linked person not found");
        }
    }

    @Transactional
    public PersonDetail correct(UUID id, PersonForm f) {
        PersonDetail current = access.openForUpdate(id);
        if (f.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
        String idNumber = validate(f);
        Actor actor = CurrentActor.get();
        jdbc.sql("select p.id from person p where p.id_type = ? and p.id_number = ? and p.id <> ? and" + Persons.LIVE)
                .params(f.idType(), idNumber, id).query(UUID.class).optional().ifPresent(other -> {
                    throw Persons.sameIdNumber(other);
                });
        int n = jdbc.sql("""
                update person set family_name = ?, given_name = ?, full_name = ?, sex = ?, birth_date = ?, id_type = ?,
                       id_number = ?, nationality = ?, phone = ?, address_area_code = ?, address_text = ?,
                       version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and version = ? and voided_at is null and merged_into is null""")
                .params(f.familyName().trim(), f.givenName().trim(), f.fullName(), f.sex(), f.birthDate(), f.idType(),
                        idNumber, f.nationality(), f.phone(), f.addressAreaCode(), f.addressText(), actor.username(),
                        id, f.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("person", id, f.version(), current.version());
        audit.record(AuditRecord.write("UPDATE", "Person", id, id, Map.of("version", f.version() + 1)));
        return persons.load(id).orElseThrow();
    }

    @Transactional
    public void voidRecord(UUID id, String reason, Long version) {
        PersonDetail current = access.openForUpdate(id);
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "作废需填写理由 / a reason is required");
        if (version == null) throw ApiException.badField("version", "版本号必填 / version is required");
        int n = jdbc.sql("""
                update person set voided_at = now(), void_reason = ?, version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and version = ? and voided_at is null""")
                .params(reason.strip(), CurrentActor.get().username(), id, version).update();
        if (n == 0) throw ApiException.staleVersion("person", id, version, current.version());
        audit.record(AuditRecord.write("VOID", "Person", id, id, Map.of("reason", reason.strip())));
    }

    /** Checks the document and returns its normal form; the birth date and sex must agree with a resident ID. */
    private String validate(PersonForm f) {
        if (f.addressAreaCode() != null && areas.find(f.addressAreaCode()).isEmpty()) {
            throw ApiException.badField("addressAreaCode", "未知地区 / unknown area " + f.addressAreaCode());
        }
        if ("PASSPORT".equals(f.idType())) {
            String passport = f.idNumber().trim().toUpperCase();
            if (!PASSPORT.matcher(passport).matches()) {
                throw ApiException.badField("idNumber", "护照号为5–20位字母或数字 / a passport number has 5–20 letters or digits");
            }
            if (f.nationality() == null || f.nationality().isBlank()) {
                throw ApiException.badField("nationality", "外籍人员须填写国籍 / nationality is required with a passport");
            }
            return passport;
        }
        ResidentIdNumber.Result parsed = ResidentIdNumber.parse(f.idNumber());
        if (parsed instanceof ResidentIdNumber.Invalid bad) throw ApiException.badField("idNumber", bad.message());
        ResidentIdNumber id = ((ResidentIdNumber.Valid) parsed).id();
        if (!id.birthDate().equals(f.birthDate())) {
            throw ApiException.badField("birthDate", "出生日期与身份证号不一致 / birth date differs from the ID number (" + id.birthDate() + ")");
        }
        if (id.sex() != f.sex().charAt(0)) {
            throw ApiException.badField("sex", "性别与身份证号不一致 / sex differs from the ID number");
        }
        return id.value();
    }
}
