package cn.fuyou.training;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.training.internal.Directory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The health workers who train, across the network's institutions: with or without a login of their own. */
@Service
public class Workers {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TrainingAccess access;
    private final StaffAccounts staff;
    private final AuditLog audit;

    Workers(JdbcClient jdbc, Directory directory, TrainingAccess access, StaffAccounts staff, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.staff = staff;
        this.audit = audit;
    }

    public record NewWorker(@NotBlank(message = "training.worker.name-required") @Size(max = 50) String fullName,
                            @NotBlank(message = "training.worker.institution-required") String institutionCode,
                            @NotNull(message = "training.worker.profession-required") Profession profession,
                            @Size(max = 64) String staffUsername) {}

    public record WorkerView(UUID id, String fullName, Profession profession, InstitutionRef institution, String staffUsername, long version) {}

    /** Staff register the workers of their own institution (a system admin any). */
    @Transactional
    public WorkerView register(NewWorker w) {
        Institution i = directory.byCode(w.institutionCode())
                .orElseThrow(() -> ApiException.badField("institutionCode", "training.institution.unknown", w.institutionCode()));
        access.requireStaffOf(i.id());
        return insert(w, i);
    }

    /** A walk-in registered by the organiser of the session she enrols in (the caller checked the organiser). */
    WorkerView registerForSession(NewWorker w) {
        Institution i = directory.byCode(w.institutionCode())
                .orElseThrow(() -> ApiException.badField("newWorker.institutionCode", "training.institution.unknown", w.institutionCode()));
        return insert(w, i);
    }

    private WorkerView insert(NewWorker w, Institution i) {
        String username = w.staffUsername() == null || w.staffUsername().isBlank() ? null : w.staffUsername().trim();
        if (username != null) {
            var account = staff.find(username).orElseThrow(() -> ApiException.badField("staffUsername", "training.worker.unknown-login", username));
            if (!account.institutionId().equals(i.id())) throw ApiException.badField("staffUsername", "training.worker.login-elsewhere", username);
            if (jdbc.sql("select count(*) from training_worker where staff_username = ?").param(username).query(Long.class).single() > 0) {
                throw ApiException.conflict("worker-linked", "training.worker.login-taken", Map.of("staffUsername", username));
            }
        }
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("""
                insert into training_worker (id, full_name, institution_id, profession, staff_username, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, w.fullName().trim(), i.id(), w.profession().name(), username, by, by).update();
        audit.record(AuditRecord.write("CREATE", "TrainingWorker", id, null, Map.of("institution", i.code())));
        return new WorkerView(id, w.fullName().trim(), w.profession(), InstitutionRef.of(i), username, 0);
    }

    /** Search by name, institution, profession; an official sees her area's workers only. */
    public PageResult<WorkerView> search(String q, String institutionCode, Profession profession, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q != null && !q.isBlank()) {
            where.append(" and full_name ilike ?");
            params.add("%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (institutionCode != null && !institutionCode.isBlank()) {
            Institution i = directory.byCode(institutionCode)
                    .orElseThrow(() -> ApiException.badField("institution", "training.institution.unknown", institutionCode));
            where.append(" and institution_id = ?");
            params.add(i.id());
        }
        if (profession != null) {
            where.append(" and profession = ?");
            params.add(profession.name());
        }
        Map<UUID, Institution> dir = directory.all();
        Actor actor = access.actor();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            where.append(" and institution_id = any(?)");
            params.add(dir.values().stream().filter(access::officialCovers).map(Institution::id).toArray(UUID[]::new));
        }
        long total = jdbc.sql("select count(*) from training_worker" + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        List<WorkerView> items = jdbc.sql("select * from training_worker" + where + " order by full_name, id limit ? offset ?").params(pp)
                .query((rs, n) -> new WorkerView(rs.getObject("id", UUID.class), rs.getString("full_name"),
                        Profession.valueOf(rs.getString("profession")), InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))),
                        rs.getString("staff_username"), rs.getLong("version"))).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public WorkerView get(UUID id) {
        return jdbc.sql("select * from training_worker where id = ?").param(id)
                .query((rs, n) -> new WorkerView(rs.getObject("id", UUID.class), rs.getString("full_name"),
                        Profession.valueOf(rs.getString("profession")),
                        InstitutionRef.of(directory.byId(rs.getObject("institution_id", UUID.class)).orElse(null)),
                        rs.getString("staff_username"), rs.getLong("version")))
                .optional().orElseThrow(() -> ApiException.notFound("worker", id));
    }

    UUID institutionOf(UUID workerId) {
        return jdbc.sql("select institution_id from training_worker where id = ?").param(workerId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.badField("workerId", "training.worker.unknown", workerId));
    }

    /** She herself, staff of her institution, an official of her area, a system admin. */
    void requireReader(WorkerView w) {
        Actor a = access.actor();
        if (a.isSystemAdmin() || a.username().equals(w.staffUsername())) return;
        Institution i = directory.byCode(w.institution().code()).orElseThrow();
        if (access.isStaffOf(i.id()) || access.officialCovers(i)) return;
        throw ApiException.forbidden("training.forbidden.history");
    }
}
