package cn.fuyou.network;

import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.Attachments;
import cn.fuyou.shared.CurrentActor;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
/** Files sent with a referral or a consultation request (type checked by content). */
@Component
class ReferralAttachments {

    private final JdbcClient jdbc;

    ReferralAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void attach(UUID referralId, UUID consultationId, Referrals.Attachment a, String field) {
        byte[] content;
        try {
            content = Base64.getDecoder().decode(a.base64());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, "附件不是有效的Base64 / the attachment is not valid base64");
        }
        String type = Attachments.mediaType(content, field);
        jdbc.sql("""
                insert into referral_attachment (id, referral_id, consultation_id, file_name, media_type, size_bytes, content, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), referralId, consultationId, a.fileName(), type, content.length, content,
                        CurrentActor.get().username()).update();
    }

    void attachToConsultation(UUID consultationId, Referrals.Attachment a, String field) {
        attach(null, consultationId, a, field);
    }
}
