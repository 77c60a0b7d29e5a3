package cn.fuyou.training;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.Attachments;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.internal.Directory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses (online or offline, for an audience, with materials and credit hours) and their sessions. */
@Service
public class Courses {

    public enum Topic { MIDWIFERY, PMTCT, CRITICAL_CARE, OBSTETRIC_QUALITY, NEONATAL, NURSERY_CARE, ART, CHILD_HEALTH, OTHER }

    public enum Mode { ONLINE, OFFLINE, BLENDED }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TrainingAccess access;
    private final AuditLog audit;

    Courses(JdbcClient jdbc, Directory directory, TrainingAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
    }

    public record CourseForm(@NotBlank(message = "training.course.title-required") @Size(max = 200) String title,
                             @Size(max = 4000) String description,
                             @NotNull(message = "training.course.topic-required") Topic topic,
                             @NotNull(message = "training.course.mode-required") Mode mode,
                             List<Profession> audience,
                             @NotNull(message = "training.course.credit-required") @DecimalMin(value = "0", message = "training.course.credit-range")
                             @DecimalMax(value = "200", message = "training.course.credit-range") BigDecimal creditHours,
                             @Size(max = 50) List<UUID> materialItemIds,
                             String organiserCode, Long version) {}

    public record SessionForm(@NotNull(message = "training.session.starts-required") LocalDate startsOn,
                              @NotNull(message = "training.session.ends-required") LocalDate endsOn,
                              @Size(max = 200) String place,
                              @NotNull(message = "training.session.capacity-required") @Min(value = 1, message = "training.session.capacity-range")
                              @Max(value = 5000, message = "training.session.capacity-range") Integer capacity,
                              Long version) {}

    public record CourseRow(UUID id, String title, Topic topic, Mode mode, InstitutionRef organiser, List<Profession> audience,
                            BigDecimal creditHours, long sessions, LocalDate nextSession, long enrolled, long capacity, boolean cancelled,
                            String origin) {}

    public record Material(UUID id, String kind, UUID libraryItemId, String title, String mediaType) {}

    public record SessionRow(UUID id, LocalDate startsOn, LocalDate endsOn, String place, int capacity, int enrolled, long attended,
                             boolean cancelled, long version) {}

    public record CourseDetail(UUID id, String title, String description, Topic topic, Mode mode, InstitutionRef organiser,
                               List<Profession> audience, BigDecimal creditHours, List<Material> materials, List<SessionRow> sessions,
                               String cancelledReason, String origin, boolean canEdit, long version) {}

    @Transactional
    public UUID create(CourseForm f) {
        Institution organiser = organiserFor(f.organiserCode());
        access.requireOrganiser(organiser.id());
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("""
                insert into training_course (id, title, description, topic, mode, organiser_id, audience, credit_hours, material_item_ids,
                                             created_by, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.title().trim(), f.description(), f.topic().name(), f.mode().name(), organiser.id(), audience(f.audience()),
                        f.creditHours(), items(f.materialItemIds()), by, by).update();
        audit.record(AuditRecord.write("CREATE", "TrainingCourse", id, null, Map.of("organiser", organiser.code())));
        return id;
    }

    Institution organiserFor(String code) {
        if (code != null && !code.isBlank() && access.actor().isSystemAdmin()) {
            return directory.byCode(code).orElseThrow(() -> ApiException.badField("organiserCode", "training.institution.unknown", code));
        }
        return directory.byId(access.actor().institutionId()).orElseThrow(() -> ApiException.forbidden("training.forbidden.organiser"));
    }

    @Transactional
    public void update(UUID id, CourseForm f) {
        Head h = head(id);
        access.requireOrganiser(h.organiserId());
        if (f.version() == null) throw ApiException.badField("version", "training.version-required");
        int n = jdbc.sql("""
                update training_course set title = ?, description = ?, topic = ?, mode = ?, audience = ?, credit_hours = ?, material_item_ids = ?,
                       version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?""")
                .params(f.title().trim(), f.description(), f.topic().name(), f.mode().name(), audience(f.audience()), f.creditHours(),
                        items(f.materialItemIds()), access.actor().username(), id, f.version()).update();
        if (n == 0) throw ApiException.staleVersion("course", id, f.version(), h.version());
        audit.record(AuditRecord.write("UPDATE", "TrainingCourse", id, null, Map.of()));
    }

    @Transactional
    public void cancel(UUID id, String reason, Long version) {
        Head h = head(id);
        access.requireOrganiser(h.organiserId());
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "training.reason-required");
        if (version == null) throw ApiException.badField("version", "training.version-required");
        int n = jdbc.sql("update training_course set cancelled_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(reason.trim(), access.actor().username(), id, version).update();
        if (n == 0) throw ApiException.staleVersion("course", id, version, h.version());
        audit.record(AuditRecord.write("CANCEL", "TrainingCourse", id, null, Map.of("reason", reason)));
    }

    @Transactional
    public UUID addSession(UUID courseId, SessionForm f) {
        Head h = head(courseId);
        access.requireOrganiser(h.organiserId());
        if (h.cancelled()) throw ApiException.conflict("course-cancelled", "training.course.cancelled", Map.of());
        dates(f);
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("""
                insert into training_session (id, course_id, starts_on, ends_on, place, capacity, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, courseId, f.startsOn(), f.endsOn(), f.place(), f.capacity(), by, by).update();
        audit.record(AuditRecord.write("CREATE", "TrainingSession", id, null, Map.of("course", courseId.toString())));
        return id;
    }

    @Transactional
    public void updateSession(UUID sessionId, SessionForm f) {
        Head h = head(courseOf(sessionId));
        access.requireOrganiser(h.organiserId());
        dates(f);
        if (f.version() == null) throw ApiException.badField("version", "training.version-required");
        record S(int enrolled, long version) {}
        S s = jdbc.sql("select enrolled, version from training_session where id = ? for update").param(sessionId).query(S.class).single();
        if (f.capacity() < s.enrolled()) throw ApiException.badField("capacity", "training.session.capacity-below-enrolled", s.enrolled());
        int n = jdbc.sql("""
                update training_session set starts_on = ?, ends_on = ?, place = ?, capacity = ?, version = version + 1, changed_at = now(),
                       changed_by = ? where id = ? and version = ?""")
                .params(f.startsOn(), f.endsOn(), f.place(), f.capacity(), access.actor().username(), sessionId, f.version()).update();
        if (n == 0) throw ApiException.staleVersion("session", sessionId, f.version(), s.version());
        audit.record(AuditRecord.write("UPDATE", "TrainingSession", sessionId, null, Map.of("capacity", f.capacity())));
    }

    private static void dates(SessionForm f) {
        if (f.endsOn().isBefore(f.startsOn())) throw ApiException.badField("endsOn", "training.session.ends-before-starts");
        if (f.startsOn().isBefore(LocalDate.of(2000, 1, 1))) throw ApiException.badField("startsOn", "training.date-implausible");
        if (f.endsOn().isAfter(LocalDate.now(ChinaTime.ZONE).plusYears(3))) throw ApiException.badField("endsOn", "training.date-implausible");
    }

    public PageResult<CourseRow> search(String q, Topic topic, Mode mode, String organiserCode, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q != null && !q.isBlank()) {
            where.append(" and (c.title ilike ? or c.description ilike ?)");
            String like = "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (topic != null) { where.append(" and c.topic = ?"); params.add(topic.name()); }
        if (mode != null) { where.append(" and c.mode = ?"); params.add(mode.name()); }
        if (organiserCode != null && !organiserCode.isBlank()) {
            Institution o = directory.byCode(organiserCode).orElseThrow(() -> ApiException.badField("organiser", "training.institution.unknown", organiserCode));
            where.append(" and c.organiser_id = ?");
            params.add(o.id());
        }
        long total = jdbc.sql("select count(*) from training_course c" + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        pp.add(0, today);
        pp.add(page.size());
        pp.add(page.offset());
        Map<UUID, Institution> dir = directory.all();
        List<CourseRow> items = jdbc.sql("""
                select c.*, (select count(*) from training_session s where s.course_id = c.id and s.cancelled_reason is null) as sessions,
                       (select min(s.starts_on) from training_session s where s.course_id = c.id and s.cancelled_reason is null and s.starts_on >= ?) as next_session,
                       (select coalesce(sum(s.enrolled), 0) from training_session s where s.course_id = c.id and s.cancelled_reason is null) as enrolled,
                       (select coalesce(sum(s.capacity), 0) from training_session s where s.course_id = c.id and s.cancelled_reason is null) as capacity
                  from training_course c""" + where + " order by coalesce((select max(s.starts_on) from training_session s where s.course_id = c.id), c.created_at::date) desc, c.id limit ? offset ?")
                .params(pp)
                .query((rs, n) -> new CourseRow(rs.getObject("id", UUID.class), rs.getString("title"), Topic.valueOf(rs.getString("topic")),
                        Mode.valueOf(rs.getString("mode")), InstitutionRef.of(dir.get(rs.getObject("organiser_id", UUID.class))),
                        professions(rs.getArray("audience")), rs.getBigDecimal("credit_hours"), rs.getLong("sessions"),
                        rs.getObject("next_session", LocalDate.class), rs.getLong("enrolled"), rs.getLong("capacity"),
                        rs.getString("cancelled_reason") != null, rs.getString("origin")))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public CourseDetail get(UUID id) {
        record Row(UUID id, String title, String description, Topic topic, Mode mode, UUID organiserId, List<Profession> audience,
                   BigDecimal creditHours, List<UUID> items, String cancelledReason, String origin, long version) {}
        Row r = jdbc.sql("select * from training_course where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                        Topic.valueOf(rs.getString("topic")), Mode.valueOf(rs.getString("mode")), rs.getObject("organiser_id", UUID.class),
                        professions(rs.getArray("audience")), rs.getBigDecimal("credit_hours"), uuids(rs.getArray("material_item_ids")),
                        rs.getString("cancelled_reason"), rs.getString("origin"), rs.getLong("version")))
                .optional().orElseThrow(() -> ApiException.notFound("course", id));
        List<Material> materials = new ArrayList<>();
        r.items().forEach(item -> materials.add(new Material(null, "LIBRARY", item, null, null)));
        materials.addAll(jdbc.sql("select id, title, media_type from training_material where course_id = ? order by created_at").param(id)
                .query((rs, n) -> new Material(rs.getObject(1, UUID.class), "UPLOAD", null, rs.getString(2), rs.getString(3))).list());
        List<SessionRow> sessions = jdbc.sql("""
                select s.*, (select count(*) from training_enrolment e where e.session_id = s.id and e.status = 'ATTENDED') as attended
                  from training_session s where s.course_id = ? order by s.starts_on, s.id""").param(id)
                .query((rs, n) -> new SessionRow(rs.getObject("id", UUID.class), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getString("place"), rs.getInt("capacity"), rs.getInt("enrolled"),
                        rs.getLong("attended"), rs.getString("cancelled_reason") != null, rs.getLong("version"))).list();
        return new CourseDetail(r.id(), r.title(), r.description(), r.topic(), r.mode(),
                InstitutionRef.of(directory.byId(r.organiserId()).orElse(null)), r.audience(), r.creditHours(), materials, sessions,
                r.cancelledReason(), r.origin(), access.isStaffOf(r.organiserId()), r.version());
    }

    @Transactional
    public UUID upload(UUID courseId, String title, byte[] content) {
        Head h = head(courseId);
        access.requireOrganiser(h.organiserId());
        String type = Attachments.mediaType(content, "file");
        if (title == null || title.isBlank()) throw ApiException.badField("title", "training.material.title-required");
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into training_material (id, course_id, title, media_type, content, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, courseId, title.trim(), type, content, access.actor().username()).update();
        audit.record(AuditRecord.write("UPLOAD", "TrainingMaterial", id, null, Map.of("course", courseId.toString(), "bytes", content.length)));
        return id;
    }

    public record File(String title, String mediaType, byte[] content) {}

    public File material(UUID materialId) {
        return jdbc.sql("select title, media_type, content from training_material where id = ?").param(materialId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> ApiException.notFound("material", materialId));
    }

    record Head(UUID organiserId, boolean cancelled, long version, BigDecimal creditHours) {}

    Head head(UUID courseId) {
        return jdbc.sql("select organiser_id, cancelled_reason is not null, version, credit_hours from training_course where id = ?").param(courseId)
                .query((rs, n) -> new Head(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getLong(3), rs.getBigDecimal(4))).optional()
                .orElseThrow(() -> ApiException.notFound("course", courseId));
    }

    UUID courseOf(UUID sessionId) {
        return jdbc.sql("select course_id from training_session where id = ?").param(sessionId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("session", sessionId));
    }

    private static String[] audience(List<Profession> a) {
        return a == null ? new String[0] : a.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    private static UUID[] items(List<UUID> ids) {
        return ids == null ? new UUID[0] : ids.stream().distinct().toArray(UUID[]::new);
    }

    static List<Profession> professions(Array a) throws SQLException {
        return strings(a).stream().map(Profession::valueOf).toList();
    }

    static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((UUID[]) a.getArray());
    }

}
