package cn.fuyou.defects.internal;

import cn.fuyou.registry.Areas;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the module's lists show the caller: institution staff the records of their institution (and, for
 * a laboratory, the results it reported); a regional official the records of her area; a system admin all.
 */
@Component
public class ListScope {

    private final Areas areas;

    ListScope(Areas areas) {
        this.areas = areas;
    }

    /** A where-clause fragment over the table alias's institution and area columns, and its parameters. */
    public record Clause(String sql, List<Object> params) {}

    public Clause of(String alias, boolean withLab) {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.SYSTEM_ADMIN) return new Clause("true", List.of());
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            if (actor.areaCode() == null) throw ApiException.forbidden("defects.error.no-area");
            return new Clause(alias + ".area_code = any(?)", List.of((Object) areas.withDescendants(actor.areaCode()).toArray(String[]::new)));
        }
        UUID inst = actor.institutionId();
        if (inst == null) throw ApiException.forbidden("defects.error.no-institution");
        if (withLab) return new Clause("(" + alias + ".institution_id = ? or " + alias + ".lab_institution_id = ?)", List.of(inst, inst));
        return new Clause(alias + ".institution_id = ?", List.of(inst));
    }

    /** The caller, when she writes clinical records: staff of a care institution. */
    public Actor writer() {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL || actor.institutionId() == null) {
            throw ApiException.forbidden("defects.error.staff-only");
        }
        return actor;
    }
}
