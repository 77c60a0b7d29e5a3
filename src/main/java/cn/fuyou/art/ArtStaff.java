package cn.fuyou.art;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may write in reproductive medicine: staff of an ART centre (cycles, opinions) or of a member
 * institution of its remote infertility workstation (couple records, consultations, referrals); and
 * always only on a record the institution is entitled to (checked on the target woman, and her partner).
 */
@Component
class ArtStaff {

    private final Institutions institutions;
    private final PersonAccess access;
    private final AuditLog audit;

    ArtStaff(Institutions institutions, PersonAccess access, AuditLog audit) {
        this.institutions = institutions;
        this.access = access;
        this.audit = audit;
    }

    Institution institutionOf(Actor actor) {
        if (actor.institutionId() == null) throw ApiException.forbidden("art.access.no-institution");
        return institutions.findById(actor.institutionId()).orElseThrow(() -> ApiException.forbidden("art.access.no-institution"));
    }

    boolean isCentre(Actor actor) {
        return actor.institutionId() != null && institutionOf(actor).designations().contains(Designation.ART_CENTRE);
    }

    boolean isMember(Actor actor) {
        return actor.institutionId() != null && institutionOf(actor).designations().contains(Designation.ART_REMOTE_WORKSTATION);
    }

    private static void clinical(Actor actor) {
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) throw ApiException.forbidden("art.access.officials-read-only");
    }

    /** The caller, who must work at an ART centre. */
    Actor centre() {
        Actor actor = CurrentActor.get();
        clinical(actor);
        if (!isCentre(actor)) throw ApiException.forbidden("art.access.centre-only");
        return actor;
    }

    /** The caller, who must work at an ART centre or a member institution of its workstation. */
    Actor centreOrMember() {
        Actor actor = CurrentActor.get();
        clinical(actor);
        if (!isCentre(actor) && !isMember(actor)) throw ApiException.forbidden("art.access.art-staff-only");
        return actor;
    }

    /** Refuses (and audits the refusal) when the caller's institution may not see the person's record. */
    void entitled(UUID personId, String entityType, Object entityId) {
        if (personId != null && !access.canAccess(personId)) {
            audit.recordIndependently(AuditRecord.read(entityType, entityId, personId, false, false, null));
            throw ApiException.forbidden("art.access.not-entitled");
        }
    }
}
