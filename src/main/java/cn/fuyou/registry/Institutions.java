package cn.fuyou.registry;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The institutions of the network: directory, designations, alliance membership, with history. */
@Service
public class Institutions {

    private static final String SELECT = """
            select i.*, a.name_zh as area_name_zh, a.name_en as area_name_en,
                   array(select d.designation from institution_designation d where d.institution_id = i.id order by 1) as designations,
                   array(select s.area_code from institution_service_area s where s.institution_id = i.id order by 1) as service_areas
              from institution i join area a on a.code = i.area_code""";

    private final JdbcClient jdbc;
    private final Areas areas;
    private final AuditLog audit;
    private final ObjectMapper json;

    Institutions(JdbcClient jdbc, Areas areas, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.audit = audit;
        this.json = json;
    }

    public record Filter(String q, String area, Designation designation, InstitutionType type, Integer level) {}

    public PageResult<Institution> search(Filter f, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (i.code ilike ? or i.name_zh ilike ? or i.name_en ilike ?)");
            String like = "%" + f.q().trim().replace("%", "\\%").replace("_", "\\_") + "%";
            params.addAll(List.of(like, like, like));
        }
        if (f.area() != null && !f.area().isBlank()) {
            if (areas.find(f.area()).isEmpty()) throw ApiException.badField("area", "未知地区 / unknown area " + f.area());
            if (areas.isZone(f.area())) {
                where.append(" and i.zone_code = ?");
                params.add(f.area());
            } else {
                where.append(" and i.area_code = any(?)");
                params.add(areas.withDescendants(f.area()).toArray(String[]::new));
            }
        }
        if (f.designation() != null) {
            where.append(" and exists (select 1 from institution_designation d where d.institution_id = i.id and d.designation = ?)");
            params.add(f.designation().name());
        }
        if (f.type() != null) { where.append(" and i.type = ?"); params.add(f.type().name()); }
        if (f.level() != null) { where.append(" and i.level = ?"); params.add(f.level()); }
        long total = jdbc.sql("select count(*) from institution i" + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc.sql(SELECT + where + " order by i.level desc, i.code limit ? offset ?")
                .params(pageParams).query(this::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Optional<Institution> find(String code) {
        return jdbc.sql(SELECT + " where i.code = ?").param(code).query(this::map).optional();
    }

    public Optional<Institution> findById(UUID id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::map).optional();
    }

    public Institution get(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("institution", code));
    }

    /** Institutions holding a designation, e.g. all critical maternal care centres. */
    public List<Institution> designated(Designation d) {
        return jdbc.sql(SELECT + " where exists (select 1 from institution_designation d where d.institution_id = i.id and d.designation = ?) order by i.code")
                .param(d.name()).query(this::map).list();
    }

    /** The district's MCH institution, which receives its dedicated-case reports (the lowest-level MCH hospital there). */
    public Optional<Institution> districtMchInstitution(String areaCode) {
        return jdbc.sql(SELECT + " where i.area_code = ? and i.type = 'MCH_HOSPITAL' order by i.level, i.code limit 1")
                .param(areaCode).query(this::map).optional();
    }

    @Transactional
    public Institution create(InstitutionChange c) {
        if (c.code() == null) throw ApiException.badField("code", "代码必填 / code is required");
        if (find(c.code()).isPresent()) {
            throw ApiException.conflict("duplicate-code", "institution code " + c.code() + " exists", Map.of("code", c.code()));
        }
        validateAreas(c);
        Actor actor = CurrentActor.orSystem();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into institution (id, code, name_zh, name_en, area_code, zone_code, level, type, alliance_status,
                                         alliance_joined, alliance_agreement, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, c.code(), c.nameZh().trim(), c.nameEn().trim(), c.areaCode(), c.zoneCode(), c.level(),
                        c.type().name(), allianceStatus(c), allianceJoined(c), allianceAgreement(c),
                        actor.username(), actor.username())
                .update();
        writeChildren(id, c);
        Institution created = findById(id).orElseThrow();
        history(created, actor);
        audit.record(AuditRecord.write("CREATE", "Institution", created.code(), null, Map.of()));
        return created;
    }

    @Transactional
    public Institution update(String code, InstitutionChange c) {
        Institution current = get(code);
        Actor actor = CurrentActor.get();
        if (!actor.isSystemAdmin() && !current.id().equals(actor.institutionId())) {
            throw ApiException.forbidden("只能修改本机构 / you may only edit your own institution");
        }
        if (c.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
        validateAreas(c);
        int n = jdbc.sql("""
                update institution set name_zh = ?, name_en = ?, area_code = ?, zone_code = ?, level = ?, type = ?,
                       alliance_status = ?, alliance_joined = ?, alliance_agreement = ?,
                       version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and version = ?""")
                .params(c.nameZh().trim(), c.nameEn().trim(), c.areaCode(), c.zoneCode(), c.level(), c.type().name(),
                        allianceStatus(c), allianceJoined(c), allianceAgreement(c), actor.username(),
                        current.id(), c.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("institution", code, c.version(), current.version());
        jdbc.sql("delete from institution_designation where institution_id = ?").param(current.id()).update();
        jdbc.sql("delete from institution_service_area where institution_id = ?").param(current.id()).update();
        writeChildren(current.id(), c);
        Institution updated = findById(current.id()).orElseThrow();
        history(updated, actor);
        audit.record(AuditRecord.write("UPDATE", "Institution", code, null, Map.of("version", updated.version())));
        return updated;
    }

    public record HistoryEntry(long version, OffsetDateTime changedAt, String changedBy, Map<String, Object> snapshot) {}

    @SuppressWarnings("unchecked")
    public List<HistoryEntry> history(String code) {
        Institution i = get(code);
        return jdbc.sql("select version, changed_at, changed_by, snapshot::text from institution_history where institution_id = ? order by version desc")
                .param(i.id())
                .query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        readMap(rs.getString(4))))
                .list();
    }

    private void validateAreas(InstitutionChange c) {
        if (areas.find(c.areaCode()).isEmpty()) throw ApiException.badField("areaCode", "未知地区 / unknown area " + c.areaCode());
        if (c.zoneCode() != null && !areas.isZone(c.zoneCode())) {
            throw ApiException.badField("zoneCode", "不是功能区 / not a zone: " + c.zoneCode());
        }
        for (String s : c.serviceAreasOrEmpty()) {
            if (areas.find(s).isEmpty()) throw ApiException.badField("serviceAreas", "未知地区 / unknown area " + s);
        }
        if (!c.serviceAreasOrEmpty().isEmpty() && !c.designationsOrEmpty().contains(Designation.CRITICAL_MATERNAL_CARE_CENTRE)) {
            throw ApiException.badField("serviceAreas", "只有危重孕产妇救治中心有服务区域 / only a critical maternal care centre has service areas");
        }
    }

    private void writeChildren(UUID id, InstitutionChange c) {
        for (Designation d : c.designationsOrEmpty().stream().distinct().toList()) {
            jdbc.sql("insert into institution_designation (institution_id, designation) values (?, ?)").params(id, d.name()).update();
        }
        for (String a : c.serviceAreasOrEmpty().stream().distinct().toList()) {
            jdbc.sql("insert into institution_service_area (institution_id, area_code) values (?, ?)").params(id, a).update();
        }
    }

    private void history(Institution i, Actor actor) {
        jdbc.sql("insert into institution_history (institution_id, version, snapshot, changed_at, changed_by) values (?, ?, cast(? as jsonb), now(), ?)")
                .params(i.id(), i.version(), writeJson(i), actor.username()).update();
    }

    private static String allianceStatus(InstitutionChange c) { return c.alliance() == null ? null : c.alliance().status(); }
    private static LocalDate allianceJoined(InstitutionChange c) { return c.alliance() == null ? null : c.alliance().joined(); }
    private static String allianceAgreement(InstitutionChange c) { return c.alliance() == null ? null : c.alliance().agreement(); }

    private Institution map(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("alliance_status");
        return new Institution(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("area_code"), rs.getString("area_name_zh"), rs.getString("area_name_en"),
                rs.getString("zone_code"), rs.getInt("level"), InstitutionType.valueOf(rs.getString("type")),
                strings(rs.getArray("designations")).stream().map(Designation::valueOf).toList(),
                strings(rs.getArray("service_areas")),
                status == null ? null : new Institution.Alliance(status, rs.getObject("alliance_joined", LocalDate.class),
                        rs.getString("alliance_agreement")),
                rs.getLong("version"));
    }


    private String writeJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String s) {
        try {
            return json.readValue(s, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
