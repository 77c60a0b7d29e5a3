package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.internal.Directory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Graduate students and fellows by programme and supervisor, rotating through divisions (the Children's Hospital, the ART training base). */
@Service
public class Trainees {

    public enum Kind { MASTER, DOCTORATE, FELLOWSHIP, RESIDENCY, ART_BASE }

    public enum Status { ACTIVE, COMPLETED, WITHDRAWN }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TrainingAccess access;
    private final Workers workers;
    private final AuditLog audit;

    Trainees(JdbcClient jdbc, Directory directory, TrainingAccess access, Workers workers, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.workers = workers;
        this.audit = audit;
    }

    public record ProgrammeForm(@NotBlank(message = "training.trainee.programme-name-required") @Size(max = 200) String name,
                                @NotNull(message = "training.trainee.kind-required") Kind kind,
                                @NotNull @Min(value = 1, message = "training.trainee.years-range") @Max(value = 8, message = "training.trainee.years-range") Integer years) {}

    public record Programme(UUID id, String name, Kind kind, InstitutionRef institution, int years, long active, long total, boolean canEdit) {}

    @Transactional
    public UUID createProgramme(ProgrammeForm f) {
        Institution at = directory.byId(access.actor().institutionId()).orElseThrow(() -> ApiException.forbidden("training.forbidden.institution"));
        access.requireStaffOf(at.id());
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("insert into trainee_programme (id, name, kind, institution_id, years, created_by, changed_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, f.name().trim(), f.kind().name(), at.id(), f.years(), by, by).update();
        audit.record(AuditRecord.write("CREATE", "TraineeProgramme", id, null, Map.of()));
        return id;
    }

    public List<Programme> programmes() {
        var dir = directory.all();
        return jdbc.sql("""
                select p.*, (select count(*) from trainee t where t.programme_id = p.id and t.status = 'ACTIVE') as active,
                       (select count(*) from trainee t where t.programme_id = p.id) as total from trainee_programme p order by p.name""")
                .query((rs, n) -> new Programme(rs.getObject("id", UUID.class), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
                        InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))), rs.getInt("years"), rs.getLong("active"),
                        rs.getLong("total"), access.isStaffOf(rs.getObject("institution_id", UUID.class)))).list();
    }

    public record TraineeForm(@NotNull(message = "training.trainee.programme-required") UUID programmeId,
                              @NotBlank(message = "training.worker.name-required") @Size(max = 50) String fullName,
                              @NotNull(message = "training.worker.profession-required") Profession profession,
                              @NotBlank(message = "training.trainee.supervisor-required") @Size(max = 50) String supervisor,
                              @NotNull(message = "training.trainee.starts-required") LocalDate startsOn,
                              @NotNull(message = "training.trainee.ends-required") LocalDate endsOn) {}

    public record Rotation(UUID id, String division, LocalDate startsOn, LocalDate endsOn, String supervisor, String evaluation) {}

    public record Trainee(UUID id, UUID workerId, String fullName, UUID programmeId, String programme, Kind kind, InstitutionRef institution,
                          String supervisor, LocalDate startsOn, LocalDate endsOn, Status status, List<Rotation> rotations, long version) {}

    @Transactional
    public UUID register(TraineeForm f) {
        UUID at = jdbc.sql("select institution_id from trainee_programme where id = ?").param(f.programmeId()).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.badField("programmeId", "training.trainee.programme-unknown"));
        access.requireStaffOf(at);
        if (!f.endsOn().isAfter(f.startsOn())) throw ApiException.badField("endsOn", "training.session.ends-before-starts");
        Institution i = directory.byId(at).orElseThrow();
        UUID worker = workers.registerForSession(new Workers.NewWorker(f.fullName(), i.code(), f.profession(), null)).id();
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("insert into trainee (id, worker_id, programme_id, supervisor, starts_on, ends_on, created_by, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, worker, f.programmeId(), f.supervisor().trim(), f.startsOn(), f.endsOn(), by, by).update();
        audit.record(AuditRecord.write("CREATE", "Trainee", id, null, Map.of("programme", f.programmeId().toString())));
        return id;
    }

    public record RotationForm(@NotBlank(message = "training.trainee.division-required") @Size(max = 100) String division,
                               @NotNull(message = "training.session.starts-required") LocalDate startsOn,
                               @NotNull(message = "training.session.ends-required") LocalDate endsOn,
                               @Size(max = 50) String supervisor, @Size(max = 2000) String evaluation) {}

    @Transactional
    public UUID addRotation(UUID traineeId, RotationForm f) {
        UUID at = jdbc.sql("select p.institution_id from trainee t join trainee_programme p on p.id = t.programme_id where t.id = ?").param(traineeId)
                .query(UUID.class).optional().orElseThrow(() -> ApiException.notFound("trainee", traineeId));
        access.requireStaffOf(at);
        if (f.endsOn().isBefore(f.startsOn())) throw ApiException.badField("endsOn", "training.session.ends-before-starts");
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into trainee_rotation (id, trainee_id, division, starts_on, ends_on, supervisor, evaluation, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, traineeId, f.division().trim(), f.startsOn(), f.endsOn(), f.supervisor(), f.evaluation(), access.actor().username()).update();
        audit.record(AuditRecord.write("ROTATION", "Trainee", traineeId, null, Map.of("division", f.division())));
        return id;
    }

    @Transactional
    public void setStatus(UUID traineeId, Status status, Long version) {
        if (status == null) throw ApiException.badField("status", "shared.error.required");
        UUID at = jdbc.sql("select p.institution_id from trainee t join trainee_programme p on p.id = t.programme_id where t.id = ?").param(traineeId)
                .query(UUID.class).optional().orElseThrow(() -> ApiException.notFound("trainee", traineeId));
        access.requireStaffOf(at);
        if (version == null) throw ApiException.badField("version", "training.version-required");
        int n = jdbc.sql("update trainee set status = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?")
                .params(status.name(), access.actor().username(), traineeId, version).update();
        if (n == 0) {
            long current = jdbc.sql("select version from trainee where id = ?").param(traineeId).query(Long.class).single();
            throw ApiException.staleVersion("trainee", traineeId, version, current);
        }
        audit.record(AuditRecord.write("STATUS", "Trainee", traineeId, null, Map.of("status", status.name())));
    }

    public PageResult<Trainee> search(String q, UUID programmeId, String supervisor, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q != null && !q.isBlank()) { where.append(" and w.full_name ilike ?"); params.add("%" + q.trim().replace("%", "\\%") + "%"); }
        if (programmeId != null) { where.append(" and t.programme_id = ?"); params.add(programmeId); }
        if (supervisor != null && !supervisor.isBlank()) { where.append(" and t.supervisor ilike ?"); params.add("%" + supervisor.trim().replace("%", "\\%") + "%"); }
        // a programme's trainees (with their supervisors' evaluations) are its institution's: others see their own,
        // officials their area's, the system admin all
        var dir = directory.all();
        var actor = access.actor();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            where.append(" and p.institution_id = any(?)");
            params.add(dir.values().stream().filter(access::officialCovers).map(cn.fuyou.registry.Institution::id).toArray(UUID[]::new));
        } else if (actor.role() != StaffRole.SYSTEM_ADMIN) {
            where.append(" and p.institution_id = ?");
            params.add(actor.institutionId());
        }
        String from = " from trainee t join training_worker w on w.id = t.worker_id join trainee_programme p on p.id = t.programme_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        List<Trainee> rows = jdbc.sql("select t.*, w.full_name, p.name as programme, p.kind, p.institution_id" + from + where
                        + " order by t.starts_on desc, w.full_name limit ? offset ?").params(pp)
                .query((rs, n) -> new Trainee(rs.getObject("id", UUID.class), rs.getObject("worker_id", UUID.class), rs.getString("full_name"),
                        rs.getObject("programme_id", UUID.class), rs.getString("programme"), Kind.valueOf(rs.getString("kind")),
                        InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))), rs.getString("supervisor"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), Status.valueOf(rs.getString("status")),
                        List.of(), rs.getLong("version"))).list();
        List<Trainee> withRotations = rows.stream().map(t -> new Trainee(t.id(), t.workerId(), t.fullName(), t.programmeId(), t.programme(), t.kind(),
                t.institution(), t.supervisor(), t.startsOn(), t.endsOn(), t.status(),
                jdbc.sql("select id, division, starts_on, ends_on, supervisor, evaluation from trainee_rotation where trainee_id = ? order by starts_on")
                        .param(t.id()).query((rs, n) -> new Rotation(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6))).list(), t.version())).toList();
        return new PageResult<>(withRotations, total, page.page(), page.size());
    }
}
