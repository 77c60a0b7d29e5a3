package cn.fuyou.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which institutions hold a person's record: granted at registration, care and referral, ended when a referral closes. */
@Service
public class Entitlements {

    private final JdbcClient jdbc;

    Entitlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants an institution access to a person (registration, care, referral). */
    @Transactional
    public void entitle(UUID personId, UUID institutionId, String reason) {
        if (institutionId == null) return;
        // A grant that ended (a closed referral) starts again.
        jdbc.sql("""
                insert into person_institution (person_id, institution_id, reason) values (?, ?, ?)
                on conflict (person_id, institution_id, reason) do update set until = null, since = now()
                 where person_institution.until is not null""")
                .params(personId, institutionId, reason).update();
    }

    /** Ends an institution's access granted for a reason (e.g. when a referral closes). */
    @Transactional
    public void revoke(UUID personId, UUID institutionId, String reason) {
        jdbc.sql("update person_institution set until = now() where person_id = ? and institution_id = ? and reason = ? and until is null")
                .params(personId, institutionId, reason).update();
    }

    /** The persons an institution holds now (its bulk export). */
    public List<UUID> personsHeldBy(UUID institutionId) {
        return jdbc.sql("select distinct person_id from person_institution where institution_id = ? and (until is null or until > now())")
                .param(institutionId).query(UUID.class).list();
    }
}
