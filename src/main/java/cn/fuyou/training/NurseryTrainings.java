package cn.fuyou.training;

import cn.fuyou.registry.Institution;
import cn.fuyou.shared.ApiException;
import cn.fuyou.training.internal.Directory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child-health module's nursery trainings, which are sessions of this module: one held by the
 * guidance centre is recorded as a course with one held session, every attendee a nursery carer of
 * her nursery with her attendance marked.
 */
@Service
public class NurseryTrainings {

    private final Courses courses;
    private final Enrolments enrolments;
    private final Workers workers;
    private final Directory directory;
    private final TrainingAccess access;
    private final JdbcClient jdbc;

    NurseryTrainings(Courses courses, Enrolments enrolments, Workers workers, Directory directory, TrainingAccess access, JdbcClient jdbc) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.workers = workers;
        this.directory = directory;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** @param institutionId the attendee's nursery, or null when she came from the organiser itself */
    public record Attendee(String name, UUID institutionId) {}

    public record Held(UUID sessionId, String title, LocalDate heldOn, String place, int attendees, InstitutionRef organiser) {}

    @Transactional
    public UUID record(String title, LocalDate heldOn, String place, List<Attendee> attendees) {
        Institution organiser = courses.organiserFor(null);
        access.requireOrganiser(organiser.id());
        UUID course = courses.create(new Courses.CourseForm(title, null, Courses.Topic.NURSERY_CARE, Courses.Mode.OFFLINE,
                List.of(Profession.NURSERY_CARER), BigDecimal.ZERO, List.of(), null, null));
        jdbc.sql("update training_course set origin = 'NURSERY_GUIDANCE' where id = ?").param(course).update();
        UUID session = courses.addSession(course, new Courses.SessionForm(heldOn, heldOn, place, Math.max(1, attendees.size()), null));
        for (int k = 0; k < attendees.size(); k++) {
            Attendee a = attendees.get(k);
            if (a.name() == null || a.name().isBlank()) throw ApiException.badField("attendance[" + k + "].name", "training.worker.name-required");
            UUID at = a.institutionId() == null ? organiser.id() : a.institutionId();
            Institution i = directory.byId(at).orElseThrow(() -> ApiException.badField("attendance", "training.institution.unknown", at));
            UUID worker = jdbc.sql("""
                    select id from training_worker where full_name = ? and institution_id = ? and profession = 'NURSERY_CARER'
                     order by created_at limit 1""").params(a.name().trim(), at).query(UUID.class).optional()
                    .orElseGet(() -> workers.registerForSession(new Workers.NewWorker(a.name().trim(), i.code(), Profession.NURSERY_CARER, null)).id());
            if (jdbc.sql("select count(*) from training_enrolment where session_id = ? and worker_id = ?").params(session, worker).query(Long.class).single() > 0) {
                continue; // the same name twice in one list
            }
            UUID enrolment = enrolments.enrol(session, new Enrolments.Enrol(worker, null)).id();
            enrolments.mark(enrolment, Enrolments.Status.ATTENDED);
        }
        return session;
    }

    /** Nursery trainings held, newest first. */
    public List<Held> held(int limit) {
        var dir = directory.all();
        return jdbc.sql("""
                select s.id, c.title, s.starts_on, s.place, s.enrolled, c.organiser_id from training_session s join training_course c on c.id = s.course_id
                 where c.topic = 'NURSERY_CARE' and s.cancelled_reason is null order by s.starts_on desc limit ?""").param(limit)
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getInt(5), InstitutionRef.of(dir.get(rs.getObject(6, UUID.class))))).list();
    }
}
