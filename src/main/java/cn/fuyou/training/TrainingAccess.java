package cn.fuyou.training;

import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may do what in training, checked on the target record:
 * <pre>
 * organiser staff (same institution as the course/round organiser, not an official) | edit courses and sessions, mark attendance, manage rounds, issue certificates
 * assessors named on a round (or a system admin)                                   | score
 * staff of a worker's institution                                                  | register and enrol her, see her history
 * the worker herself (linked login)                                                | see her own history
 * institution admins / regional officials / system admin                           | statistics of their institution / area / everything
 * </pre>
 * Officials never write here (the security module refuses their writes outside oversight paths).
 */
@Component
public class TrainingAccess {

    private final Areas areas;

    TrainingAccess(Areas areas) {
        this.areas = areas;
    }

    public Actor actor() {
        return CurrentActor.get();
    }

    public boolean isStaffOf(UUID institutionId) {
        Actor a = actor();
        if (a.isSystemAdmin()) return true;
        return a.role() != StaffRole.REGIONAL_OFFICIAL && institutionId != null && institutionId.equals(a.institutionId());
    }

    /** The course's or round's organiser institution (or a system admin). */
    public void requireOrganiser(UUID organiserId) {
        if (!isStaffOf(organiserId)) throw ApiException.forbidden("training.forbidden.organiser");
    }

    public void requireStaffOf(UUID institutionId) {
        if (!isStaffOf(institutionId)) throw ApiException.forbidden("training.forbidden.institution");
    }

    /** An official sees the records of workers whose institution lies in her area. */
    public boolean officialCovers(Institution i) {
        Actor a = actor();
        return a.role() == StaffRole.REGIONAL_OFFICIAL && a.areaCode() != null && i != null
                && (a.areaCode().equals(i.areaCode()) || areas.withDescendants(a.areaCode()).contains(i.areaCode()));
    }

    /** Statistics are for institution admins, officials and system admins. */
    public void requireStatisticsViewer() {
        Actor a = actor();
        if (!(a.role() == StaffRole.INSTITUTION_ADMIN || a.role() == StaffRole.REGIONAL_OFFICIAL || a.isSystemAdmin())) {
            throw ApiException.forbidden("training.forbidden.statistics");
        }
    }
}
