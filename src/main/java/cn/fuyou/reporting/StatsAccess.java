package cn.fuyou.reporting;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Area;
import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Who may see which figures: a regional official her area and what lies beneath it, institution
 * staff their own institution's figures (in any area), a system admin everything. Every read is
 * audited with what was asked.
 */
@Service
public class StatsAccess {

    public static final String CITY = "500000";
    public static final List<String> COLOURS = List.of("GREEN", "YELLOW", "ORANGE", "RED", "PURPLE");

    private final Areas areas;
    private final Institutions institutions;
    private final AuditLog audit;

    StatsAccess(Areas areas, Institutions institutions, AuditLog audit) {
        this.areas = areas;
        this.institutions = institutions;
        this.audit = audit;
    }

    /** Parses, validates (400 naming the field) and authorises (403) a request's scope. */
    public StatsScope scope(String area, String from, String to, String institution, String colour) {
        if (area == null || area.isBlank()) throw ApiException.badField("area", "地区必填 / area is required");
        Area a = areas.find(area).orElseThrow(() -> ApiException.badField("area", "未知地区 / unknown area " + area));
        LocalDate f = date(from, "from"), t = date(to, "to");
        if (t.isBefore(f)) throw ApiException.badField("to", "结束日期早于开始日期 / to is before from");
        if (f.plusYears(5).isBefore(t)) throw ApiException.badField("to", "区间最长5年 / at most 5 years");
        if (institution != null && institution.isBlank()) institution = null;
        if (institution != null && institutions.find(institution).isEmpty()) {
            throw ApiException.badField("institution", "未知机构 / unknown institution " + institution);
        }
        if (colour != null && colour.isBlank()) colour = null;
        if (colour != null && !COLOURS.contains(colour)) throw ApiException.badField("colour", "颜色为GREEN/YELLOW/ORANGE/RED/PURPLE");
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            if (actor.areaCode() == null || !units(actor.areaCode()).containsAll(units(a.code()))) {
                throw ApiException.forbidden("无权查看该地区的统计 / this area is outside yours");
            }
        } else if (actor.role() != StaffRole.SYSTEM_ADMIN) {
            if (institution != null && !institution.equals(actor.institutionCode())) {
                throw ApiException.forbidden("只能查看本机构的统计 / only your institution's figures");
            }
            institution = actor.institutionCode();
        }
        return new StatsScope(a.code(), units(a.code()), f, t, institution, colour);
    }

    /** The area codes facts carry to be counted in an area: itself, its districts and counties, and its zones. */
    public Set<String> units(String area) {
        Set<String> units = new TreeSet<>(areas.withDescendants(area));
        areas.all().stream().filter(x -> "ZONE".equals(x.kind()) && units.contains(x.parentCode())).forEach(x -> units.add(x.code()));
        return units;
    }

    /** The statistical units an area is shown by: a city's districts, counties and zones; a district itself. */
    public List<Area> parts(String area) {
        List<Area> children = areas.all().stream()
                .filter(x -> area.equals(x.parentCode()) && Set.of("DISTRICT", "COUNTY", "ZONE", "CITY").contains(x.kind())).toList();
        return children.isEmpty() ? List.of(areas.find(area).orElseThrow()) : children;
    }

    public Area area(String code) {
        return areas.find(code).orElseThrow();
    }

    /** The area an official's page opens on: hers, else the city. */
    public String homeArea() {
        Actor actor = CurrentActor.get();
        return actor.role() == StaffRole.REGIONAL_OFFICIAL && actor.areaCode() != null ? actor.areaCode() : CITY;
    }

    public void audited(String what, String code, StatsScope scope, Map<String, Object> more) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("area", scope.area());
        detail.put("from", scope.from().toString());
        detail.put("to", scope.to().toString());
        if (scope.institution() != null) detail.put("institution", scope.institution());
        if (scope.colour() != null) detail.put("colour", scope.colour());
        detail.putAll(more);
        audit.recordRead(new AuditRecord("READ", what, code, null, true, false, null, detail));
    }

    static LocalDate date(String v, String field) {
        if (v == null || v.isBlank()) throw ApiException.badField(field, field + " 必填，格式YYYY-MM-DD / required, YYYY-MM-DD");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "日期格式为YYYY-MM-DD / format is YYYY-MM-DD");
        }
    }
}
