package cn.fuyou.mother;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 §1: the mother's app — activation with the printed code, her password, lockout, her own record
 * only (every other record refused through any API or FHIR path, 403 and audited), reminders and education.
 */
class MotherAppApiTest extends IntegrationTest {

    static final String SHOWCASE = "500112199203151248";
    static final String PREGNANT = "50010319950812026X";

    @Autowired JdbcClient jdbc;

    UUID person(String idNumber) {
        return jdbc.sql("select id from person where id_number = ?").param(idNumber).query(UUID.class).single();
    }

    ApiClient mother(String idNumber) {
        ApiClient c = anonymous();
        c.get("/api/mother/me"); // an XSRF cookie first
        var r = c.post("/api/mother/auth/login", Map.of("idNumber", idNumber, "password", "Demo@2026"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return c;
    }

    @Test
    void sheActivatesWithThePrintedCodeAndSetsHerPassword() {
        UUID woman = person(SHOWCASE);
        var doctor = signIn("cqfy-doctor");
        var issued = doctor.post("/api/mother-accounts/" + woman + "/activation-code", Map.of());
        assertThat(issued.status()).isEqualTo(201);
        String code = issued.text("/code");
        assertThat(code).hasSize(8);
        // another institution cannot print her code; officials never
        assertThat(signIn("hc-doctor").post("/api/mother-accounts/" + woman + "/activation-code", Map.of()).status()).isEqualTo(403);
        assertThat(signIn("official-cq").post("/api/mother-accounts/" + woman + "/activation-code", Map.of()).status()).isEqualTo(403);

        ApiClient app = anonymous();
        app.get("/api/mother/me");
        assertThat(app.post("/api/mother/auth/activate", Map.of("idNumber", SHOWCASE, "code", "WRONG123", "password", "Xiuying2026"))
                .status()).isEqualTo(401);
        var weak = app.post("/api/mother/auth/activate", Map.of("idNumber", SHOWCASE, "code", code, "password", "12345678"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().toString()).contains("password");
        var ok = app.post("/api/mother/auth/activate", Map.of("idNumber", SHOWCASE, "code", code.toLowerCase(), "password", "Xiuying2026"));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(app.get("/api/mother/home").text("/name")).isEqualTo("李秀英");
        // the code is used up; the new password works, the demo one no longer does
        assertThat(anonymous().post("/api/mother/auth/activate", Map.of("idNumber", SHOWCASE, "code", code, "password", "Another2026"))
                .status()).isIn(401, 403);
        ApiClient again = anonymous();
        again.get("/api/mother/me");
        assertThat(again.post("/api/mother/auth/login", Map.of("idNumber", SHOWCASE, "password", "Xiuying2026")).status()).isEqualTo(200);
        // put the demo password back for the other tests
        jdbc.sql("update mother_account set password_hash = (select password_hash from mother_account m join person p on p.id = m.person_id "
                + "where p.id_number = ?) where person_id = ?").params(PREGNANT, woman).update();
        assertThat(doctor.get("/api/mother-accounts/" + woman).at("/activated").asBoolean()).isTrue();
    }

    @Test
    void sheSeesHerWeekNextVisitPlainResultsRiskAndEducation() {
        ApiClient app = mother(PREGNANT);
        JsonNode p = app.get("/api/mother/pregnancy").body();
        assertThat(p.at("/weeks").asInt()).isEqualTo(24);
        assertThat(p.at("/nextVisit/code").asText()).isEqualTo("3"); // clinical-rules.md §2: 3rd visit 21–24 weeks
        assertThat(p.at("/nextVisit/status").asText()).isEqualTo("DUE");
        List<String> results = new ArrayList<>();
        p.at("/results").forEach(r -> results.add(r.get("code").asText() + ":" + r.get("level").asText()));
        assertThat(results).contains("HEMOGLOBIN:ATTENTION", "BLOOD_PRESSURE:NORMAL", "HIV:NORMAL"); // Hb 104 < 110 (§1)
        assertThat(p.at("/colour").asText()).isEqualTo("YELLOW");
        assertThat(p.at("/requiredLevel").asInt()).isEqualTo(2);
        assertThat(p.toString()).doesNotContain("ANAEMIA").doesNotContain("HEMOGLOBIN\",\"level\":\"ATTENTION\",\"factor");
        JsonNode edu = app.get("/api/mother/education").body();
        assertThat(edu.at("/week").asInt()).isEqualTo(24);
        assertThat(edu.at("/forWeek")).isNotEmpty();
        String item = edu.at("/forWeek/0/id").asText();
        assertThat(app.get("/api/mother/education/" + item).text("/html")).contains("<h1>");
        // reminders: the due visit is in her inbox, and its text went to the SMS outbox (recording gateway)
        app.get("/api/mother/home");
        List<String> kinds = new ArrayList<>();
        app.get("/api/mother/inbox").body().forEach(m -> kinds.add(m.get("kind").asText()));
        assertThat(kinds).contains("ANTENATAL_DUE");
        var outbox = signIn("cqfy-doctor").get("/api/mother-accounts/" + person(PREGNANT) + "/sms-outbox").body();
        assertThat(outbox.get(0).get("status").asText()).isEqualTo("RECORDED");
        assertThat(outbox.get(0).get("text").asText()).contains("第3次产前检查");
    }

    @Test
    void sheSeesOnlyHerOwnRecordAndHerChildren() {
        UUID me = person(SHOWCASE);
        ApiClient app = mother(SHOWCASE);
        JsonNode home = app.get("/api/mother/home").body();
        String daughter = home.at("/children/0/childId").asText();
        assertThat(home.at("/children/0/name").asText()).endsWith("小雨");
        JsonNode child = app.get("/api/mother/children/" + daughter).body();
        assertThat(child.at("/growth")).isNotEmpty();

        UUID other = person(PREGNANT);
        UUID otherChild = jdbc.sql("select child_id from child_record where child_id <> ? limit 1").param(UUID.fromString(daughter))
                .query(UUID.class).single();
        long deniedBefore = denied(me);
        // her app's paths: another child
        assertThat(app.get("/api/mother/children/" + otherChild).status()).isEqualTo(403);
        // every staff API and FHIR path, even for her own record
        for (String path : List.of("/api/persons/" + other, "/api/persons/" + me, "/api/persons?q=张晓燕", "/api/children/" + otherChild,
                "/api/children/" + daughter, "/api/pregnancies?womanId=" + other, "/api/education/assignments?personId=" + me,
                "/api/mother-accounts/" + other, "/fhir/Patient/" + other, "/fhir/Patient?identifier=" + PREGNANT,
                "/fhir/Observation?subject=Patient/" + otherChild, "/api/maternal/home-visits", "/api/audit", "/cds-services", "/actuator/info")) {
            assertThat(app.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(app.post("/fhir/Patient/_search", Map.of()).status()).isEqualTo(403);
        assertThat(app.post("/cds-services/fuyou-risk", Map.of()).status()).isEqualTo(403);
        assertThat(denied(me)).isGreaterThanOrEqualTo(deniedBefore + 15);
        // staff cannot use her app's API (and still reach what a signed-in staff member reaches, e.g. actuator info)
        assertThat(signIn("cqfy-doctor").get("/api/mother/home").status()).isEqualTo(403);
        assertThat(signIn("cqfy-doctor").get("/actuator/info").status()).isEqualTo(200);
    }

    private long denied(UUID me) {
        return jdbc.sql("select count(*) from audit_event where username = ? and outcome = 'DENIED'").param("mother:" + me)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("issue 12 §1: repeated wrong passwords lock her account as for staff; (follow-up) the lock answers exactly as an unknown "
            + "ID number or a wrong password — 401, same code and message — so the answer never tells that an account exists; locking audited")
    void repeatedWrongPasswordsLockHerAccountAsForStaff() {
        UUID woman = person(PREGNANT);
        ApiClient app = anonymous();
        app.get("/api/mother/me");
        var unknown = app.post("/api/mother/auth/login", Map.of("idNumber", "110101199001011237", "password", "wrong0abc"));
        assertThat(unknown.status()).isEqualTo(401);
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(app.post("/api/mother/auth/login", Map.of("idNumber", PREGNANT, "password", "wrong" + i + "abc")).body());
        }
        var r = app.post("/api/mother/auth/login", Map.of("idNumber", PREGNANT, "password", "Demo@2026"));
        boolean locked = jdbc.sql("select locked_until > now() from mother_account where person_id = ?").param(woman).query(Boolean.class).single();
        List<String> reasons = jdbc.sql("select reason from audit_event where username = ? and action = 'LOGIN' and outcome = 'DENIED' "
                + "order by id desc limit 2").param("mother:" + woman).query(String.class).list();
        jdbc.sql("update mother_account set locked_until = null, failed_attempts = 0 where person_id = ?").param(woman).update();
        assertThat(locked).as("the account is locked").isTrue();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).as("locked, right password: the answer of an unknown ID number").isEqualTo(unknown.body());
        assertThat(r.text("/code")).isEqualTo("bad-credentials");
        assertThat(answers).as("every wrong password, the locking one too").allMatch(unknown.body()::equals);
        assertThat(reasons.get(0)).isEqualTo("locked");
        assertThat(reasons.get(1)).startsWith("bad password; locked until");
    }
}
