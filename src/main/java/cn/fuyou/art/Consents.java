package cn.fuyou.art;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.Attachments;
import cn.fuyou.shared.ChinaTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed consents a cycle needs, stored as files checked by their content (PDF, PNG, JPEG,
 * ≤ 10 MB, {@link Attachments}); a cycle does not start without them ({@link #required}).
 */
@Service
public class Consents {

    public static final List<String> KINDS = List.of("ART_TREATMENT", "IVF_ET", "ICSI", "EMBRYO_FREEZING", "DONOR_GAMETES", "IUI");

    private final JdbcClient jdbc;
    private final ArtStaff staff;
    private final Couples couples;
    private final AuditLog audit;

    Consents(JdbcClient jdbc, ArtStaff staff, Couples couples, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.couples = couples;
        this.audit = audit;
    }

    /** The consents a cycle of this type and these gametes needs (the national ART consent forms). */
    public static Set<String> required(String cycleType, String gametes) {
        Set<String> r = new LinkedHashSet<>();
        r.add("ART_TREATMENT");
        switch (cycleType) {
            case "IVF" -> r.add("IVF_ET");
            case "ICSI" -> { r.add("IVF_ET"); r.add("ICSI"); }
            case "FET" -> { r.add("IVF_ET"); r.add("EMBRYO_FREEZING"); }
            case "IUI" -> r.add("IUI");
            default -> { }
        }
        if (gametes != null && !"OWN".equals(gametes)) r.add("DONOR_GAMETES");
        return r;
    }

    /** The kinds required and not on file for the couple. */
    List<String> missing(UUID coupleId, String cycleType, String gametes) {
        Set<String> have = Set.copyOf(jdbc.sql("select distinct kind from art_consent where couple_id = ? and voided_at is null")
                .param(coupleId).query(String.class).list());
        List<String> missing = new ArrayList<>();
        for (String k : required(cycleType, gametes)) if (!have.contains(k)) missing.add(k);
        return missing;
    }

    @Transactional
    public Couples.Consent upload(UUID coupleId, String kind, LocalDate signedOn, String fileName, byte[] content) {
        Actor actor = staff.centreOrMember();
        UUID woman = couples.womanOf(coupleId);
        staff.entitled(woman, "ArtCouple", coupleId);
        if (kind == null || !KINDS.contains(kind)) throw ApiException.badField("kind", "art.consent.kind");
        if (signedOn == null) throw ApiException.badField("signedOn", "art.consent.signed-required");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (signedOn.isAfter(today)) throw ApiException.badField("signedOn", "shared.error.date-in-future", "signedOn", today);
        String mediaType = Attachments.mediaType(content, "file");
        String name = fileName == null || fileName.isBlank() ? kind : fileName.strip();
        if (name.length() > 200) name = name.substring(0, 200);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into art_consent (id, couple_id, kind, signed_on, file_name, media_type, size_bytes, content, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, coupleId, kind, signedOn, name, mediaType, content.length, content, actor.username()).update();
        jdbc.sql("update art_couple set version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), coupleId).update();
        audit.record(AuditRecord.write("CONSENT", "ArtCouple", coupleId, woman, Map.of("kind", kind, "consentId", id.toString())));
        return new Couples.Consent(id, kind, signedOn, name, mediaType, content.length);
    }

    public record File(String fileName, String mediaType, byte[] content) {}

    /** The signed form, read like the record it belongs to (audited). */
    @Transactional
    public File file(UUID consentId) {
        record Row(UUID coupleId, String fileName, String mediaType, byte[] content) {}
        Row row = jdbc.sql("select couple_id, file_name, media_type, content from art_consent where id = ? and voided_at is null")
                .param(consentId).query(Row.class).optional().orElseThrow(() -> ApiException.notFound("consent", consentId));
        UUID woman = couples.womanOf(row.coupleId());
        staff.entitled(woman, "ArtConsent", consentId);
        audit.recordRead(AuditRecord.read("ArtConsent", consentId, woman, true, false, null));
        return new File(row.fileName(), row.mediaType(), row.content());
    }
}
