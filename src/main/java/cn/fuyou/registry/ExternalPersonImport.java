package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Persons received from another system (FHIR import) without a Chinese document. */
@Service
public class ExternalPersonImport {

    private final JdbcClient jdbc;
    private final Entitlements entitlements;
    private final Areas areas;
    private final AuditLog audit;

    private final java.time.Clock clock;

    ExternalPersonImport(JdbcClient jdbc, Entitlements entitlements, Areas areas, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.entitlements = entitlements;
        this.areas = areas;
        this.audit = audit;
    }

    /**
     * Imports a person from an outside record, idempotently: the same identifier is the same person
     * (a re-import creates nothing). Returns her id.
     */
    @Transactional
    public UUID importExternal(ExternalPerson p) {
        Actor actor = CurrentActor.get();
        if (p.identifier() == null || p.identifier().isBlank()) throw ApiException.badField("identifier", "identifier is required");
        if (p.birthDate() == null || p.birthDate().isAfter(cn.fuyou.shared.ChinaTime.today(clock))) throw ApiException.badField("birthDate", "birth date is required and not in the future");
        if (!"F".equals(p.sex()) && !"M".equals(p.sex())) throw ApiException.badField("gender", "gender must be female or male");
        if (p.addressAreaCode() != null && areas.find(p.addressAreaCode()).isEmpty()) {
            throw ApiException.badField("address", "unknown area " + p.addressAreaCode());
        }
        UUID id = UUID.randomUUID();
        String family = p.familyName() == null || p.familyName().isBlank() ? "?" : p.familyName().trim();
        String given = p.givenName() == null ? "" : p.givenName().trim();
        boolean latin = (family + given).chars().allMatch(c -> c < 0x2E80);
        int n = jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, phone,
                                    address_area_code, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, 'EXTERNAL', ?, ?, ?, ?, ?, ?)
                on conflict (id_type, id_number) where merged_into is null and voided_at is null do nothing""")
                .params(id, family, given, latin ? (family + " " + given).trim() : family + given, p.sex(), p.birthDate(),
                        p.identifier(), p.phone(), p.addressAreaCode(), actor.institutionId(), actor.username(), actor.username())
                .update();
        if (n == 0) {
            UUID existing = jdbc.sql("select id from person p where id_type = 'EXTERNAL' and id_number = ? and" + Persons.LIVE)
                    .param(p.identifier()).query(UUID.class).single();
            // Issue 15: knowing someone's external identifier grants nothing — the record stays with whoever holds it;
            // callers check PersonAccess before writing to it (FHIR transaction) and refuse otherwise.
            return existing;
        }
        entitlements.entitle(id, actor.institutionId(), "REGISTERED");
        audit.record(AuditRecord.write("IMPORT", "Person", id, id, Map.of("identifier", p.identifier())));
        return id;
    }
}
