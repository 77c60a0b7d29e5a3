package cn.fuyou.childhealth;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.InstitutionType;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nurseries (托育机构) supervised by the infant-care guidance centre: licence and capacity, health
 * staff and certificates, inspections against a versioned checklist with rectification follow-up,
 * enrolled children (with consent), and free clinics / training sessions with attendance.
 */
@Service
public class Nurseries {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Persons persons;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final NurseryAccess nurseryAccess;

    private final java.time.Clock clock;

    Nurseries(JdbcClient jdbc, Institutions institutions, Persons persons, PersonAccess access, Entitlements entitlements, AuditLog audit,
              ObjectMapper json, NurseryAccess nurseryAccess, java.time.Clock clock) {
        this.clock = clock;
        this.nurseryAccess = nurseryAccess;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.audit = audit;
        this.json = json;
    }

    public record NurseryView(String code, String nameZh, String nameEn, String areaCode, String licenceNumber, Integer capacity,
                              List<String> ageGroups, long enrolled, long staff, LocalDate lastInspection,
                              long openRectifications, long version) {}

    public List<NurseryView> list() {
        return institutions.search(new Institutions.Filter(null, null, null, InstitutionType.NURSERY, null),
                new cn.fuyou.shared.PageRequest(0, 200)).items().stream().map(this::view).toList();
    }

    public NurseryView get(String code) {
        Institution i = institutions.get(code);
        if (i.type() != InstitutionType.NURSERY) throw ApiException.notFound("nursery", code);
        return view(i);
    }

    private NurseryView view(Institution i) {
        return jdbc.sql("""
                select n.licence_number, n.capacity, n.age_groups, n.version,
                       (select count(*) from nursery_enrolment e where e.nursery_id = ? and e.left_on is null),
                       (select count(*) from nursery_staff s where s.nursery_id = ? and s.left_on is null),
                       (select max(visited_on) from nursery_inspection x where x.nursery_id = ?),
                       (select count(*) from nursery_inspection x where x.nursery_id = ? and x.rectification_due is not null and x.rectified_on is null)
                  from (select ?::uuid as id) k left join nursery n on n.institution_id = k.id""")
                .params(i.id(), i.id(), i.id(), i.id(), i.id())
                .query((rs, n) -> new NurseryView(i.code(), i.nameZh(), i.nameEn(), i.areaCode(), rs.getString(1),
                        (Integer) rs.getObject(2), rs.getArray(3) == null ? List.of() : List.of((String[]) rs.getArray(3).getArray()),
                        rs.getLong(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getLong(8), rs.getLong(4)))
                .single();
    }

    public record Licence(@NotBlank(message = "许可证号必填 / licence number is required") @Size(max = 60) String licenceNumber,
                          @NotNull @Min(value = 1, message = "托位数1–2000 / capacity 1–2000") @Max(value = 2000, message = "托位数1–2000 / capacity 1–2000") Integer capacity,
                          List<@Pattern(regexp = "INFANT_0_12M|TODDLER_12_24M|TODDLER_24_36M", message = "年龄段无效 / age group is not valid") String> ageGroups,
                          Long version) {}

    @Transactional
    public NurseryView saveLicence(String code, Licence l) {
        Institution i = institutions.get(code);
        if (i.type() != InstitutionType.NURSERY) throw ApiException.notFound("nursery", code);
        nurseryAccess.require(i, NurseryAccess.Action.MANAGE);
        String by = CurrentActor.get().username();
        String[] groups = l.ageGroups() == null ? new String[0] : l.ageGroups().toArray(String[]::new);
        Long current = jdbc.sql("select version from nursery where institution_id = ?").param(i.id()).query(Long.class).optional().orElse(null);
        if (current == null) {
            jdbc.sql("insert into nursery (institution_id, licence_number, capacity, age_groups, changed_by) values (?, ?, ?, ?, ?)")
                    .params(i.id(), l.licenceNumber(), l.capacity(), groups, by).update();
        } else {
            if (l.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
            int n = jdbc.sql("""
                    update nursery set licence_number = ?, capacity = ?, age_groups = ?, version = version + 1, changed_at = now(),
                           changed_by = ? where institution_id = ? and version = ?""")
                    .params(l.licenceNumber(), l.capacity(), groups, by, i.id(), l.version()).update();
            if (n == 0) throw ApiException.staleVersion("nursery", code, l.version(), current);
        }
        audit.record(AuditRecord.write("UPDATE", "Nursery", code, null, Map.of()));
        return view(i);
    }

    public record Inspection(@NotNull @Pattern(regexp = "GUIDANCE|INSPECTION") String kind,
                             @NotNull @PastOrPresent LocalDate visitedOn,
                             @NotNull(message = "检查结果必填 / results are required") Map<String, Boolean> results,
                             @Size(max = 4000) String findings, LocalDate rectificationDue) {}

    /** Records a visit against the current checklist; every checklist item must be answered. */
    @Transactional
    public UUID inspect(String code, Inspection x) {
        Institution i = institutions.get(code);
        requireNursery(i);
        nurseryAccess.require(i, NurseryAccess.Action.INSPECT);
        requireLicensed(i);
        record Checklist(String version, String items) {}
        Checklist c = jdbc.sql("select version, items::text from inspection_checklist order by version desc limit 1")
                .query(Checklist.class).single();
        JsonNode items = readTree(c.items());
        for (JsonNode item : items) {
            if (!x.results().containsKey(item.path("code").asText())) {
                throw ApiException.badField("results." + item.path("code").asText(), "检查项未填写 / checklist item not answered: " + item.path("zh").asText());
            }
        }
        boolean anyFailed = x.results().values().stream().anyMatch(ok -> !ok);
        if (anyFailed && x.rectificationDue() == null) {
            throw ApiException.badField("rectificationDue", "有不合格项须设整改期限 / failed items need a rectification deadline");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into nursery_inspection (id, nursery_id, kind, visited_on, checklist_version, results, findings, rectification_due, inspector)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(id, i.id(), x.kind(), x.visitedOn(), c.version(), writeJson(x.results()), x.findings(),
                        anyFailed ? x.rectificationDue() : null, CurrentActor.get().username())
                .update();
        audit.record(AuditRecord.write("CREATE", "NurseryInspection", id, null, Map.of("nursery", code)));
        return id;
    }

    @Transactional
    public void rectified(UUID inspectionId, LocalDate on) {
        UUID nurseryId = jdbc.sql("select nursery_id from nursery_inspection where id = ?").param(inspectionId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("inspection", inspectionId));
        nurseryAccess.require(institutions.findById(nurseryId).orElseThrow(), NurseryAccess.Action.INSPECT);
        int n = jdbc.sql("update nursery_inspection set rectified_on = ? where id = ? and rectification_due is not null")
                .params(on == null ? cn.fuyou.shared.ChinaTime.today(clock) : on, inspectionId).update();
        if (n == 0) throw ApiException.notFound("inspection with rectification", inspectionId);
        audit.record(AuditRecord.write("RECTIFIED", "NurseryInspection", inspectionId, null, Map.of()));
    }

    public record InspectionView(UUID id, String kind, LocalDate visitedOn, String checklistVersion, JsonNode results,
                                 String findings, LocalDate rectificationDue, LocalDate rectifiedOn, String inspector,
                                 OffsetDateTime createdAt) {}

    public List<InspectionView> inspections(String code) {
        Institution i = institutions.get(code);
        return jdbc.sql("select *, results::text as results_json from nursery_inspection where nursery_id = ? order by visited_on desc")
                .param(i.id())
                .query((rs, n) -> new InspectionView(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("visited_on", LocalDate.class), rs.getString("checklist_version"), readTree(rs.getString("results_json")),
                        rs.getString("findings"), rs.getObject("rectification_due", LocalDate.class),
                        rs.getObject("rectified_on", LocalDate.class), rs.getString("inspector"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public JsonNode checklist() {
        return readTree(jdbc.sql("select json_build_object('version', version, 'title', title, 'items', items)::text from inspection_checklist order by version desc limit 1")
                .query(String.class).single());
    }

    public record Enrolment(@NotNull UUID childId, @NotNull(message = "须有监护人同意日期 / consent date is required") @PastOrPresent LocalDate consentOn,
                            @NotNull @PastOrPresent LocalDate enrolledOn) {}

    @Transactional
    public void enrol(String code, Enrolment e) {
        Institution i = institutions.get(code);
        requireNursery(i);
        nurseryAccess.require(i, NurseryAccess.Action.MANAGE);
        requireLicensed(i);
        if (!access.canAccess(e.childId())) throw ApiException.forbidden("无权查看此儿童 / not entitled to this child");
        if (e.consentOn().isAfter(e.enrolledOn())) throw ApiException.badField("consentOn", "同意须在入托之前 / consent must precede enrolment");
        try {
            jdbc.sql("insert into nursery_enrolment (id, nursery_id, child_id, consent_on, enrolled_on, created_by) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), i.id(), e.childId(), e.consentOn(), e.enrolledOn(), CurrentActor.get().username()).update();
        } catch (org.springframework.dao.DuplicateKeyException dup) {
            throw ApiException.conflict("already-enrolled", "该儿童已在托 / the child is already enrolled in a nursery", Map.of());
        }
        entitlements.entitle(e.childId(), i.id(), "CARED");
        audit.record(AuditRecord.write("ENROL", "Nursery", code, e.childId(), Map.of()));
    }

    public record EnrolledChild(UUID childId, String name, LocalDate consentOn, LocalDate enrolledOn) {}

    public List<EnrolledChild> enrolled(String code) {
        Institution i = institutions.get(code);
        nurseryAccess.require(i, NurseryAccess.Action.READ_CHILDREN);
        var rows = jdbc.sql("select child_id, consent_on, enrolled_on from nursery_enrolment where nursery_id = ? and left_on is null order by enrolled_on")
                .param(i.id()).query((rs, n) -> new EnrolledChild(rs.getObject(1, UUID.class), null, rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
        var names = persons.namesOf(rows.stream().map(EnrolledChild::childId).toList());
        return rows.stream().map(r -> new EnrolledChild(r.childId(), names.get(r.childId()), r.consentOn(), r.enrolledOn())).toList();
    }

    public record Staff(@NotBlank(message = "姓名必填 / name is required") @Size(max = 50) String name,
                        @NotBlank(message = "岗位必填 / role is required") @Size(max = 50) String role,
                        List<Certificate> certificates) {
        public record Certificate(@NotBlank String title, @NotNull LocalDate issuedOn, LocalDate expiresOn) {}
    }

    @Transactional
    public UUID addStaff(String code, Staff s) {
        Institution i = institutions.get(code);
        requireNursery(i);
        nurseryAccess.require(i, NurseryAccess.Action.MANAGE);
        requireLicensed(i);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into nursery_staff (id, nursery_id, name, role, certificates, created_by) values (?, ?, ?, ?, cast(? as jsonb), ?)")
                .params(id, i.id(), s.name(), s.role(), writeJson(s.certificates() == null ? List.of() : s.certificates()),
                        CurrentActor.get().username()).update();
        audit.record(AuditRecord.write("CREATE", "NurseryStaff", id, null, Map.of("nursery", code)));
        return id;
    }

    public record StaffView(UUID id, String name, String role, JsonNode certificates) {}

    public List<StaffView> staff(String code) {
        Institution i = institutions.get(code);
        return jdbc.sql("select id, name, role, certificates::text from nursery_staff where nursery_id = ? and left_on is null order by name")
                .param(i.id()).query((rs, n) -> new StaffView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        readTree(rs.getString(4)))).list();
    }

    public record GuidanceEvent(@NotNull @Pattern(regexp = "FREE_CLINIC|TRAINING") String kind,
                                @NotBlank @Size(max = 200) String title, @NotNull LocalDate heldOn, @Size(max = 200) String place,
                                List<Attendee> attendance) {
        public record Attendee(@NotBlank String name, String nurseryCode) {}
    }

    @Transactional
    public UUID recordEvent(GuidanceEvent e) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into guidance_event (id, kind, title, held_on, place, institution_id, created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, e.kind(), e.title(), e.heldOn(), e.place(), CurrentActor.get().institutionId(), CurrentActor.get().username())
                .update();
        for (var a : e.attendance() == null ? List.<GuidanceEvent.Attendee>of() : e.attendance()) {
            UUID nursery = a.nurseryCode() == null ? null : institutions.get(a.nurseryCode()).id();
            jdbc.sql("insert into guidance_attendance (event_id, attendee, nursery_id) values (?, ?, ?) on conflict do nothing")
                    .params(id, a.name(), nursery).update();
        }
        audit.record(AuditRecord.write("CREATE", "GuidanceEvent", id, null, Map.of("kind", e.kind())));
        return id;
    }

    public record EventView(UUID id, String kind, String title, LocalDate heldOn, String place, long attendees) {}

    public List<EventView> events() {
        return jdbc.sql("""
                select e.id, e.kind, e.title, e.held_on, e.place, (select count(*) from guidance_attendance a where a.event_id = e.id)
                  from guidance_event e order by e.held_on desc limit 200""")
                .query((rs, n) -> new EventView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6))).list();
    }

    private static void requireNursery(Institution i) {
        if (i.type() != InstitutionType.NURSERY) throw ApiException.notFound("nursery", i.code());
    }

    /** Staff, children and inspections belong to a registered nursery: its licence is recorded first (409 otherwise, never a 400 from a missing row). */
    private void requireLicensed(Institution i) {
        if (jdbc.sql("select count(*) from nursery where institution_id = ?").param(i.id()).query(Long.class).single() == 0) {
            throw ApiException.conflict("nursery-unlicensed", "childhealth.nursery.unlicensed", Map.of("nursery", i.code()));
        }
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String writeJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
