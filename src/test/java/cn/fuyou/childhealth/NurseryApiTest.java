package cn.fuyou.childhealth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Source: issue 16 §18 (child/nursery endpoints get tests) and the nursery policy table of
 * {@link NurseryAccess} (issue 15 §1): the nursery's own staff manage its licence and staff, the
 * MCH institution whose area covers it inspects it, anyone else is refused; every write audited.
 * NUR-6 is the demo nursery in Yubei (500112), supervised by CQHCWC (an MCH hospital of 500112).
 */
class NurseryApiTest extends IntegrationTest {

    private static final String NURSERY = "NUR-6";

    @Autowired StaffAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    private ApiClient own;
    private ApiClient supervisor;
    private ApiClient stranger;

    @BeforeEach
    void users() {
        if (jdbc.sql("select count(*) from staff_user where username = 'nur6-director'").query(Long.class).single() == 0) {
            accounts.create(new StaffAccounts.NewAccount("nur6-director", encoder.encode("Demo@2026"), "托育园 园长", NURSERY, StaffRole.INSTITUTION_ADMIN, null));
        }
        own = signIn("nur6-director");
        supervisor = signIn("cqfy-doctor");
        stranger = signIn("hc-doctor");
        if (!own.get("/api/nurseries/" + NURSERY).at("/licenceNumber").isTextual()) {
            assertThat(own.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "渝托-500112-0006", "capacity", 60)).status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("a nursery without a recorded licence takes no staff, children or inspections: 409 naming why (was a 400 'reference not found' from a missing row)")
    void unlicensed() {
        ApiClient admin = signIn("admin");
        String code = "NUR-9";
        assertThat(admin.get("/api/nurseries/" + code).at("/licenceNumber").isTextual()).isFalse();
        var staff = admin.post("/api/nurseries/" + code + "/staff", Map.of("name", "张三", "role", "保育员"));
        assertThat(staff.status()).as(staff.toString()).isEqualTo(409);
        assertThat(staff.text("/code")).isEqualTo("nursery-unlicensed");
        var inspection = admin.post("/api/nurseries/" + code + "/inspections", Map.of("kind", "INSPECTION",
                "visitedOn", LocalDate.now(cn.fuyou.shared.ChinaTime.ZONE).toString(), "results", allPassed()));
        assertThat(inspection.status()).isEqualTo(409);
    }

    private long audited(String action, String entityType, String entityId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_type = ? and entity_id = ? and outcome = 'ALLOWED'")
                .params(action, entityType, entityId).query(Long.class).single();
    }

    @Test
    @DisplayName("list: every nursery by name, with its area; one nursery's view")
    void list() {
        var r = supervisor.get("/api/nurseries");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().size()).isEqualTo(10);
        JsonNode nur6 = null;
        for (JsonNode n : r.body()) if (n.path("code").asText().equals(NURSERY)) nur6 = n;
        assertThat(nur6).isNotNull();
        assertThat(nur6.path("nameZh").asText()).contains("托育园");
        assertThat(nur6.path("areaCode").asText()).isEqualTo("500112");
        assertThat(supervisor.get("/api/nurseries/" + NURSERY).text("/code")).isEqualTo(NURSERY);
        assertThat(supervisor.get("/api/nurseries/NO-SUCH").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("licence: the nursery's own staff write it with optimistic locking (version required, stale 409); the supervisor and others 403; capacity checked")
    void licence() {
        long version = own.get("/api/nurseries/" + NURSERY).at("/version").asLong();
        Map<String, Object> body = new HashMap<>(Map.of("licenceNumber", "渝托-500112-0006", "capacity", 80, "ageGroups", List.of("TODDLER_12_24M")));
        body.put("version", version);
        var saved = own.put("/api/nurseries/" + NURSERY + "/licence", body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.text("/licenceNumber")).isEqualTo("渝托-500112-0006");
        assertThat(saved.at("/capacity").asInt()).isEqualTo(80);
        long now = saved.at("/version").asLong();

        var noVersion = own.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "渝托-X", "capacity", 81));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.text("/errors/0/field")).isEqualTo("version");
        var stale = own.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "渝托-X", "capacity", 81, "version", now - 1));
        assertThat(stale.status()).isEqualTo(409);
        var zero = own.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "渝托-X", "capacity", 0, "version", now));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.text("/errors/0/field")).isEqualTo("capacity");
        var next = own.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "渝托-500112-0006", "capacity", 90, "version", now));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.at("/version").asLong()).isEqualTo(now + 1);
        assertThat(next.at("/capacity").asInt()).isEqualTo(90);

        assertThat(supervisor.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "X", "capacity", 5, "version", now + 1)).status())
                .as("the supervising MCH institution inspects, it does not write the licence").isEqualTo(403);
        assertThat(stranger.put("/api/nurseries/" + NURSERY + "/licence", Map.of("licenceNumber", "X", "capacity", 5, "version", now + 1)).status()).isEqualTo(403);
        assertThat(own.get("/api/nurseries/" + NURSERY).at("/capacity").asInt()).isEqualTo(90);
        assertThat(audited("UPDATE", "Nursery", NURSERY)).isGreaterThanOrEqualTo(2);
    }

    private Map<String, Boolean> allPassed() {
        Map<String, Boolean> results = new HashMap<>();
        for (JsonNode item : supervisor.get("/api/nurseries/checklist").at("/items")) results.put(item.path("code").asText(), true);
        assertThat(results).isNotEmpty();
        return results;
    }

    @Test
    @DisplayName("inspection: the supervisor records it against the checklist (every item answered, a failed item needs a deadline, not in the future), marks it rectified; the nursery itself and strangers 403")
    void inspection() {
        Map<String, Boolean> results = allPassed();
        String today = LocalDate.now(cn.fuyou.shared.ChinaTime.ZONE).toString();
        var ok = supervisor.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "INSPECTION", "visitedOn", today, "results", results));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);

        String first = results.keySet().iterator().next();
        Map<String, Boolean> missing = new HashMap<>(results);
        missing.remove(first);
        var unanswered = supervisor.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "INSPECTION", "visitedOn", today, "results", missing));
        assertThat(unanswered.status()).isEqualTo(400);
        assertThat(unanswered.text("/errors/0/field")).isEqualTo("results." + first);

        Map<String, Boolean> failed = new HashMap<>(results);
        failed.put(first, false);
        var noDeadline = supervisor.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "INSPECTION", "visitedOn", today, "results", failed));
        assertThat(noDeadline.status()).isEqualTo(400);
        assertThat(noDeadline.text("/errors/0/field")).isEqualTo("rectificationDue");
        var future = supervisor.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "INSPECTION",
                "visitedOn", LocalDate.parse(today).plusDays(2).toString(), "results", results));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("/errors/0/field")).isEqualTo("visitedOn");

        var withDeadline = supervisor.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "GUIDANCE", "visitedOn", today,
                "results", failed, "rectificationDue", LocalDate.parse(today).plusDays(30).toString()));
        assertThat(withDeadline.status()).as(withDeadline.toString()).isEqualTo(201);
        String id = withDeadline.text("/id");
        assertThat(own.post("/api/nurseries/inspections/" + id + "/rectified", Map.of("on", today)).status())
                .as("the nursery does not sign off its own rectification").isEqualTo(403);
        assertThat(supervisor.post("/api/nurseries/inspections/" + id + "/rectified", Map.of("on", today)).status()).isEqualTo(204);
        JsonNode listed = null;
        for (JsonNode x : supervisor.get("/api/nurseries/" + NURSERY + "/inspections").body()) if (x.path("id").asText().equals(id)) listed = x;
        assertThat(listed).isNotNull();
        assertThat(listed.path("rectifiedOn").asText()).isEqualTo(today);
        assertThat(listed.path("results").path(first).asBoolean()).isFalse();

        assertThat(own.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "INSPECTION", "visitedOn", today, "results", results)).status())
                .as("a nursery does not inspect itself").isEqualTo(403);
        assertThat(stranger.post("/api/nurseries/" + NURSERY + "/inspections", Map.of("kind", "INSPECTION", "visitedOn", today, "results", results)).status())
                .isEqualTo(403);
        assertThat(audited("CREATE", "NurseryInspection", ok.text("/id"))).isEqualTo(1);
        assertThat(audited("RECTIFIED", "NurseryInspection", id)).isEqualTo(1);
    }

    @Test
    @DisplayName("staff: the nursery's own staff add a carer with certificates (listed); name required; the supervisor and strangers 403")
    void staff() {
        String name = "保育员" + System.nanoTime() % 100000;
        var added = own.post("/api/nurseries/" + NURSERY + "/staff", Map.of("name", name, "role", "保育员",
                "certificates", List.of(Map.of("title", "保育员证", "issuedOn", "2024-03-01"))));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode listed = null;
        for (JsonNode s : own.get("/api/nurseries/" + NURSERY + "/staff").body()) if (s.path("name").asText().equals(name)) listed = s;
        assertThat(listed).isNotNull();
        assertThat(listed.path("certificates").path(0).path("title").asText()).isEqualTo("保育员证");
        var blank = own.post("/api/nurseries/" + NURSERY + "/staff", Map.of("name", "", "role", "保育员"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("/errors/0/field")).isEqualTo("name");
        assertThat(supervisor.post("/api/nurseries/" + NURSERY + "/staff", Map.of("name", "X", "role", "保育员")).status()).isEqualTo(403);
        assertThat(stranger.post("/api/nurseries/" + NURSERY + "/staff", Map.of("name", "X", "role", "保育员")).status()).isEqualTo(403);
        assertThat(audited("CREATE", "NurseryStaff", added.text("/id"))).isEqualTo(1);
    }
}
