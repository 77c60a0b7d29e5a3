package cn.fuyou.registry;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.util.Set;
import java.util.UUID;

/**
 * Who may open a person's record. Clinical staff see persons registered at, cared for at or
 * referred to their institution; a regional official sees persons living in their area; a system
 * admin sees everyone; anyone else needs break-the-glass (a reason, flagged in the audit).
 */
public final class PersonAccessPolicy {

    private PersonAccessPolicy() {}

    /** What the policy needs to know about the record and the actor's situation. */
    public record Facts(Set<UUID> entitledInstitutions, String addressAreaCode, Set<String> actorAreaCodes,
                        boolean breakGlassGranted) {}

    public enum Basis { SYSTEM_ADMIN, INSTITUTION, AREA, BREAK_GLASS, NONE }

    public record Decision(boolean allowed, Basis basis) {
        public boolean breakGlass() { return basis == Basis.BREAK_GLASS; }
    }

    public static Decision decide(Actor actor, Facts facts) {
        if (actor.role() == StaffRole.SYSTEM_ADMIN) return new Decision(true, Basis.SYSTEM_ADMIN);
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            if (facts.addressAreaCode() != null && facts.actorAreaCodes().contains(facts.addressAreaCode())) {
                return new Decision(true, Basis.AREA);
            }
        } else if (actor.institutionId() != null && facts.entitledInstitutions().contains(actor.institutionId())) {
            return new Decision(true, Basis.INSTITUTION);
        }
        if (facts.breakGlassGranted()) return new Decision(true, Basis.BREAK_GLASS);
        return new Decision(false, Basis.NONE);
    }
}
