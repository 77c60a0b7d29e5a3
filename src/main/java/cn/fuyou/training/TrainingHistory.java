package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.training.internal.Directory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A health worker's training history: sessions, credit hours, skill assessments, certificates (her own and other modules'). */
@Service
public class TrainingHistory {

    private final JdbcClient jdbc;
    private final Workers workers;
    private final SkillAssessments assessments;
    private final Certificates certificates;
    private final Directory directory;
    private final AuditLog audit;
    private final List<ExternalCertificates> external;

    TrainingHistory(JdbcClient jdbc, Workers workers, SkillAssessments assessments, Certificates certificates, Directory directory, AuditLog audit,
                    List<ExternalCertificates> external) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.assessments = assessments;
        this.certificates = certificates;
        this.directory = directory;
        this.audit = audit;
        this.external = external;
    }

    public record SessionEntry(UUID enrolmentId, UUID sessionId, UUID courseId, String courseTitle, String topic, String mode,
                               InstitutionRef organiser, LocalDate startsOn, LocalDate endsOn, String status, BigDecimal creditHours) {}

    public record History(Workers.WorkerView worker, BigDecimal creditHours, BigDecimal creditHoursThisYear, List<SessionEntry> sessions,
                          List<SkillAssessments.AssessmentView> assessments, List<Certificates.CertificateView> certificates) {}

    /** The history of one worker, audited as a read. */
    @Transactional
    public History of(UUID workerId) {
        Workers.WorkerView w = workers.get(workerId);
        workers.requireReader(w);
        var dir = directory.all();
        List<SessionEntry> sessions = jdbc.sql("""
                select e.id, s.id, c.id, c.title, c.topic, c.mode, c.organiser_id, s.starts_on, s.ends_on, e.status, e.credit_hours
                  from training_enrolment e join training_session s on s.id = e.session_id join training_course c on c.id = s.course_id
                 where e.worker_id = ? and e.status <> 'WITHDRAWN' order by s.starts_on desc""").param(workerId)
                .query((rs, n) -> new SessionEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), InstitutionRef.of(dir.get(rs.getObject(7, UUID.class))),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getBigDecimal(11))).list();
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        BigDecimal total = sessions.stream().map(s -> s.creditHours() == null ? BigDecimal.ZERO : s.creditHours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal thisYear = sessions.stream().filter(s -> s.endsOn().getYear() == year)
                .map(s -> s.creditHours() == null ? BigDecimal.ZERO : s.creditHours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Certificates.CertificateView> certs = new ArrayList<>(certificates.ofWorker(workerId));
        UUID at = directory.byCode(w.institution().code()).orElseThrow().id();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        for (ExternalCertificates source : external) {
            for (ExternalCertificates.Held h : source.heldAt(at)) {
                if (!h.holderName().equals(w.fullName())) continue;
                certs.add(new Certificates.CertificateView(null, null, workerId, h.holderName(), w.institution(), "EXTERNAL", null, h.title(),
                        h.issuedOn(), h.expiresOn(), null, false, null, h.source(),
                        h.expiresOn() == null ? null : ChronoUnit.DAYS.between(today, h.expiresOn()), 0));
            }
        }
        audit.recordRead(AuditRecord.read("TrainingHistory", workerId, null, true, false, null));
        return new History(w, total, thisYear, sessions,
                assessments.assessments(" where a.worker_id = ? and a.voided_reason is null order by a.assessed_on desc", workerId), certs);
    }

    /** The history of the worker linked to a staff login (her own, or for her institution's admin on the staff page). */
    @Transactional
    public History ofStaff(String username) {
        UUID id = jdbc.sql("select id from training_worker where staff_username = ?").param(username).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("training worker for login", username));
        return of(id);
    }

}
