package cn.fuyou.training;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Area;
import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.internal.Directory;
import cn.fuyou.training.internal.TrainingFacts;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skill assessment rounds at district and city level, scored by the round's assessors against the
 * round's checklist version; those who fail are assessed again in a re-assessment round.
 */
@Service
public class SkillAssessments {

    public enum Level { DISTRICT, CITY }

    private final JdbcClient jdbc;
    private final SkillChecklists checklists;
    private final TrainingAccess access;
    private final Directory directory;
    private final Areas areas;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final TrainingFacts facts;
    private final ObjectMapper json;

    SkillAssessments(JdbcClient jdbc, SkillChecklists checklists, TrainingAccess access, Directory directory, Areas areas, StaffAccounts staff,
                     AuditLog audit, TrainingFacts facts, ObjectMapper json) {
        this.jdbc = jdbc;
        this.checklists = checklists;
        this.access = access;
        this.directory = directory;
        this.areas = areas;
        this.staff = staff;
        this.audit = audit;
        this.facts = facts;
        this.json = json;
    }

    public record RoundForm(@NotBlank(message = "training.round.title-required") @Size(max = 200) String title,
                            @NotNull(message = "training.round.level-required") Level level,
                            String areaCode,
                            @NotBlank(message = "training.round.skill-required") String skill,
                            @NotNull(message = "training.round.held-required") LocalDate heldOn,
                            @NotNull @Size(min = 1, max = 20, message = "training.round.assessors-required") List<String> assessors,
                            UUID reassessmentOf) {}

    public record RoundRow(UUID id, String title, Level level, String areaCode, String areaNameZh, String areaNameEn, InstitutionRef organiser,
                           String skill, String checklistVersion, LocalDate heldOn, List<String> assessors, UUID reassessmentOf,
                           long assessed, long passed, long version) {}

    public record AssessmentView(UUID id, UUID roundId, UUID workerId, String fullName, Profession profession, InstitutionRef institution,
                                 String skill, String checklistVersion, Map<String, BigDecimal> scores, BigDecimal score, BigDecimal maxScore,
                                 BigDecimal percent, BigDecimal passMark, boolean passed, List<String> failedCritical, LocalDate assessedOn,
                                 String assessor, String remarks, UUID certificateId, long version) {}

    public record RoundDetail(RoundRow round, SkillChecklist checklist, List<AssessmentView> assessments, boolean canScore, boolean canManage,
                              List<Candidate> candidates) {}

    /** Someone to assess again: her failed attempt. */
    public record Candidate(UUID workerId, String fullName, InstitutionRef institution, String skill, UUID failedRoundId, String failedRoundTitle,
                            LocalDate failedOn, BigDecimal percent) {}

    @Transactional
    public UUID createRound(RoundForm f) {
        Institution organiser = directory.byId(access.actor().institutionId()).orElseThrow(() -> ApiException.forbidden("training.forbidden.organiser"));
        access.requireOrganiser(organiser.id());
        SkillChecklist c = checklists.current(f.skill());
        String area = f.level() == Level.CITY ? (f.areaCode() == null || f.areaCode().isBlank() ? "500000" : f.areaCode()) : f.areaCode();
        if (area == null || area.isBlank()) throw ApiException.badField("areaCode", "training.round.area-required");
        Area a = areas.find(area).orElseThrow(() -> ApiException.badField("areaCode", "training.round.area-unknown", area));
        if (f.level() == Level.DISTRICT && !("DISTRICT".equals(a.kind()) || "COUNTY".equals(a.kind()) || "CITY".equals(a.kind()))) {
            throw ApiException.badField("areaCode", "training.round.area-not-district");
        }
        if (f.heldOn().isAfter(LocalDate.now(ChinaTime.ZONE).plusYears(1)) || f.heldOn().isBefore(LocalDate.of(2000, 1, 1))) {
            throw ApiException.badField("heldOn", "training.date-implausible");
        }
        List<String> assessors = f.assessors().stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (int k = 0; k < assessors.size(); k++) {
            String u = assessors.get(k);
            if (staff.find(u).isEmpty()) throw ApiException.badField("assessors[" + k + "]", "training.round.assessor-unknown", u);
        }
        if (assessors.isEmpty()) throw ApiException.badField("assessors", "training.round.assessors-required");
        if (f.reassessmentOf() != null) {
            String skill = jdbc.sql("select skill from skill_round where id = ?").param(f.reassessmentOf()).query(String.class).optional()
                    .orElseThrow(() -> ApiException.badField("reassessmentOf", "training.round.unknown", f.reassessmentOf()));
            if (!skill.equals(f.skill())) throw ApiException.badField("reassessmentOf", "training.round.reassessment-other-skill");
        }
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("""
                insert into skill_round (id, title, level, area_code, organiser_id, skill, checklist_version, held_on, assessors, reassessment_of,
                                         created_by, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.title().trim(), f.level().name(), a.code(), organiser.id(), c.skill(), c.version(), f.heldOn(),
                        assessors.toArray(String[]::new), f.reassessmentOf(), by, by).update();
        audit.record(AuditRecord.write("CREATE", "SkillRound", id, null, Map.of("skill", c.skill(), "version", c.version())));
        return id;
    }

    public record Score(@NotNull(message = "training.score.worker-required") UUID workerId,
                        @NotNull(message = "training.score.required") Map<String, BigDecimal> scores,
                        @NotNull(message = "training.score.date-required") LocalDate assessedOn,
                        @Size(max = 2000) String remarks) {}

    /** An assessor of the round scores one worker; the result (and the checklist version) is stored. */
    @Transactional
    public AssessmentView score(UUID roundId, Score s) {
        RoundRow r = round(roundId);
        if (!access.actor().isSystemAdmin() && !r.assessors().contains(access.actor().username())) {
            throw ApiException.forbidden("training.forbidden.assessor");
        }
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (s.assessedOn().isAfter(today)) throw ApiException.badField("assessedOn", "training.date-future");
        if (s.assessedOn().isBefore(r.heldOn().minusDays(30))) throw ApiException.badField("assessedOn", "training.score.before-round");
        jdbc.sql("select id from training_worker where id = ?").param(s.workerId()).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.badField("workerId", "training.worker.unknown", s.workerId()));
        if (r.reassessmentOf() != null && candidates(r.reassessmentOf()).stream().noneMatch(c -> c.workerId().equals(s.workerId()))) {
            throw ApiException.badField("workerId", "training.score.not-a-candidate");
        }
        SkillChecklist c = checklists.get(r.skill(), r.checklistVersion());
        SkillScoring.Result result = SkillScoring.score(c, s.scores());
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        try {
            jdbc.sql("""
                    insert into skill_assessment (id, round_id, worker_id, skill, checklist_version, scores, score, max_score, percent, pass_mark, passed,
                                                  failed_critical, assessed_on, assessor, remarks, created_by, changed_by)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, roundId, s.workerId(), r.skill(), result.checklistVersion(), write(s.scores()), result.score(), result.maxScore(),
                            result.percent(), result.passMark(), result.passed(), result.failedCritical().toArray(String[]::new), s.assessedOn(),
                            by, s.remarks(), by, by).update();
        } catch (org.springframework.dao.DuplicateKeyException dup) {
            throw ApiException.conflict("already-assessed", "training.score.already", Map.of("workerId", s.workerId()));
        }
        facts.assessment(id);
        audit.record(AuditRecord.write("SCORE", "SkillAssessment", id, null, Map.of("round", roundId.toString(), "passed", result.passed(),
                "version", result.checklistVersion())));
        return assessment(id);
    }

    @Transactional
    public void voidAssessment(UUID id, String reason, Long version) {
        AssessmentView a = assessment(id);
        RoundRow r = round(a.roundId());
        directory.byCode(r.organiser().code()).ifPresent(o -> access.requireOrganiser(o.id()));
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "training.reason-required");
        if (version == null) throw ApiException.badField("version", "training.version-required");
        if (a.certificateId() != null) throw ApiException.conflict("certified", "training.score.certified", Map.of("certificateId", a.certificateId()));
        int n = jdbc.sql("update skill_assessment set voided_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ? and voided_reason is null")
                .params(reason.trim(), access.actor().username(), id, version).update();
        if (n == 0) throw ApiException.staleVersion("assessment", id, version, a.version());
        facts.assessment(id);
        audit.record(AuditRecord.write("VOID", "SkillAssessment", id, null, Map.of("reason", reason)));
    }

    private static final String ROUND_SELECT = """
            select r.*, (select count(*) from skill_assessment a where a.round_id = r.id and a.voided_reason is null) as assessed,
                   (select count(*) from skill_assessment a where a.round_id = r.id and a.voided_reason is null and a.passed) as passed
              from skill_round r""";

    public PageResult<RoundRow> rounds(String q, String skill, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q != null && !q.isBlank()) { where.append(" and r.title ilike ?"); params.add("%" + q.trim().replace("%", "\\%") + "%"); }
        if (skill != null && !skill.isBlank()) { where.append(" and r.skill = ?"); params.add(skill); }
        long total = jdbc.sql("select count(*) from skill_round r" + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        Map<UUID, Institution> dir = directory.all();
        List<RoundRow> items = jdbc.sql(ROUND_SELECT + where + " order by r.held_on desc, r.id limit ? offset ?").params(pp)
                .query((rs, n) -> roundRow(rs, dir)).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public RoundRow round(UUID id) {
        Map<UUID, Institution> dir = directory.all();
        return jdbc.sql(ROUND_SELECT + " where r.id = ?").param(id).query((rs, n) -> roundRow(rs, dir)).optional()
                .orElseThrow(() -> ApiException.notFound("round", id));
    }

    private RoundRow roundRow(java.sql.ResultSet rs, Map<UUID, Institution> dir) throws java.sql.SQLException {
        String area = rs.getString("area_code");
        Area a = areas.find(area).orElse(new Area(area, area, area, null, null));
        return new RoundRow(rs.getObject("id", UUID.class), rs.getString("title"), Level.valueOf(rs.getString("level")), area, a.nameZh(), a.nameEn(),
                InstitutionRef.of(dir.get(rs.getObject("organiser_id", UUID.class))), rs.getString("skill"), rs.getString("checklist_version"),
                rs.getObject("held_on", LocalDate.class), strings(rs.getArray("assessors")), rs.getObject("reassessment_of", UUID.class),
                rs.getLong("assessed"), rs.getLong("passed"), rs.getLong("version"));
    }

    public RoundDetail detail(UUID id) {
        RoundRow r = round(id);
        boolean manage = directory.byCode(r.organiser().code()).map(o -> access.isStaffOf(o.id())).orElse(false);
        boolean score = access.actor().isSystemAdmin() || r.assessors().contains(access.actor().username());
        List<AssessmentView> list = assessments(" where a.round_id = ? and a.voided_reason is null order by w.full_name", id);
        if (!manage && !score) {
            UUID own = access.actor().institutionId();
            list = list.stream().filter(a -> directory.byCode(a.institution().code()).map(i -> i.id().equals(own) || access.officialCovers(i))
                    .orElse(false)).toList();
        }
        return new RoundDetail(r, checklists.get(r.skill(), r.checklistVersion()), list, score, manage,
                r.reassessmentOf() == null || !(score || manage) ? List.of() : candidates(r.reassessmentOf()));
    }

    public AssessmentView assessment(UUID id) {
        return assessments(" where a.id = ?", id).stream().findFirst().orElseThrow(() -> ApiException.notFound("assessment", id));
    }

    List<AssessmentView> assessments(String where, Object... params) {
        Map<UUID, Institution> dir = directory.all();
        return jdbc.sql("""
                select a.*, a.scores::text as scores_json, w.full_name, w.profession, w.institution_id,
                       (select c.id from training_certificate c where c.assessment_id = a.id and c.revoked_reason is null) as certificate_id
                  from skill_assessment a join training_worker w on w.id = a.worker_id""" + where).params(List.of(params))
                .query((rs, n) -> new AssessmentView(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                        rs.getObject("worker_id", UUID.class), rs.getString("full_name"), Profession.valueOf(rs.getString("profession")),
                        InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))), rs.getString("skill"),
                        rs.getString("checklist_version"), read(rs.getString("scores_json")), rs.getBigDecimal("score"), rs.getBigDecimal("max_score"),
                        rs.getBigDecimal("percent"), rs.getBigDecimal("pass_mark"), rs.getBoolean("passed"), strings(rs.getArray("failed_critical")),
                        rs.getObject("assessed_on", LocalDate.class), rs.getString("assessor"), rs.getString("remarks"),
                        rs.getObject("certificate_id", UUID.class), rs.getLong("version")))
                .list();
    }

    /** Who failed in a round and has not passed the same skill since: to be assessed again (for the round's assessors and organiser). */
    public List<Candidate> candidates(UUID failedRoundId) {
        return reassessments(" and a.round_id = ?", failedRoundId);
    }

    /**
     * Everyone whose latest assessment of a skill failed, across rounds (the re-assessment worklist):
     * a system admin sees all; others the workers of their institution (an official: of her area) and
     * those of rounds their institution organised or they assess.
     */
    public List<Candidate> reassessmentWorklist() {
        List<Candidate> list = reassessments("");
        if (access.actor().isSystemAdmin()) return list;
        UUID own = access.actor().institutionId();
        String me = access.actor().username();
        return list.stream().filter(c -> directory.byCode(c.institution().code()).map(i -> i.id().equals(own) || access.officialCovers(i)).orElse(false)
                || organisedOrAssessed(c.failedRoundId(), own, me)).toList();
    }

    private List<Candidate> reassessments(String extra, Object... params) {
        Map<UUID, Institution> dir = directory.all();
        var list = jdbc.sql("""
                select a.worker_id, w.full_name, w.institution_id, a.skill, a.round_id, r.title, a.assessed_on, a.percent
                  from skill_assessment a join training_worker w on w.id = a.worker_id join skill_round r on r.id = a.round_id
                 where a.voided_reason is null and not a.passed""" + extra + """
                   and not exists (select 1 from skill_assessment b where b.worker_id = a.worker_id and b.skill = a.skill and b.voided_reason is null
                                      and b.passed and b.assessed_on >= a.assessed_on)
                   and not exists (select 1 from skill_assessment b where b.worker_id = a.worker_id and b.skill = a.skill and b.voided_reason is null
                                      and (b.assessed_on > a.assessed_on or (b.assessed_on = a.assessed_on and b.created_at > a.created_at)))
                 order by a.assessed_on desc, w.full_name""").params(List.of(params))
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2), InstitutionRef.of(dir.get(rs.getObject(3, UUID.class))),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getBigDecimal(8)))
                .list();
        return list;
    }

    private boolean organisedOrAssessed(UUID roundId, UUID institution, String username) {
        return jdbc.sql("select count(*) from skill_round where id = ? and (organiser_id = ? or ? = any(assessors))").params(roundId, institution, username)
                .query(Long.class).single() > 0;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, BigDecimal> read(String s) {
        try {
            return json.readValue(s, new TypeReference<java.util.LinkedHashMap<String, BigDecimal>>() {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
