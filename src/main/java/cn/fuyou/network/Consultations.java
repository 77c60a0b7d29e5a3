package cn.fuyou.network;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remote consultation: a member institution asks a centre about a case; a specialist answers; the
 * thread continues; the opinion is filed. The infertility remote workstation is one consultation type.
 */
@Service
public class Consultations {

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final ReferralAttachments attachments;
    private final AuditLog audit;

    Consultations(JdbcClient jdbc, Institutions institutions, PersonAccess access, Entitlements entitlements, ReferralAttachments attachments, AuditLog audit) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.access = access;
        this.entitlements = entitlements;
        this.attachments = attachments;
        this.audit = audit;
    }

    public record NewConsultation(@NotNull @Pattern(regexp = "GENERAL_MCH|INFERTILITY_REMOTE_WORKSTATION") String type, UUID personId,
                                  @NotBlank(message = "咨询机构必填 / toInstitutionCode is required") String toInstitutionCode,
                                  @NotBlank(message = "病情摘要必填 / summary is required") @Size(max = 4000) String summary,
                                  @NotBlank(message = "问题必填 / question is required") @Size(max = 2000) String question,
                                  @Size(max = 5) List<Referrals.Attachment> attachments) {}

    public record Message(OffsetDateTime at, String byUser, String body) {}

    public record View(UUID id, String type, UUID personId, String fromInstitutionCode, String toInstitutionCode, String summary,
                       String question, String status, String opinion, OffsetDateTime answeredAt, String answeredBy,
                       OffsetDateTime createdAt, String createdBy, List<Message> messages) {}

    @Transactional
    public View ask(NewConsultation c) {
        Actor actor = CurrentActor.get();
        Institution to = institutions.find(c.toInstitutionCode())
                .orElseThrow(() -> ApiException.badField("toInstitutionCode", "未知机构 / unknown institution"));
        if (c.personId() != null) {
            if (!access.canAccess(c.personId())) throw ApiException.forbidden("无权查看此人员 / not entitled to this person");
            entitlements.entitle(c.personId(), to.id(), "REFERRED");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into consultation (id, type, person_id, from_institution_id, to_institution_id, summary, question, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, c.type(), c.personId(), actor.institutionId(), to.id(), c.summary(), c.question(), actor.username()).update();
        if (c.attachments() != null) {
            for (int i = 0; i < c.attachments().size(); i++) attachments.attachToConsultation(id, c.attachments().get(i), "attachments[" + i + "]");
        }
        audit.record(AuditRecord.write("CREATE", "Consultation", id, c.personId(), Map.of("to", to.code(), "type", c.type())));
        return get(id);
    }

    @Transactional
    public View post(UUID id, String body) {
        if (body == null || body.isBlank()) throw ApiException.badField("body", "内容必填 / body is required");
        View v = get(id);
        Actor actor = CurrentActor.get();
        jdbc.sql("insert into consultation_message (consultation_id, by_user, by_institution, body) values (?, ?, ?, ?)")
                .params(id, actor.username(), actor.institutionId(), body.strip()).update();
        audit.record(AuditRecord.write("MESSAGE", "Consultation", id, v.personId(), Map.of()));
        return get(id);
    }

    /** The specialist's opinion, filed with the case; only the consulted centre gives it. */
    @Transactional
    public View answer(UUID id, String opinion) {
        if (opinion == null || opinion.isBlank()) throw ApiException.badField("opinion", "会诊意见必填 / the opinion is required");
        View v = get(id);
        Actor actor = CurrentActor.get();
        if (!v.toInstitutionCode().equals(actor.institutionCode())) throw ApiException.forbidden("只有被咨询机构可以答复 / only the consulted centre answers");
        jdbc.sql("update consultation set status = 'ANSWERED', opinion = ?, answered_at = now(), answered_by = ?, version = version + 1 where id = ?")
                .params(opinion.strip(), actor.username(), id).update();
        audit.record(AuditRecord.write("ANSWER", "Consultation", id, v.personId(), Map.of()));
        return get(id);
    }

    /** One consultation as its reader opens it: a read of her record when it is about a person, audited. */
    @org.springframework.transaction.annotation.Transactional
    public View open(UUID id) {
        View v = get(id);
        if (v.personId() != null) audit.recordRead(AuditRecord.read("Consultation", id, v.personId(), true, false, null));
        return v;
    }

    public View get(UUID id) {
        Actor actor = CurrentActor.get();
        var messages = jdbc.sql("select at, by_user, body from consultation_message where consultation_id = ? order by at, id").param(id)
                .query((rs, n) -> new Message(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3))).list();
        View v = jdbc.sql("select * from consultation where id = ?").param(id).query((rs, n) -> new View(rs.getObject("id", UUID.class),
                        rs.getString("type"), rs.getObject("person_id", UUID.class),
                        institutions.findById(rs.getObject("from_institution_id", UUID.class)).orElseThrow().code(),
                        institutions.findById(rs.getObject("to_institution_id", UUID.class)).orElseThrow().code(), rs.getString("summary"),
                        rs.getString("question"), rs.getString("status"), rs.getString("opinion"),
                        rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), messages))
                .optional().orElseThrow(() -> ApiException.notFound("consultation", id));
        if (!actor.isSystemAdmin() && !v.fromInstitutionCode().equals(actor.institutionCode()) && !v.toInstitutionCode().equals(actor.institutionCode())) {
            throw ApiException.forbidden("只有双方机构可查看 / only the two institutions may see it");
        }
        return v;
    }

    public List<View> mine(String direction) {
        Actor actor = CurrentActor.get();
        String col = "outgoing".equalsIgnoreCase(direction) ? "from_institution_id" : "to_institution_id";
        return jdbc.sql("select id from consultation where " + col + " = ? order by created_at desc limit 200")
                .param(actor.institutionId()).query(UUID.class).list().stream().map(this::get).toList();
    }
}
