package cn.fuyou.fhir.internal;

import cn.fuyou.childhealth.ChildHealth;
import cn.fuyou.childhealth.ChildRecord;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonAccess;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One person's record as the FHIR providers read it, through the modules' own APIs — which check
 * the caller's right to it and audit the read: the person, her pregnancies, the child record, referrals.
 */
@Component
class PersonRecords {

    private final PersonAccess persons;
    private final Pregnancies pregnancies;
    private final ChildHealth children;
    private final Referrals referrals;

    PersonRecords(PersonAccess persons, Pregnancies pregnancies, ChildHealth children, Referrals referrals) {
        this.persons = persons;
        this.pregnancies = pregnancies;
        this.children = children;
        this.referrals = referrals;
    }

    /** Opens the person's record (access checked, read audited). */
    PersonDetail open(UUID person) {
        return persons.open(person);
    }

    List<PregnancyRecord> pregnancies(UUID woman) {
        return pregnancies.openAllOf(woman);
    }

    PregnancyRecord pregnancy(UUID id) {
        return pregnancies.open(id);
    }

    /** The child record, when the person has one. */
    Optional<ChildRecord> child(UUID person) {
        // Asked first, so that no refusal marks the caller's read transaction for rollback.
        return children.hasRecord(person) ? Optional.of(children.open(person)) : Optional.empty();
    }

    List<Referrals.ReferralView> referrals(UUID person) {
        return referrals.forPerson(person);
    }

    Referrals.ReferralView referral(UUID id) {
        return referrals.get(id);
    }
}
