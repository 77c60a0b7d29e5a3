package cn.fuyou.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 19 item 5 — audit rows show people, institutions and staff by name, not ids and codes. */
class AuditNamesApiTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("an admin gets the names of a page's people, institutions and staff; a clinician may not ask")
    void namesForTheTrail() {
        String person = jdbc.sql("select id::text from person where voided_at is null order by id limit 1").query(String.class).single();
        String staffName = jdbc.sql("select display_name from staff_user where username = 'hc-doctor'").query(String.class).single();
        String instZh = jdbc.sql("select name_zh from institution where code = 'CQHCWC'").query(String.class).single();
        String personName = jdbc.sql("select full_name from person where id = ?::uuid").param(person).query(String.class).single();

        ApiClient admin = signIn("admin");
        var r = admin.get("/api/audit/names?person=" + person + "&institution=CQHCWC&institution=NOPE&staff=hc-doctor&staff=nobody");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/persons/" + person)).isEqualTo(personName);
        assertThat(r.text("/institutions/CQHCWC/nameZh")).isEqualTo(instZh);
        assertThat(r.at("/institutions/NOPE").isMissingNode()).isTrue();
        assertThat(r.text("/staff/hc-doctor")).isEqualTo(staffName);
        assertThat(r.at("/staff/nobody").isMissingNode()).isTrue();

        assertThat(signIn("hc-doctor").get("/api/audit/names?staff=admin").status()).isEqualTo(403);
    }
}
