package cn.fuyou.criticalcare;

import cn.fuyou.registry.Areas;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who sees a critical case, death report or review: the institution that reported it, her designated
 * centre, her district's MCH institution, and the regional officials whose area holds her district.
 */
@Component
class CaseScope {

    static final ZoneId CHINA = cn.fuyou.shared.ChinaTime.ZONE;

    private final Areas areas;

    CaseScope(Areas areas) {
        this.areas = areas;
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    Set<String> officialAreas(Actor a) {
        return a.role() == StaffRole.REGIONAL_OFFICIAL && a.areaCode() != null ? areas.withDescendants(a.areaCode()) : Set.of();
    }

    boolean isOfficialFor(Actor a, String areaCode) {
        return officialAreas(a).contains(areaCode);
    }

    boolean sees(Actor a, String areaCode, UUID... institutions) {
        if (a.isSystemAdmin()) return true;
        for (UUID i : institutions) if (i != null && i.equals(a.institutionId())) return true;
        return isOfficialFor(a, areaCode);
    }

    record Where(String sql, List<Object> params) {}

    /** A where-clause over the given institution columns and {@code area_code}. */
    Where where(Actor a, String... institutionColumns) {
        if (a.isSystemAdmin()) return new Where(" where true", new ArrayList<>());
        StringBuilder sb = new StringBuilder(" where (");
        List<Object> params = new ArrayList<>();
        for (String c : institutionColumns) {
            sb.append(c).append(" = ? or ");
            params.add(a.institutionId());
        }
        sb.append("area_code = any(?))");
        params.add(officialAreas(a).toArray(String[]::new));
        return new Where(sb.toString(), params);
    }
}
