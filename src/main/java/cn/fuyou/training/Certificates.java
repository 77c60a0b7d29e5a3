package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.training.internal.Directory;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates issued on a passed skill assessment, valid for the checklist's validity years. A new
 * certificate of the same skill renews the one before it. The renewal worklist is a query: every
 * current certificate that expires within the next N days (90 by default), with the certificates
 * other modules hold (nursery health-care staff) beside them.
 */
@Service
public class Certificates {

    public static final int DEFAULT_REMINDER_DAYS = 90;

    private final JdbcClient jdbc;
    private final SkillAssessments assessments;
    private final SkillChecklists checklists;
    private final TrainingAccess access;
    private final Directory directory;
    private final AuditLog audit;
    private final List<ExternalCertificates> external;

    Certificates(JdbcClient jdbc, SkillAssessments assessments, SkillChecklists checklists, TrainingAccess access, Directory directory, AuditLog audit,
                 List<ExternalCertificates> external) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.checklists = checklists;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.external = external;
    }

    public record CertificateView(UUID id, String number, UUID workerId, String holderName, InstitutionRef institution, String kind, String skill,
                                  String title, LocalDate issuedOn, LocalDate expiresOn, UUID renewalOf, boolean renewed, String revokedReason,
                                  String source, Long daysLeft, long version) {}

    /** Issues the certificate of a passed assessment (the round's organiser, an assessor, or a system admin). */
    @Transactional
    public CertificateView issue(UUID assessmentId, LocalDate issuedOn) {
        SkillAssessments.AssessmentView a = assessments.assessment(assessmentId);
        SkillAssessments.RoundRow round = assessments.round(a.roundId());
        boolean organiser = directory.byCode(round.organiser().code()).map(o -> access.isStaffOf(o.id())).orElse(false);
        if (!organiser && !round.assessors().contains(access.actor().username()) && !access.actor().isSystemAdmin()) {
            throw ApiException.forbidden("training.forbidden.certificate");
        }
        if (!a.passed()) throw ApiException.badField("assessmentId", "training.certificate.not-passed");
        if (a.certificateId() != null) throw ApiException.conflict("already-certified", "training.certificate.already", Map.of("certificateId", a.certificateId()));
        LocalDate on = issuedOn == null ? LocalDate.now(ChinaTime.ZONE) : issuedOn;
        if (on.isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("issuedOn", "training.date-future");
        if (on.isBefore(a.assessedOn())) throw ApiException.badField("issuedOn", "training.certificate.before-assessment");
        SkillChecklist c = checklists.get(a.skill(), a.checklistVersion());
        UUID previous = jdbc.sql("""
                select id from training_certificate where worker_id = ? and skill = ? and revoked_reason is null
                   and not exists (select 1 from training_certificate n where n.renewal_of = training_certificate.id)
                 order by expires_on desc limit 1""").params(a.workerId(), a.skill()).query(UUID.class).optional().orElse(null);
        UUID id = UUID.randomUUID();
        String number = "CQ-" + a.skill().substring(0, Math.min(4, a.skill().length())) + "-" + on.getYear() + "-"
                + id.toString().substring(0, 8).toUpperCase();
        String by = access.actor().username();
        jdbc.sql("""
                insert into training_certificate (id, number, worker_id, kind, skill, assessment_id, title, issued_on, expires_on, renewal_of,
                                                  created_by, changed_by) values (?, ?, ?, 'SKILL', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, a.workerId(), a.skill(), assessmentId, c.nameZh() + "技能合格证", on,
                        on.plusYears(c.validityYears()), previous, by, by).update();
        audit.record(AuditRecord.write("ISSUE", "TrainingCertificate", id, null, Map.of("assessment", assessmentId.toString(), "number", number)));
        return get(id);
    }

    @Transactional
    public void revoke(UUID id, String reason, Long version) {
        CertificateView c = get(id);
        Institution at = directory.byCode(c.institution().code()).orElseThrow();
        UUID organiser = jdbc.sql("select r.organiser_id from training_certificate c join skill_assessment a on a.id = c.assessment_id join skill_round r on r.id = a.round_id where c.id = ?")
                .param(id).query(UUID.class).optional().orElse(at.id());
        access.requireOrganiser(organiser);
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "training.reason-required");
        if (version == null) throw ApiException.badField("version", "training.version-required");
        int n = jdbc.sql("update training_certificate set revoked_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(reason.trim(), access.actor().username(), id, version).update();
        if (n == 0) throw ApiException.staleVersion("certificate", id, version, c.version());
        audit.record(AuditRecord.write("REVOKE", "TrainingCertificate", id, null, Map.of("reason", reason)));
    }

    public CertificateView get(UUID id) {
        return list(" where c.id = ?", List.of(id), directory.all()).stream().findFirst().orElseThrow(() -> ApiException.notFound("certificate", id));
    }

    List<CertificateView> ofWorker(UUID workerId) {
        return list(" where c.worker_id = ? order by c.issued_on desc", List.of(workerId), directory.all());
    }

    private List<CertificateView> list(String where, List<Object> params, Map<UUID, Institution> dir) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        return jdbc.sql("""
                select c.*, w.full_name, w.institution_id, exists (select 1 from training_certificate n where n.renewal_of = c.id) as renewed
                  from training_certificate c join training_worker w on w.id = c.worker_id""" + " " + where).params(params)
                .query((rs, n) -> {
                    LocalDate expires = rs.getObject("expires_on", LocalDate.class);
                    return new CertificateView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("worker_id", UUID.class),
                            rs.getString("full_name"), InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))), rs.getString("kind"),
                            rs.getString("skill"), rs.getString("title"), rs.getObject("issued_on", LocalDate.class), expires,
                            rs.getObject("renewal_of", UUID.class), rs.getBoolean("renewed"), rs.getString("revoked_reason"), "TRAINING",
                            ChronoUnit.DAYS.between(today, expires), rs.getLong("version"));
                }).list();
    }

    /**
     * The renewal worklist: current certificates (not revoked, not yet renewed) expiring from today up to
     * {@code days} ahead, and those of other modules. Scope: a system admin all; an official her area;
     * staff their institution's workers and the certificates of rounds their institution organised.
     */
    public PageResult<CertificateView> expiring(int days, String q, PageRequest page) {
        if (days < 1 || days > 730) throw ApiException.badField("days", "training.certificate.days-range");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        LocalDate until = today.plusDays(days);
        Map<UUID, Institution> dir = directory.all();
        List<CertificateView> all = new ArrayList<>(list("""
                 where c.revoked_reason is null and c.expires_on between ? and ?
                   and not exists (select 1 from training_certificate n where n.renewal_of = c.id and n.revoked_reason is null)""",
                List.of(today, until), dir));
        for (ExternalCertificates source : external) {
            for (ExternalCertificates.Held h : source.expiringBetween(today, until)) {
                all.add(new CertificateView(null, null, null, h.holderName(), InstitutionRef.of(dir.get(h.institutionId())), "EXTERNAL", null,
                        h.title(), h.issuedOn(), h.expiresOn(), null, false, null, h.source(), ChronoUnit.DAYS.between(today, h.expiresOn()), 0));
            }
        }
        Actor actor = access.actor();
        List<CertificateView> scoped = all.stream().filter(c -> inScope(actor, c, dir))
                .filter(c -> q == null || q.isBlank() || c.holderName().contains(q.trim()) || c.title().contains(q.trim()))
                .sorted(Comparator.comparing(CertificateView::expiresOn).thenComparing(CertificateView::holderName)).toList();
        int from = Math.min(page.offset(), scoped.size());
        return new PageResult<>(scoped.subList(from, Math.min(from + page.size(), scoped.size())), scoped.size(), page.page(), page.size());
    }

    private boolean inScope(Actor actor, CertificateView c, Map<UUID, Institution> dir) {
        if (actor.isSystemAdmin()) return true;
        Institution at = c.institution() == null ? null : dir.values().stream().filter(i -> i.code().equals(c.institution().code())).findFirst().orElse(null);
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) return access.officialCovers(at);
        if (at != null && at.id().equals(actor.institutionId())) return true;
        return c.id() != null && jdbc.sql("""
                select count(*) from training_certificate c join skill_assessment a on a.id = c.assessment_id join skill_round r on r.id = a.round_id
                 where c.id = ? and r.organiser_id = ?""").params(c.id(), actor.institutionId()).query(Long.class).single() > 0;
    }
}
