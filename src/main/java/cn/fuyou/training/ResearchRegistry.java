package cn.fuyou.training;

import static cn.fuyou.shared.Rows.strings;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.internal.Directory;
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

/** The research registry of the infant-care guidance centre and the ART centre: projects (funder, period, team) and outputs (papers, textbooks). */
@Service
public class ResearchRegistry {

    public enum Centre { INFANT_CARE_GUIDANCE_CENTRE, ART_CENTRE, OTHER }

    public enum OutputKind { PAPER, TEXTBOOK, STANDARD, PATENT }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TrainingAccess access;
    private final AuditLog audit;

    ResearchRegistry(JdbcClient jdbc, Directory directory, TrainingAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
    }

    public record ProjectForm(@NotBlank(message = "training.research.title-required") @Size(max = 300) String title,
                              @NotBlank(message = "training.research.funder-required") @Size(max = 200) String funder,
                              @Size(max = 60) String grantNumber,
                              @NotNull(message = "training.research.centre-required") Centre centre,
                              @NotNull(message = "training.session.starts-required") LocalDate startsOn,
                              @NotNull(message = "training.session.ends-required") LocalDate endsOn,
                              @NotBlank(message = "training.research.lead-required") @Size(max = 50) String lead,
                              @Size(max = 30) List<@Size(max = 50) String> team, Long version) {}

    public record Project(UUID id, String title, String funder, String grantNumber, Centre centre, InstitutionRef institution, LocalDate startsOn,
                          LocalDate endsOn, String lead, List<String> team, long outputs, boolean canEdit, long version) {}

    public record OutputForm(UUID projectId, @NotNull(message = "training.research.kind-required") OutputKind kind,
                             @NotBlank(message = "training.research.title-required") @Size(max = 400) String title,
                             @NotBlank(message = "training.research.authors-required") @Size(max = 1000) String authors,
                             @Size(max = 200) String venue,
                             @NotNull(message = "training.research.published-required") LocalDate publishedOn,
                             @Size(max = 100) String identifier) {}

    public record Output(UUID id, UUID projectId, String projectTitle, OutputKind kind, String title, String authors, String venue,
                         LocalDate publishedOn, String identifier, InstitutionRef institution) {}

    @Transactional
    public UUID createProject(ProjectForm f) {
        Institution at = directory.byId(access.actor().institutionId()).orElseThrow(() -> ApiException.forbidden("training.forbidden.institution"));
        access.requireStaffOf(at.id());
        if (f.endsOn().isBefore(f.startsOn())) throw ApiException.badField("endsOn", "training.session.ends-before-starts");
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("""
                insert into research_project (id, title, funder, grant_number, institution_id, centre, starts_on, ends_on, lead, team, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.title().trim(), f.funder().trim(), f.grantNumber(), at.id(), f.centre().name(), f.startsOn(), f.endsOn(), f.lead().trim(),
                        f.team() == null ? new String[0] : f.team().stream().map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new), by, by)
                .update();
        audit.record(AuditRecord.write("CREATE", "ResearchProject", id, null, Map.of()));
        return id;
    }

    @Transactional
    public UUID addOutput(OutputForm f) {
        UUID at;
        if (f.projectId() != null) {
            at = jdbc.sql("select institution_id from research_project where id = ?").param(f.projectId()).query(UUID.class).optional()
                    .orElseThrow(() -> ApiException.badField("projectId", "training.research.project-unknown"));
        } else {
            at = access.actor().institutionId();
        }
        access.requireStaffOf(at);
        if (f.publishedOn().isAfter(LocalDate.now(ChinaTime.ZONE))) throw ApiException.badField("publishedOn", "training.date-future");
        UUID id = UUID.randomUUID();
        String by = access.actor().username();
        jdbc.sql("""
                insert into research_output (id, project_id, institution_id, kind, title, authors, venue, published_on, identifier, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.projectId(), at, f.kind().name(), f.title().trim(), f.authors().trim(), f.venue(), f.publishedOn(), f.identifier(), by, by)
                .update();
        audit.record(AuditRecord.write("CREATE", "ResearchOutput", id, null, Map.of("kind", f.kind().name())));
        return id;
    }

    public PageResult<Project> projects(String q, Centre centre, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q != null && !q.isBlank()) {
            where.append(" and (p.title ilike ? or p.lead ilike ? or p.funder ilike ?)");
            String like = "%" + q.trim().replace("%", "\\%") + "%";
            params.addAll(List.of(like, like, like));
        }
        if (centre != null) { where.append(" and p.centre = ?"); params.add(centre.name()); }
        long total = jdbc.sql("select count(*) from research_project p" + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var dir = directory.all();
        List<Project> items = jdbc.sql("select p.*, (select count(*) from research_output o where o.project_id = p.id) as outputs from research_project p"
                        + where + " order by p.starts_on desc, p.id limit ? offset ?").params(pp)
                .query((rs, n) -> new Project(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("funder"), rs.getString("grant_number"),
                        Centre.valueOf(rs.getString("centre")), InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("lead"),
                        strings(rs.getArray("team")), rs.getLong("outputs"), access.isStaffOf(rs.getObject("institution_id", UUID.class)), rs.getLong("version")))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public PageResult<Output> outputs(String q, OutputKind kind, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (q != null && !q.isBlank()) {
            where.append(" and (o.title ilike ? or o.authors ilike ?)");
            String like = "%" + q.trim().replace("%", "\\%") + "%";
            params.addAll(List.of(like, like));
        }
        if (kind != null) { where.append(" and o.kind = ?"); params.add(kind.name()); }
        long total = jdbc.sql("select count(*) from research_output o" + where).params(params).query(Long.class).single();
        var pp = new ArrayList<>(params);
        pp.add(page.size());
        pp.add(page.offset());
        var dir = directory.all();
        List<Output> items = jdbc.sql("select o.*, p.title as project_title from research_output o left join research_project p on p.id = o.project_id"
                        + where + " order by o.published_on desc, o.id limit ? offset ?").params(pp)
                .query((rs, n) -> new Output(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("project_title"),
                        OutputKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("authors"), rs.getString("venue"),
                        rs.getObject("published_on", LocalDate.class), rs.getString("identifier"),
                        InstitutionRef.of(dir.get(rs.getObject("institution_id", UUID.class))))).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
