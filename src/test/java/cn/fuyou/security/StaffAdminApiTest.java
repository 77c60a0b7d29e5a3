package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 2 §3–§4 — staff users linked to an institution with roles; integration tokens. */
class StaffAdminApiTest extends IntegrationTest {

    @Test
    @DisplayName("an institution admin creates a clinician of her own institution, who can then sign in; not an admin, not elsewhere")
    void institutionAdmin() {
        ApiClient admin = signIn("cqfy-admin");
        var ok = admin.post("/api/admin/staff", Map.of("username", "cq-new-midwife", "displayName", "助产士 新", "institutionCode", "CQHCWC",
                "role", "MIDWIFE_NURSE", "password", "a-long-password-1"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(anonymous().login("cq-new-midwife", "a-long-password-1").status()).isEqualTo(200);
        assertThat(admin.post("/api/admin/staff", Map.of("username", "cq-boss", "displayName", "x", "institutionCode", "CQHCWC",
                "role", "SYSTEM_ADMIN", "password", "a-long-password-1")).status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/staff", Map.of("username", "elsewhere", "displayName", "x", "institutionCode", "CQMU-CH",
                "role", "CLINICIAN", "password", "a-long-password-1")).status()).isEqualTo(403);
        var shortPw = admin.post("/api/admin/staff", Map.of("username", "cq-short", "displayName", "x", "institutionCode", "CQHCWC",
                "role", "CLINICIAN", "password", "short"));
        assertThat(shortPw.text("/errors/0/field")).isEqualTo("password");
        assertThat(admin.get("/api/admin/staff").body().findValuesAsText("institutionCode")).allMatch("CQHCWC"::equals);
        assertThat(signIn("cqfy-doctor").get("/api/admin/staff").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("a system admin issues an integration token; it is shown once and works as a bearer token")
    void tokens() {
        var issued = signIn("admin").post("/api/admin/tokens", Map.of("name", "合川区妇幼 EMR", "institutionCode", "MCH-500117", "role", "CLINICIAN",
                "expiresAt", java.time.OffsetDateTime.now().plusDays(90).toString()));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.text("/token");
        assertThat(token).startsWith("fy_");
        assertThat(anonymous().withoutCsrf().withBearer(token).get("/api/auth/me").text("/institutionCode")).isEqualTo("MCH-500117");
        assertThat(signIn("cqfy-admin").post("/api/admin/tokens", Map.of("name", "x", "institutionCode", "CQHCWC", "role", "CLINICIAN")).status())
                .isEqualTo(403);
    }
}
