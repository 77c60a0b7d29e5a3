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

/** A live-born baby becomes a person at delivery, linked to her mother. */
@Service
public class NewbornRegistration {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Entitlements entitlements;
    private final PersonLinks links;
    private final AuditLog audit;

    NewbornRegistration(JdbcClient jdbc, Persons persons, Entitlements entitlements, PersonLinks links, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.entitlements = entitlements;
        this.links = links;
        this.audit = audit;
    }

    /**
     * A live-born baby becomes a person at delivery, identified by her birth record until she has a
     * resident ID number; she is registered at the delivering institution and linked to her mother.
     */
    @Transactional
    public UUID registerNewborn(UUID motherId, String givenName, String sex, LocalDate birthDate, String birthRecordNumber,
                                UUID institutionId) {
        PersonDetail mother = persons.load(motherId).orElseThrow(() -> ApiException.notFound("person", motherId));
        Actor actor = CurrentActor.get();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, phone,
                                    address_area_code, address_text, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, 'BIRTH_RECORD', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, mother.familyName(), givenName, mother.familyName() + givenName, sex, birthDate, birthRecordNumber,
                        mother.phone(), mother.addressAreaCode(), mother.addressText(), institutionId, actor.username(),
                        actor.username())
                .update();
        entitlements.entitle(id, institutionId, "REGISTERED");
        links.link(motherId, id, "MOTHER_OF", "motherId");
        audit.record(AuditRecord.write("CREATE", "Person", id, id, Map.of("newbornOf", motherId.toString())));
        return id;
    }

    /** Links a mother and a child (delivery records use this). */
    @Transactional
    public void linkMother(UUID motherId, UUID childId) {
        links.link(motherId, childId, "MOTHER_OF", "motherId");
    }
}
