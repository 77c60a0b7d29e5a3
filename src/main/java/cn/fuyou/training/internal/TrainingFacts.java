package cn.fuyou.training.internal;

import cn.fuyou.registry.Institution;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What training records count in the indicator catalogue ({@code indicators/training.json}), stated
 * in the writing transaction: an enrolment whose attendance is recorded counts in
 * TRAINING_PARTICIPATION (and TRAINING_COMPLETED when attended), dated by the session's last day;
 * a skill assessment counts in SKILL_ASSESSED (and SKILL_PASSED) on its day; a void or a withdrawal
 * removes the record from every measure. Placed in the worker's institution and its area.
 */
@Component
public class TrainingFacts {

    private final JdbcClient jdbc;
    private final IndicatorFacts facts;
    private final Directory directory;

    TrainingFacts(JdbcClient jdbc, IndicatorFacts facts, Directory directory) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.directory = directory;
    }

    public void enrolment(UUID enrolmentId) {
        record R(String status, LocalDate endsOn, UUID institutionId, boolean cancelled) {}
        R r = jdbc.sql("""
                select e.status, s.ends_on, w.institution_id, (s.cancelled_reason is not null or c.cancelled_reason is not null)
                  from training_enrolment e join training_session s on s.id = e.session_id join training_course c on c.id = s.course_id
                  join training_worker w on w.id = e.worker_id where e.id = ?""").param(enrolmentId)
                .query((rs, n) -> new R(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class), rs.getBoolean(4))).single();
        List<IndicatorFact> out = new ArrayList<>();
        Institution i = directory.byId(r.institutionId()).orElse(null);
        if (i != null && !r.cancelled() && ("ATTENDED".equals(r.status()) || "ABSENT".equals(r.status()))) {
            out.add(new IndicatorFact("TRAINING_PARTICIPATION", null, i.code(), i.areaCode(), r.endsOn(), null));
            if ("ATTENDED".equals(r.status())) out.add(new IndicatorFact("TRAINING_COMPLETED", null, i.code(), i.areaCode(), r.endsOn(), null));
        }
        facts.replace("training_enrolment", enrolmentId, out);
    }

    public void assessment(UUID assessmentId) {
        record R(boolean passed, LocalDate on, UUID institutionId, boolean voided) {}
        R r = jdbc.sql("""
                select a.passed, a.assessed_on, w.institution_id, a.voided_reason is not null
                  from skill_assessment a join training_worker w on w.id = a.worker_id where a.id = ?""").param(assessmentId)
                .query((rs, n) -> new R(rs.getBoolean(1), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class), rs.getBoolean(4))).single();
        List<IndicatorFact> out = new ArrayList<>();
        Institution i = directory.byId(r.institutionId()).orElse(null);
        if (i != null && !r.voided()) {
            out.add(new IndicatorFact("SKILL_ASSESSED", null, i.code(), i.areaCode(), r.on(), null));
            if (r.passed()) out.add(new IndicatorFact("SKILL_PASSED", null, i.code(), i.areaCode(), r.on(), null));
        }
        facts.replace("skill_assessment", assessmentId, out);
    }
}
