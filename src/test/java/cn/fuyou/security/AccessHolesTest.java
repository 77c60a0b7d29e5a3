package cn.fuyou.security;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 15 §1 — the write holes found by trying as an attacker would; each answered 2xx before the fix. */
class AccessHolesTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private String womanWithPregnancy(ApiClient doctor, String given) {
        var w = doctor.post("/api/persons", PersonApiTest.woman("严", given, null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(Map.of("womanId", w.text("/id"), "gravida", 1, "para", 0,
                "lmp", LocalDate.now(ChinaTime.ZONE).minusDays(90).toString()));
        var p = doctor.post("/api/pregnancies", body);
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        return p.text("/id");
    }

    @Test
    @DisplayName("PMTCT case writes need the caller's right to the mother's record: another institution gets 403, nothing changes")
    void pmtctOtherInstitution() {
        ApiClient doctor = signIn("cqfy-doctor");
        String pregnancy = womanWithPregnancy(doctor, "岚");
        var r = doctor.post("/api/pregnancies/" + pregnancy + "/contacts",
                Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hiv", "POSITIVE"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String caseId = r.text("/pmtct/0/id");
        long version = r.at("/pmtct/0/version").asLong();
        var other = signIn("hc-doctor").put("/api/pmtct-cases/" + caseId, Map.of("treatment", "篡改", "version", version));
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(jdbc.sql("select treatment from pmtct_case where id = ?").param(UUID.fromString(caseId)).query(String.class).optional()
                .orElse(null)).isNull();
        assertThat(signIn("official-cq").put("/api/pmtct-cases/" + caseId, Map.of("treatment", "x", "version", version)).status())
                .as("officials write no clinical records").isEqualTo(403);
        assertThat(doctor.put("/api/pmtct-cases/" + caseId, Map.of("treatment", "ART", "version", version)).status()).isBetween(200, 204);
    }

    @Test
    @DisplayName("PMTCT infant items: completing another institution's item is 403")
    void pmtctItemOtherInstitution() {
        UUID item = jdbc.sql("select id from pmtct_infant_item limit 1").query(UUID.class).optional().orElse(null);
        String path = "/api/pmtct-items/" + (item == null ? UUID.randomUUID() : item) + "/complete";
        var r = signIn("hc-doctor").post(path, Map.of("doneAt", java.time.OffsetDateTime.now().minusHours(1).toString()));
        assertThat(r.status()).as(r.toString()).isIn(403, 404);
        if (item != null) assertThat(r.status()).isEqualTo(403);
    }

    @Test
    @DisplayName("regional officials write no clinical record: correct a person, add a contact, end a pregnancy, refer, FHIR PUT → 403")
    void officialsAreReadMostly() {
        ApiClient doctor = signIn("cqfy-doctor");
        String pregnancy = womanWithPregnancy(doctor, "黛");
        String woman = doctor.get("/api/pregnancies/" + pregnancy).text("/womanId");
        ApiClient official = signIn("official-cq");
        assertThat(official.put("/api/persons/" + woman, PersonApiTest.woman("严", "黛", null)).status()).isEqualTo(403);
        assertThat(official.post("/api/pregnancies/" + pregnancy + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString())).status())
                .isEqualTo(403);
        assertThat(official.post("/api/pregnancies/" + pregnancy + "/end", Map.of("outcome", "MISCARRIAGE", "outcomeDate", LocalDate.now(ChinaTime.ZONE).toString(),
                "version", 0)).status()).isEqualTo(403);
        assertThat(official.post("/api/referrals", Map.of("personId", woman, "toInstitution", "CQHCWC", "urgency", "ROUTINE",
                "reason", "x")).status()).isEqualTo(403);
        assertThat(official.put("/fhir/Patient/" + woman, Map.of("resourceType", "Patient")).status()).isEqualTo(403);
        assertThat(official.post("/api/persons", PersonApiTest.woman("严", "官", null)).status()).isEqualTo(403);
        assertThat(official.get("/api/maternal/cases?size=5").status()).as("case lists stay open to officials").isEqualTo(200);
    }

    @Test
    @DisplayName("nurseries: a user of an unrelated institution cannot list a nursery's children or write its licence, staff or inspections")
    void nurseries() {
        String nursery = jdbc.sql("select code from institution where type = 'NURSERY' and area_code = '500103' limit 1").query(String.class).single();
        ApiClient stranger = signIn("hc-doctor");
        assertThat(stranger.get("/api/nurseries/" + nursery + "/children").status()).isEqualTo(403);
        assertThat(stranger.put("/api/nurseries/" + nursery + "/licence", Map.of("licenceNumber", "X-1", "capacity", 50)).status()).isEqualTo(403);
        assertThat(stranger.post("/api/nurseries/" + nursery + "/staff", Map.of("name", "张三", "role", "保健员")).status()).isEqualTo(403);
        assertThat(stranger.post("/api/nurseries/" + nursery + "/inspections", Map.of("kind", "INSPECTION", "visitedOn", LocalDate.now(ChinaTime.ZONE).toString(),
                "results", Map.of())).status()).isEqualTo(403);
        assertThat(signIn("official-cq").get("/api/nurseries/" + nursery + "/children").status())
                .as("officials see aggregates, not children's names in bulk").isEqualTo(403);
        assertThat(signIn("admin").get("/api/nurseries/" + nursery + "/children").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a break-glass grant does not become a permanent entitlement after one write: when the grant ends, so does access")
    void breakGlassIsNotAnEntitlement() {
        ApiClient doctor = signIn("cqfy-doctor");
        String pregnancy = womanWithPregnancy(doctor, "碧");
        String woman = doctor.get("/api/pregnancies/" + pregnancy).text("/womanId");
        ApiClient er = signIn("etyy-doctor");
        assertThat(er.get("/api/persons/" + woman).status()).isEqualTo(403);
        assertThat(er.post("/api/persons/" + woman + "/break-glass", Map.of("reason", "急诊抢救，需要查看孕期记录")).status()).isEqualTo(200);
        var write = er.post("/api/pregnancies/" + pregnancy + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "weightKg", 60));
        assertThat(write.status()).as(write.toString()).isEqualTo(201);
        jdbc.sql("update break_glass_grant set expires_at = now() - interval '1 second' where person_id = ?").param(UUID.fromString(woman)).update();
        assertThat(er.get("/api/persons/" + woman).status()).as("grant over: no access left").isEqualTo(403);
        assertThat(jdbc.sql("""
                select count(*) from person_institution pi join institution i on i.id = pi.institution_id
                 where pi.person_id = ? and i.id = (select institution_id from staff_user where username = 'etyy-doctor')
                   and (pi.until is null or pi.until > now())""")
                .param(UUID.fromString(woman)).query(Long.class).single()).isZero();
    }

}
