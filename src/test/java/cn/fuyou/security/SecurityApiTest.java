package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Source: issue 2 §4 — login, lockout, CSRF, integration tokens. */
class SecurityApiTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApiTokens tokens;
    @Autowired TransactionTemplate tx;

    @Test
    @DisplayName("passwords are stored as bcrypt hashes")
    void bcrypt() {
        String hash = jdbc.sql("select password_hash from staff_user where username = 'cqfy-doctor'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2");
    }

    @Test
    @DisplayName("5 wrong passwords lock the account: even the right password is refused — and (follow-up of issue 2 §4 / 15 §4) "
            + "the locked account answers exactly as an unknown user or a wrong password does, so the answer reveals no account")
    void lockout() {
        String user = "lockme";
        jdbc.sql("""
                insert into staff_user (id, username, password_hash, display_name, institution_id, role, created_by, changed_by)
                select gen_random_uuid(), ?, ?, 'Lock Test', id, 'CLINICIAN', 'test', 'test' from institution where code = 'CQHCWC'""")
                .params(user, encoder.encode("Right-Password-1")).update();
        ApiClient c = anonymous();
        var unknown = c.login("nobody-" + user, "wrong0");
        for (int i = 1; i <= 4; i++) {
            var r = c.login(user, "wrong" + i);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(unknown.body());
        }
        var fifth = c.login(user, "wrong5");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.body()).as("the failure that locks answers as any other").isEqualTo(unknown.body());
        var right = c.login(user, "Right-Password-1");
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body()).as("locked: the same code and message as an unknown user").isEqualTo(unknown.body());
        assertThat(right.text("/code")).isEqualTo("bad-credentials");
        assertThat(right.body().has("lockedUntil")).isFalse();
        // the lock holds, and the trail tells what the answer does not
        assertThat(jdbc.sql("select locked_until from staff_user where username = ?").param(user).query(OffsetDateTime.class).single())
                .isAfter(OffsetDateTime.now().plusMinutes(14));
        assertThat(jdbc.sql("select reason from audit_event where action = 'LOGIN' and outcome = 'DENIED' and username = ? order by id")
                .param(user).query(String.class).list())
                .hasSize(6).endsWith("locked").element(4).asString().startsWith("bad password; locked until");
    }

    @Test
    @DisplayName("unknown users get the same answer as wrong passwords")
    void unknownUser() {
        var r = anonymous().login("nobody-here", "whatever");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text("/code")).isEqualTo("bad-credentials");
    }

    @Test
    @DisplayName("a session write without the CSRF header is refused (403 csrf); with it, accepted")
    void csrf() {
        ApiClient c = signIn("admin");
        var without = c.withoutCsrf().post("/api/persons/merges", Map.of());
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.text("/code")).isEqualTo("csrf");
    }

    @Test
    @DisplayName("the API needs a login (401 problem+json); logout ends the session")
    void unauthenticated() {
        var r = anonymous().get("/api/persons");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).contains("application/problem+json");
        ApiClient c = signIn("cqfy-doctor");
        assertThat(c.get("/api/auth/me").text("/institutionCode")).isEqualTo("CQHCWC");
        assertThat(c.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(c.get("/api/persons").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("an integration token works without a session or CSRF; a wrong token is 401")
    void bearerToken() {
        var issued = tx.execute(s -> tokens.issue("EMR of CQHCWC",
                jdbc.sql("select id from institution where code = 'CQHCWC'").query(java.util.UUID.class).single(),
                StaffRole.CLINICIAN, null));
        ApiClient emr = anonymous().withoutCsrf().withBearer(issued.token());
        assertThat(emr.get("/api/persons?q=" + cn.fuyou.registry.internal.DemoData.SHOWCASE_ID_NUMBER).at("/total").asLong()).isEqualTo(1);
        assertThat(emr.post("/api/persons", Map.of("familyName", "x")).status()).as("no CSRF needed; validation answers").isEqualTo(400);
        assertThat(anonymous().withBearer("fy_not-a-real-token").get("/api/persons").status()).isEqualTo(401);
        assertThat(jdbc.sql("select token_hash from api_token where id = ?").param(issued.id()).query(String.class).single())
                .isNotEqualTo(issued.token()).hasSize(64);
    }

    @Test
    @DisplayName("role checks: a clinician cannot search the audit trail or edit an institution")
    void roles() {
        ApiClient doctor = signIn("cqfy-doctor");
        assertThat(doctor.get("/api/audit").status()).isEqualTo(403);
        var own = cn.fuyou.registry.InstitutionApiTest.editable(doctor.get("/api/institutions/CQHCWC").body());
        assertThat(doctor.put("/api/institutions/CQHCWC", own).status()).isEqualTo(403);
        assertThat(doctor.put("/api/institutions/CQHCWC", Map.of()).status()).as("403 before validation").isEqualTo(403);
    }
}
