package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Source: issue 15 §4 — sessions end when an account is disabled or its role changes; tokens and CDS clients are managed. */
class SessionsAndTokensTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    private String newClinician(String institution) {
        String user = "sess-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into staff_user (id, username, password_hash, display_name, institution_id, role, created_by, changed_by)
                select gen_random_uuid(), ?, ?, 'Session Test', id, 'CLINICIAN', 'test', 'test' from institution where code = ?""")
                .params(user, encoder.encode("Demo@2026"), institution).update();
        return user;
    }

    @Test
    @DisplayName("disabling an account ends its open session at once (401 session-ended), not at the next sign-in")
    void disableEndsSession() {
        String user = newClinician("CQHCWC");
        ApiClient doctor = signIn(user);
        assertThat(doctor.get("/api/persons").status()).isEqualTo(200);
        var r = signIn("cqfy-admin").post("/api/admin/staff/" + user + "/enabled", Map.of("enabled", false));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var after = doctor.get("/api/persons");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.text("/code")).isEqualTo("session-ended");
        assertThat(doctor.get("/api/persons").status()).as("the session is gone for good").isEqualTo(401);
    }

    @Test
    @DisplayName("changing an account's role ends its sessions; a sign-in afterwards gets the new role")
    void roleChangeEndsSession() {
        String user = newClinician("CQHCWC");
        ApiClient c = signIn(user);
        assertThat(c.get("/api/auth/me").text("/role")).isEqualTo("CLINICIAN");
        jdbc.sql("update staff_user set role = 'MIDWIFE_NURSE' where username = ?").param(user).update();
        assertThat(c.get("/api/persons").status()).isEqualTo(401);
        assertThat(signIn(user).get("/api/auth/me").text("/role")).isEqualTo("MIDWIFE_NURSE");
    }

    @Test
    @DisplayName("an institution admin cannot enable or disable the system admin, officials, other admins or other institutions' staff")
    void institutionAdminLimits() {
        ApiClient instAdmin = signIn("cqfy-admin");
        for (String other : new String[] {"admin", "official-cq", "official-jb", "hc-doctor"}) {
            assertThat(instAdmin.post("/api/admin/staff/" + other + "/enabled", Map.of("enabled", false)).status()).as(other).isEqualTo(403);
        }
        assertThat(jdbc.sql("select bool_and(enabled) from staff_user where username in ('admin', 'official-cq', 'official-jb', 'hc-doctor')")
                .query(Boolean.class).single()).isTrue();
        String own = newClinician("CQHCWC");
        assertThat(instAdmin.post("/api/admin/staff/" + own + "/enabled", Map.of("enabled", false)).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("tokens: expiry required and in the future; listed without secret; a revoked token is 401 at once")
    void tokens() {
        ApiClient admin = signIn("admin");
        var none = admin.post("/api/admin/tokens", Map.of("name", "x", "institutionCode", "CQHCWC", "role", "CLINICIAN"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text("/errors/0/field")).isEqualTo("expiresAt");
        var past = admin.post("/api/admin/tokens", Map.of("name", "x", "institutionCode", "CQHCWC", "role", "CLINICIAN",
                "expiresAt", OffsetDateTime.now().minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/errors/0/field")).isEqualTo("expiresAt");
        var issued = admin.post("/api/admin/tokens", Map.of("name", "EMR revoke test", "institutionCode", "CQHCWC", "role", "CLINICIAN",
                "expiresAt", OffsetDateTime.now().plusDays(30).toString()));
        assertThat(issued.status()).isEqualTo(201);
        String id = issued.text("/id");
        ApiClient emr = anonymous().withoutCsrf().withBearer(issued.text("/token"));
        assertThat(emr.get("/api/persons").status()).isEqualTo(200);

        var list = admin.get("/api/admin/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("id")).contains(id);
        assertThat(list.body().toString()).doesNotContain(issued.text("/token")).doesNotContain("token_hash");
        assertThat(signIn("cqfy-admin").get("/api/admin/tokens").status()).isEqualTo(403);

        assertThat(admin.post("/api/admin/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(200);
        assertThat(emr.get("/api/persons").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REVOKE' and entity_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static String jwt(RSAKey key, String iss, String aud, String jti) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud).jwtID(jti)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000)).build();
        SignedJWT t = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
        t.sign(new RSASSASigner(key));
        return t.serialize();
    }

    private static final String BODY = "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID() + "\",\"context\":{\"patientId\":\"1\"},"
            + "\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1985-01-01\"}}}";

    @Test
    @DisplayName("CDS Hooks: a JWT's jti is accepted once (replay 401), a JWT without jti is 401; clients are listed and revocable")
    void cdsClients() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("emr-r").generate();
        String iss = "https://emr.replay.example/" + UUID.randomUUID();
        @SuppressWarnings("unchecked")
        Map<String, Object> jwks = new ObjectMapper().readValue("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}", Map.class);
        ApiClient admin = signIn("admin");
        var reg = admin.post("/api/admin/cds-clients", Map.of("iss", iss, "name", "replay EMR", "institutionCode", "CQHCWC", "jwks", jwks));
        assertThat(reg.status()).isEqualTo(201);
        String aud = "http://localhost:" + port + "/cds-services/fuyou-pregnancy-risk";

        String once = jwt(key, iss, aud, UUID.randomUUID().toString());
        assertThat(anonymous().withoutCsrf().withBearer(once).postRaw("/cds-services/fuyou-pregnancy-risk", BODY).status()).isEqualTo(200);
        var replay = anonymous().withoutCsrf().withBearer(once).postRaw("/cds-services/fuyou-pregnancy-risk", BODY);
        assertThat(replay.status()).as("the same jti again").isEqualTo(401);
        assertThat(anonymous().withoutCsrf().withBearer(jwt(key, iss, aud, null)).postRaw("/cds-services/fuyou-pregnancy-risk", BODY)
                .status()).as("no jti").isEqualTo(401);

        assertThat(admin.get("/api/admin/cds-clients").body().findValuesAsText("iss")).contains(iss);
        assertThat(admin.post("/api/admin/cds-clients/" + reg.text("/id") + "/revoke", Map.of()).status()).isEqualTo(200);
        assertThat(anonymous().withoutCsrf().withBearer(jwt(key, iss, aud, UUID.randomUUID().toString()))
                .postRaw("/cds-services/fuyou-pregnancy-risk", BODY).status()).as("revoked client").isEqualTo(401);
    }
}
