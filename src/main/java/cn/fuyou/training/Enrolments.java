package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.training.internal.Directory;
import cn.fuyou.training.internal.TrainingFacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment in a session across institutions, withdrawal and attendance. The capacity is never
 * exceeded, however many enrol at once: a seat is taken by one conditional update
 * ({@code enrolled = enrolled + 1 where enrolled < capacity}), which PostgreSQL serialises on the
 * session's row; whoever finds no seat left gets 409 {@code session-full}.
 */
@Service
public class Enrolments {

    public enum Status { ENROLLED, ATTENDED, ABSENT, WITHDRAWN }

    private final JdbcClient jdbc;
    private final Courses courses;
    private final Workers workers;
    private final TrainingAccess access;
    private final Directory directory;
    private final AuditLog audit;
    private final TrainingFacts facts;

    Enrolments(JdbcClient jdbc, Courses courses, Workers workers, TrainingAccess access, Directory directory, AuditLog audit, TrainingFacts facts) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.workers = workers;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.facts = facts;
    }

    /** Either an existing worker or a walk-in the organiser registers on the spot. */
    public record Enrol(UUID workerId, @Valid Workers.NewWorker newWorker) {}

    public record Enrolled(UUID id, UUID workerId, int enrolled, int capacity) {}

    @Transactional
    public Enrolled enrol(UUID sessionId, Enrol e) {
        UUID courseId = courses.courseOf(sessionId);
        Courses.Head course = courses.head(courseId);
        boolean organiser = access.isStaffOf(course.organiserId());
        UUID workerId;
        if (e.workerId() != null) {
            workerId = e.workerId();
            UUID at = workers.institutionOf(workerId);
            if (!organiser && !access.isStaffOf(at)) throw ApiException.forbidden("training.forbidden.enrol");
        } else if (e.newWorker() != null) {
            if (!organiser) throw ApiException.forbidden("training.forbidden.enrol");
            workerId = workers.registerForSession(e.newWorker()).id();
        } else {
            throw ApiException.badField("workerId", "training.enrol.worker-required");
        }
        if (course.cancelled()) throw ApiException.conflict("course-cancelled", "training.course.cancelled", Map.of());
        if (jdbc.sql("select count(*) from training_enrolment where session_id = ? and worker_id = ? and status <> 'WITHDRAWN'")
                .params(sessionId, workerId).query(Long.class).single() > 0) {
            throw ApiException.conflict("already-enrolled", "training.enrol.already", Map.of("workerId", workerId));
        }
        record Seat(int enrolled, int capacity) {}
        Seat seat = jdbc.sql("""
                update training_session set enrolled = enrolled + 1, changed_at = now()
                 where id = ? and enrolled < capacity and cancelled_reason is null returning enrolled, capacity""")
                .param(sessionId).query(Seat.class).optional()
                .orElseThrow(() -> ApiException.conflict("session-full", "training.enrol.full", Map.of("sessionId", sessionId)));
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        try {
            jdbc.sql("insert into training_enrolment (id, session_id, worker_id, created_by, changed_by) values (?, ?, ?, ?, ?)")
                    .params(id, sessionId, workerId, by, by).update();
        } catch (DuplicateKeyException dup) {
            throw ApiException.conflict("already-enrolled", "training.enrol.already", Map.of("workerId", workerId));
        }
        audit.record(AuditRecord.write("ENROL", "TrainingSession", sessionId, null, Map.of("worker", workerId.toString())));
        return new Enrolled(id, workerId, seat.enrolled(), seat.capacity());
    }

    @Transactional
    public void withdraw(UUID enrolmentId, Long version) {
        Row r = row(enrolmentId);
        UUID at = workers.institutionOf(r.workerId());
        if (!access.isStaffOf(r.organiserId()) && !access.isStaffOf(at)) throw ApiException.forbidden("training.forbidden.enrol");
        if (version == null) throw ApiException.badField("version", "training.version-required");
        if (r.status() != Status.ENROLLED) throw ApiException.conflict("not-enrolled", "training.enrol.not-open", Map.of("status", r.status().name()));
        int n = jdbc.sql("update training_enrolment set status = 'WITHDRAWN', version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(access.actor().username(), enrolmentId, version).update();
        if (n == 0) throw ApiException.staleVersion("enrolment", enrolmentId, version, r.version());
        jdbc.sql("update training_session set enrolled = enrolled - 1 where id = ?").param(r.sessionId()).update();
        facts.enrolment(enrolmentId);
        audit.record(AuditRecord.write("WITHDRAW", "TrainingSession", r.sessionId(), null, Map.of("enrolment", enrolmentId.toString())));
    }

    public record Mark(@NotNull UUID enrolmentId, @NotNull Status status, Long version) {}

    /** The organiser marks who attended (credit hours awarded) and who did not, once the session has begun. */
    @Transactional
    public void attendance(UUID sessionId, List<@Valid Mark> marks) {
        UUID courseId = courses.courseOf(sessionId);
        Courses.Head course = courses.head(courseId);
        access.requireOrganiser(course.organiserId());
        LocalDate starts = jdbc.sql("select starts_on from training_session where id = ?").param(sessionId).query(LocalDate.class).single();
        if (starts.isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("marks", "training.attendance.not-started", starts);
        for (int k = 0; k < marks.size(); k++) {
            Mark m = marks.get(k);
            if (m.status() != Status.ATTENDED && m.status() != Status.ABSENT) {
                throw ApiException.badField("marks[" + k + "].status", "training.attendance.status");
            }
            Row r = row(m.enrolmentId());
            if (!r.sessionId().equals(sessionId)) throw ApiException.badField("marks[" + k + "].enrolmentId", "training.attendance.other-session");
            if (r.status() == Status.WITHDRAWN) throw ApiException.badField("marks[" + k + "].enrolmentId", "training.attendance.withdrawn");
            if (m.version() != null && m.version() != r.version()) throw ApiException.staleVersion("enrolment", m.enrolmentId(), m.version(), r.version());
            update(m.enrolmentId(), m.status(), course.creditHours());
        }
        audit.record(AuditRecord.write("ATTENDANCE", "TrainingSession", sessionId, null, Map.of("marks", marks.size())));
    }

    /** For records made by the module itself (a nursery training recorded as held). */
    void mark(UUID enrolmentId, Status status) {
        Row r = row(enrolmentId);
        update(enrolmentId, status, courses.head(courses.courseOf(r.sessionId())).creditHours());
    }

    private void update(UUID enrolmentId, Status status, BigDecimal credit) {
        jdbc.sql("update training_enrolment set status = ?, credit_hours = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(status.name(), status == Status.ATTENDED ? credit : BigDecimal.ZERO, access.actor().username(), enrolmentId).update();
        facts.enrolment(enrolmentId);
    }

    public record Participant(UUID enrolmentId, UUID workerId, String fullName, Profession profession, InstitutionRef institution,
                              Status status, BigDecimal creditHours, long version) {}

    public record SessionDetail(UUID id, UUID courseId, String courseTitle, InstitutionRef organiser, LocalDate startsOn, LocalDate endsOn,
                                String place, int capacity, int enrolled, boolean cancelled, boolean canEdit, List<Participant> participants,
                                long version) {}

    public SessionDetail session(UUID sessionId) {
        UUID courseId = courses.courseOf(sessionId);
        Courses.Head course = courses.head(courseId);
        boolean organiser = access.isStaffOf(course.organiserId());
        Map<UUID, Institution> dir = directory.all();
        List<Participant> people = jdbc.sql("""
                select e.id, e.worker_id, w.full_name, w.profession, w.institution_id, e.status, e.credit_hours, e.version
                  from training_enrolment e join training_worker w on w.id = e.worker_id
                 where e.session_id = ? and e.status <> 'WITHDRAWN' order by w.full_name, e.id""").param(sessionId)
                .query((rs, n) -> new Participant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        Profession.valueOf(rs.getString(4)), InstitutionRef.of(dir.get(rs.getObject(5, UUID.class))), Status.valueOf(rs.getString(6)),
                        rs.getBigDecimal(7), rs.getLong(8))).list();
        if (!organiser) {
            // Others see only the participants of their own institution (names of other hospitals' staff are theirs to show).
            UUID own = access.actor().institutionId();
            Institution mine = own == null ? null : dir.get(own);
            people = people.stream().filter(p -> access.actor().isSystemAdmin() || (mine != null && p.institution() != null
                    && p.institution().code().equals(mine.code())) || (p.institution() != null && access.officialCovers(dir.values().stream()
                    .filter(i -> i.code().equals(p.institution().code())).findFirst().orElse(null)))).toList();
        }
        final List<Participant> shown = people;
        return jdbc.sql("""
                select s.*, c.title from training_session s join training_course c on c.id = s.course_id where s.id = ?""").param(sessionId)
                .query((rs, n) -> new SessionDetail(sessionId, courseId, rs.getString("title"), InstitutionRef.of(dir.get(course.organiserId())),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("place"),
                        rs.getInt("capacity"), rs.getInt("enrolled"), rs.getString("cancelled_reason") != null || course.cancelled(), organiser,
                        shown, rs.getLong("version"))).single();
    }

    record Row(UUID sessionId, UUID workerId, Status status, long version, UUID organiserId) {}

    private Row row(UUID enrolmentId) {
        return jdbc.sql("""
                select e.session_id, e.worker_id, e.status, e.version, c.organiser_id
                  from training_enrolment e join training_session s on s.id = e.session_id join training_course c on c.id = s.course_id
                 where e.id = ?""").param(enrolmentId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Status.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getObject(5, UUID.class))).optional()
                .orElseThrow(() -> ApiException.notFound("enrolment", enrolmentId));
    }
}
