package cn.fuyou.childhealth;

import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.InstitutionType;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may do what to a nursery's records (issue 15 §1: nursery children
 * lists and licence/inspection/staff writes were open to any logged-in user). The policy is this
 * table, checked before any nursery command or list runs:
 *
 * <pre>
 * relation of the caller to the nursery        | READ_CHILDREN | MANAGE (licence, staff, enrol) | INSPECT (inspect, rectified)
 * OWN: staff of the nursery itself             | yes           | yes                            | no
 * SUPERVISOR: MCH hospital/institute staff     | yes           | no                             | yes
 *   whose institution's area covers the nursery|               |                                |
 * AREA_OFFICIAL: regional official of the area | no (aggregates only, no names in bulk) | no      | no
 * OTHER: anyone else                           | no            | no                             | no
 * system admin                                 | yes           | yes                            | yes
 * </pre>
 */
@Component
public class NurseryAccess {

    public enum Action { READ_CHILDREN, MANAGE, INSPECT }

    enum Relation { OWN, SUPERVISOR, AREA_OFFICIAL, OTHER }

    static final Map<Relation, Set<Action>> TABLE = Map.of(
            Relation.OWN, EnumSet.of(Action.READ_CHILDREN, Action.MANAGE),
            Relation.SUPERVISOR, EnumSet.of(Action.READ_CHILDREN, Action.INSPECT),
            Relation.AREA_OFFICIAL, EnumSet.noneOf(Action.class),
            Relation.OTHER, EnumSet.noneOf(Action.class));

    private static final Set<InstitutionType> SUPERVISING = EnumSet.of(InstitutionType.MCH_HOSPITAL, InstitutionType.MCH_INSTITUTE);

    private final Institutions institutions;
    private final Areas areas;

    NurseryAccess(Institutions institutions, Areas areas) {
        this.institutions = institutions;
        this.areas = areas;
    }

    /** Refuses (403) unless the current caller may do {@code action} to this nursery. */
    public void require(Institution nursery, Action action) {
        Actor actor = CurrentActor.get();
        if (actor.isSystemAdmin()) return;
        if (!TABLE.get(relation(actor, nursery)).contains(action)) {
            throw ApiException.forbidden("您无权对此托育机构执行该操作 / you may not " + action.name().toLowerCase().replace('_', ' ')
                    + " at nursery " + nursery.code());
        }
    }

    Relation relation(Actor actor, Institution nursery) {
        if (nursery.id().equals(actor.institutionId())) return Relation.OWN;
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            return actor.areaCode() != null && areas.withDescendants(actor.areaCode()).contains(nursery.areaCode())
                    ? Relation.AREA_OFFICIAL : Relation.OTHER;
        }
        if (actor.institutionId() == null) return Relation.OTHER;
        Institution own = institutions.findById(actor.institutionId()).orElse(null);
        if (own != null && SUPERVISING.contains(own.type()) && own.areaCode() != null
                && areas.withDescendants(own.areaCode()).contains(nursery.areaCode())) {
            return Relation.SUPERVISOR;
        }
        return Relation.OTHER;
    }
}
