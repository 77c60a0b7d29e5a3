package cn.fuyou.education;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff desk's reads: editors see drafts, everyone else the published library; a woman's assignments are her record. */
@Service
public class EducationDesk {

    private final EducationLibrary library;
    private final EducationAssignments assignments;
    private final EditorPolicy policy;
    private final PersonAccess access;
    private final AuditLog audit;

    EducationDesk(EducationLibrary library, EducationAssignments assignments, EditorPolicy policy, PersonAccess access, AuditLog audit) {
        this.library = library;
        this.assignments = assignments;
        this.policy = policy;
        this.access = access;
        this.audit = audit;
    }

    public PageResult<EducationItem.Summary> search(EducationLibrary.Query q, PageRequest page) {
        if (q.week() != null && (q.week() < 1 || q.week() > 42)) throw ApiException.badField("week", "education.range-bounds", 1, 42);
        if (q.ageMonths() != null && (q.ageMonths() < 0 || q.ageMonths() > 36)) {
            throw ApiException.badField("ageMonths", "education.range-bounds", 0, 36);
        }
        return library.search(q, policy.mayEdit(CurrentActor.get()), page);
    }

    public EducationItem load(UUID id) {
        return library.load(id, policy.mayEdit(CurrentActor.get()));
    }

    public record File(String name, String type, byte[] content) {}

    public File file(UUID id) {
        return library.file(id, policy.mayEdit(CurrentActor.get())).map(f -> new File(f.name(), f.type(), f.content()))
                .orElseThrow(() -> ApiException.notFound("education file", id));
    }

    @Transactional
    public List<EducationAssignments.Assignment> assignedTo(UUID personId) {
        if (!access.canAccess(personId)) {
            audit.recordIndependently(AuditRecord.read("EducationAssignment", personId, personId, false, false, null));
            throw ApiException.forbidden("education.not-entitled");
        }
        audit.recordRead(AuditRecord.read("EducationAssignment", personId, personId, true, false, null));
        return assignments.forPerson(personId);
    }
}
