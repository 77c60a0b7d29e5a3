package cn.fuyou.registry;

import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Mother-of and partner-of links between persons. */
@Service
class PersonLinks {

    private final JdbcClient jdbc;

    PersonLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void link(UUID from, UUID to, String kind, String field) {
        if (from == null) return;
        if (jdbc.sql("select count(*) from person where id = ? and voided_at is null").param(from).query(Long.class).single() == 0) {
            throw ApiException.badField(field, "关联人员不存在 / linked person not found");
        }
        if (kind.equals("MOTHER_OF") && !"F".equals(jdbc.sql("select sex from person where id = ?").param(from).query(String.class).single())) {
            throw ApiException.badField(field, "母亲须为女性 / the mother must be female");
        }
        jdbc.sql("insert into person_link (id, person_id, related_person_id, kind, created_by) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), from, to, kind, CurrentActor.orSystem().username()).update();
    }
}
