package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.Attachments;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.internal.Directory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MCH specialty alliance's capability programme, run by its lead institution: council meetings
 * (members present, minutes, decisions with owners), the capability-improvement plan with targets per
 * member and their progress, grassroots training and coaching visits, and each member's cooperation
 * agreement as a document. The lead writes; a member updates the progress of its own targets.
 */
@Service
public class AllianceProgramme {

    public enum Measure { STAFF_TRAINED, MIDWIVES_ASSESSED, SKILL_PASS_RATE, COACHING_VISITS, REFERRALS_RECEIVED, OTHER }

    public enum VisitKind { TRAINING, COACHING }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TrainingAccess access;
    private final AuditLog audit;
    private final String leadCode;

    AllianceProgramme(JdbcClient jdbc, Directory directory, TrainingAccess access, AuditLog audit,
                      @Value("${fuyou.training.alliance-lead:CQHCWC}") String leadCode) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.leadCode = leadCode;
    }

    private UUID lead() {
        return directory.byCode(leadCode).map(Institution::id).orElseThrow(() -> new IllegalStateException("alliance lead " + leadCode + " unknown"));
    }

    public boolean canLead() {
        return access.isStaffOf(lead());
    }

    private void requireLead() {
        if (!canLead()) throw ApiException.forbidden("training.forbidden.alliance");
    }

    private UUID member(String code, String field) {
        Institution i = directory.byCode(code).orElseThrow(() -> ApiException.badField(field, "training.institution.unknown", code));
        if (i.alliance() == null || i.alliance().status() == null) throw ApiException.badField(field, "training.alliance.not-member", code);
        return i.id();
    }

    // --- council meetings ---

    public record DecisionForm(@NotBlank(message = "training.alliance.decision-required") @Size(max = 1000) String text, String ownerCode,
                               @Size(max = 50) String ownerName, LocalDate dueOn) {}

    public record MeetingForm(@NotNull(message = "training.alliance.held-required") LocalDate heldOn,
                              @NotBlank(message = "training.alliance.title-required") @Size(max = 200) String title, @Size(max = 200) String place,
                              List<String> present,
                              @NotBlank(message = "training.alliance.minutes-required") @Size(max = 20000) String minutes,
                              @Valid List<DecisionForm> decisions) {}

    public record Decision(UUID id, String text, InstitutionRef owner, String ownerName, LocalDate dueOn, LocalDate doneOn, boolean overdue, long version) {}

    public record Meeting(UUID id, LocalDate heldOn, String title, String place, List<InstitutionRef> present, String minutes, List<Decision> decisions,
                          long version) {}

    @Transactional
    public UUID recordMeeting(MeetingForm f) {
        requireLead();
        if (f.heldOn().isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("heldOn", "training.date-future");
        List<UUID> present = new ArrayList<>();
        List<String> codes = f.present() == null ? List.of() : f.present();
        for (int k = 0; k < codes.size(); k++) present.add(member(codes.get(k), "present[" + k + "]"));
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("insert into alliance_meeting (id, held_on, title, place, present, minutes, created_by, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, f.heldOn(), f.title().trim(), f.place(), present.stream().distinct().toArray(UUID[]::new), f.minutes(), by, by).update();
        List<DecisionForm> decisions = f.decisions() == null ? List.of() : f.decisions();
        for (int k = 0; k < decisions.size(); k++) {
            DecisionForm d = decisions.get(k);
            UUID owner = d.ownerCode() == null || d.ownerCode().isBlank() ? null : member(d.ownerCode(), "decisions[" + k + "].ownerCode");
            if (d.dueOn() != null && d.dueOn().isBefore(f.heldOn())) throw ApiException.badField("decisions[" + k + "].dueOn", "training.alliance.due-before-meeting");
            jdbc.sql("insert into alliance_decision (id, meeting_id, text, owner_institution_id, owner_name, due_on, changed_by) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), id, d.text().trim(), owner, d.ownerName(), d.dueOn(), by).update();
        }
        audit.record(AuditRecord.write("CREATE", "AllianceMeeting", id, null, Map.of("decisions", decisions.size())));
        return id;
    }

    @Transactional
    public void decisionDone(UUID decisionId, LocalDate doneOn, Long version) {
        record D(UUID owner, long version) {}
        D d = jdbc.sql("select owner_institution_id as owner, version from alliance_decision where id = ?").param(decisionId).query(D.class).optional()
                .orElseThrow(() -> ApiException.notFound("decision", decisionId));
        if (!canLead() && !(d.owner() != null && access.isStaffOf(d.owner()))) throw ApiException.forbidden("training.forbidden.alliance");
        if (version == null) throw ApiException.badField("version", "training.version-required");
        LocalDate on = doneOn == null ? LocalDate.now(ChinaTime.ZONE) : doneOn;
        if (on.isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("doneOn", "training.date-future");
        int n = jdbc.sql("update alliance_decision set done_on = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(on, access.actor().username(), decisionId, version).update();
        if (n == 0) throw ApiException.staleVersion("decision", decisionId, version, d.version());
        audit.record(AuditRecord.write("DONE", "AllianceDecision", decisionId, null, Map.of()));
    }

    public PageResult<Meeting> meetings(PageRequest page) {
        var dir = directory.all();
        long total = jdbc.sql("select count(*) from alliance_meeting").query(Long.class).single();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        List<Meeting> items = jdbc.sql("select * from alliance_meeting order by held_on desc, id limit ? offset ?").params(page.size(), page.offset())
                .query((rs, n) -> new Meeting(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class), rs.getString("title"),
                        rs.getString("place"), uuids(rs.getArray("present")).stream().map(id -> InstitutionRef.of(dir.get(id))).toList(),
                        rs.getString("minutes"), List.of(), rs.getLong("version"))).list();
        List<Meeting> full = items.stream().map(m -> new Meeting(m.id(), m.heldOn(), m.title(), m.place(), m.present(), m.minutes(),
                jdbc.sql("select * from alliance_decision where meeting_id = ? order by due_on nulls last, id").param(m.id())
                        .query((rs, n) -> {
                            LocalDate due = rs.getObject("due_on", LocalDate.class);
                            LocalDate done = rs.getObject("done_on", LocalDate.class);
                            return new Decision(rs.getObject("id", UUID.class), rs.getString("text"),
                                    InstitutionRef.of(dir.get(rs.getObject("owner_institution_id", UUID.class))), rs.getString("owner_name"), due, done,
                                    done == null && due != null && due.isBefore(today), rs.getLong("version"));
                        }).list(), m.version())).toList();
        return new PageResult<>(full, total, page.page(), page.size());
    }

    // --- capability-improvement plan ---

    public record TargetForm(@NotNull @Min(value = 2015, message = "training.alliance.year-range") @Max(value = 2100, message = "training.alliance.year-range") Integer planYear,
                             @NotBlank(message = "training.alliance.member-required") String institutionCode,
                             @NotNull(message = "training.alliance.measure-required") Measure measure,
                             @NotBlank(message = "training.alliance.description-required") @Size(max = 300) String description,
                             @NotNull @DecimalMin(value = "0.1", message = "training.alliance.target-positive") BigDecimal target) {}

    public record Target(UUID id, int planYear, InstitutionRef institution, Measure measure, String description, BigDecimal target, BigDecimal progress,
                         BigDecimal percent, boolean canUpdate, long version) {}

    @Transactional
    public UUID setTarget(TargetForm f) {
        requireLead();
        UUID m = member(f.institutionCode(), "institutionCode");
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into capability_target (id, plan_year, institution_id, measure, description, target, changed_by) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, f.planYear(), m, f.measure().name(), f.description().trim(), f.target(), access.actor().username()).update();
        } catch (org.springframework.dao.DuplicateKeyException dup) {
            throw ApiException.conflict("target-exists", "training.alliance.target-exists", Map.of());
        }
        audit.record(AuditRecord.write("CREATE", "CapabilityTarget", id, null, Map.of("member", f.institutionCode())));
        return id;
    }

    @Transactional
    public void progress(UUID targetId, BigDecimal progress, Long version) {
        record T(UUID institution, long version) {}
        T t = jdbc.sql("select institution_id as institution, version from capability_target where id = ?").param(targetId).query(T.class).optional()
                .orElseThrow(() -> ApiException.notFound("target", targetId));
        if (!canLead() && !access.isStaffOf(t.institution())) throw ApiException.forbidden("training.forbidden.alliance");
        if (progress == null || progress.signum() < 0) throw ApiException.badField("progress", "training.alliance.progress-range");
        if (version == null) throw ApiException.badField("version", "training.version-required");
        int n = jdbc.sql("update capability_target set progress = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(progress, access.actor().username(), targetId, version).update();
        if (n == 0) throw ApiException.staleVersion("target", targetId, version, t.version());
        audit.record(AuditRecord.write("PROGRESS", "CapabilityTarget", targetId, null, Map.of("progress", progress)));
    }

    public List<Target> plan(int year) {
        var dir = directory.all();
        boolean lead = canLead();
        return jdbc.sql("select * from capability_target where plan_year = ? order by measure, target desc").param(year)
                .query((rs, n) -> {
                    BigDecimal target = rs.getBigDecimal("target");
                    BigDecimal progress = rs.getBigDecimal("progress");
                    UUID inst = rs.getObject("institution_id", UUID.class);
                    return new Target(rs.getObject("id", UUID.class), rs.getInt("plan_year"), InstitutionRef.of(dir.get(inst)),
                            Measure.valueOf(rs.getString("measure")), rs.getString("description"), target, progress,
                            progress.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP), lead || access.isStaffOf(inst),
                            rs.getLong("version"));
                }).list();
    }

    // --- grassroots training and coaching visits ---

    public record VisitForm(@NotBlank(message = "training.alliance.member-required") String institutionCode,
                            @NotNull(message = "training.alliance.held-required") LocalDate visitedOn,
                            @NotNull VisitKind kind, @NotBlank(message = "training.alliance.team-required") @Size(max = 500) String team,
                            @NotBlank(message = "training.alliance.topics-required") @Size(max = 1000) String topics, @Size(max = 4000) String findings,
                            @Min(value = 0, message = "training.alliance.trainees-range") @Max(value = 10000, message = "training.alliance.trainees-range") Integer trainees) {}

    public record Visit(UUID id, InstitutionRef institution, LocalDate visitedOn, VisitKind kind, String team, String topics, String findings, int trainees) {}

    @Transactional
    public UUID recordVisit(VisitForm f) {
        requireLead();
        UUID m = member(f.institutionCode(), "institutionCode");
        if (f.visitedOn().isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("visitedOn", "training.date-future");
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into coaching_visit (id, institution_id, visited_on, kind, team, topics, findings, trainees, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, m, f.visitedOn(), f.kind().name(), f.team().trim(), f.topics().trim(), f.findings(), f.trainees() == null ? 0 : f.trainees(),
                        access.actor().username()).update();
        audit.record(AuditRecord.write("CREATE", "CoachingVisit", id, null, Map.of("member", f.institutionCode())));
        return id;
    }

    public PageResult<Visit> visits(String institutionCode, PageRequest page) {
        var dir = directory.all();
        UUID only = institutionCode == null || institutionCode.isBlank() ? null : member(institutionCode, "institution");
        String where = only == null ? "" : " where institution_id = ?";
        List<Object> params = only == null ? List.of() : List.of(only);
        long total = jdbc.sql("select count(*) from coaching_visit" + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        return new PageResult<>(jdbc.sql("select * from coaching_visit" + where + " order by visited_on desc, id limit ? offset ?").params(pp)
                .query((rs, n) -> new Visit(rs.getObject("id", UUID.class), InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))),
                        rs.getObject("visited_on", LocalDate.class), VisitKind.valueOf(rs.getString("kind")), rs.getString("team"),
                        rs.getString("topics"), rs.getString("findings"), rs.getInt("trainees"))).list(), total, page.page(), page.size());
    }

    // --- agreements as documents ---

    public record Agreement(UUID id, String title, LocalDate signedOn, LocalDate expiresOn, String mediaType, String fileName, String legacyText,
                            boolean hasFile) {}

    public record Member(InstitutionRef institution, String status, LocalDate joined, Agreement agreement, long targets, long visits) {}

    public List<Member> members() {
        return directory.allianceMembers().stream().map(i -> new Member(InstitutionRef.of(i), i.alliance().status(), i.alliance().joined(),
                currentAgreement(i.id()),
                jdbc.sql("select count(*) from capability_target where institution_id = ?").param(i.id()).query(Long.class).single(),
                jdbc.sql("select count(*) from coaching_visit where institution_id = ?").param(i.id()).query(Long.class).single())).toList();
    }

    private Agreement currentAgreement(UUID institution) {
        return jdbc.sql("""
                select id, title, signed_on, expires_on, media_type, file_name, legacy_text, content is not null from alliance_agreement
                 where institution_id = ? and superseded_by is null order by created_at desc limit 1""").param(institution)
                .query((rs, n) -> new Agreement(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8))).optional().orElse(null);
    }

    /** Stores a member's signed agreement (PDF/PNG/JPEG by content); it supersedes the one before (or the former text). */
    @Transactional
    public UUID uploadAgreement(String institutionCode, String title, LocalDate signedOn, LocalDate expiresOn, String fileName, byte[] content) {
        requireLead();
        UUID m = member(institutionCode, "institutionCode");
        String type = Attachments.mediaType(content, "file");
        if (title == null || title.isBlank()) throw ApiException.badField("title", "training.alliance.title-required");
        if (signedOn != null && signedOn.isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("signedOn", "training.date-future");
        if (signedOn != null && expiresOn != null && !expiresOn.isAfter(signedOn)) throw ApiException.badField("expiresOn", "training.alliance.expires-before-signed");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into alliance_agreement (id, institution_id, title, signed_on, expires_on, media_type, content, file_name, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, m, title.trim(), signedOn, expiresOn, type, content, fileName, access.actor().username()).update();
        jdbc.sql("update alliance_agreement set superseded_by = ?, version = version + 1 where institution_id = ? and id <> ? and superseded_by is null")
                .params(id, m, id).update();
        audit.record(AuditRecord.write("UPLOAD", "AllianceAgreement", id, null, Map.of("member", institutionCode, "bytes", content.length)));
        return id;
    }

    public record File(String name, String mediaType, byte[] content) {}

    public File agreementFile(UUID id) {
        return jdbc.sql("select coalesce(file_name, title), media_type, content from alliance_agreement where id = ? and content is not null").param(id)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> ApiException.notFound("agreement", id));
    }

    /** A member's former agreement text becomes its first (document-less) agreement, once (V90 did this for existing data; demo data after). */
    @Transactional
    public int importLegacyTexts() {
        int n = 0;
        for (Institution i : directory.allianceMembers()) {
            if (i.alliance().agreement() == null || i.alliance().agreement().isBlank()) continue;
            if (jdbc.sql("select count(*) from alliance_agreement where institution_id = ?").param(i.id()).query(Long.class).single() > 0) continue;
            jdbc.sql("insert into alliance_agreement (id, institution_id, title, signed_on, legacy_text, created_by) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), i.id(), i.alliance().agreement(), i.alliance().joined(), i.alliance().agreement(), "system").update();
            n++;
        }
        return n;
    }

    private static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((UUID[]) a.getArray());
    }
}
