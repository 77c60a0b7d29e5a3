package cn.fuyou.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.internal.DemoData;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 2 — persons, duplicate detection, scoping, audit, optimistic locking, errors. */
public class PersonApiTest extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger(100);

    @Autowired
    JdbcClient jdbc;

    /** A fresh valid woman's form with a unique ID number. */
    public static Map<String, Object> woman(String family, String given, String phone) {
        LocalDate birth = LocalDate.of(1994, 5, 1).plusDays(SEQ.incrementAndGet());
        Map<String, Object> f = new HashMap<>();
        f.put("familyName", family);
        f.put("givenName", given);
        f.put("sex", "F");
        f.put("birthDate", birth.toString());
        f.put("idType", "RESIDENT_ID");
        f.put("idNumber", ResidentIdNumber.compose("500117", birth, 2 * SEQ.incrementAndGet() % 1000));
        f.put("phone", phone);
        f.put("addressAreaCode", "500117");
        return f;
    }

    @Test
    @DisplayName("registration: 201, then the same ID number is the same person (409 with the existing record)")
    void sameIdNumberIsSamePerson() {
        ApiClient doctor = signIn("hc-doctor");
        var form = woman("赵", "雅琴", "13900000001");
        var created = doctor.post("/api/persons", form);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/fullName")).isEqualTo("赵雅琴");

        var again = new HashMap<>(form);
        again.put("givenName", "雅");
        var conflict = doctor.post("/api/persons", again);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("/code")).isEqualTo("same-id-number");
        assertThat(conflict.text("/existingPersonId")).isEqualTo(created.text("/id"));
        assertThat(conflict.contentType()).contains("application/problem+json");
    }

    @Test
    @DisplayName("same name + birth date + phone warns (409 possible-duplicate), confirm registers, merge and undo are audited")
    void possibleDuplicateAndMerge() {
        ApiClient doctor = signIn("hc-doctor");
        var first = doctor.post("/api/persons", woman("钱", "晓燕", "13900000002"));
        var twin = woman("钱", "晓燕", "13900000002");
        twin.put("birthDate", first.text("/birthDate"));
        LocalDate birth = LocalDate.parse(first.text("/birthDate"));
        twin.put("idNumber", ResidentIdNumber.compose("500118", birth, 888));
        var warn = doctor.post("/api/persons", twin);
        assertThat(warn.status()).isEqualTo(409);
        assertThat(warn.text("/code")).isEqualTo("possible-duplicate");
        assertThat(warn.at("/candidates/0/id").asText()).isEqualTo(first.text("/id"));

        twin.put("confirmNotDuplicate", true);
        var second = doctor.post("/api/persons", twin);
        assertThat(second.status()).isEqualTo(201);

        var merge = doctor.post("/api/persons/merges", Map.of("survivorId", first.text("/id"), "duplicateId", second.text("/id")));
        assertThat(merge.status()).isEqualTo(201);
        assertThat(doctor.get("/api/persons/" + second.text("/id")).text("/mergedInto")).isEqualTo(first.text("/id"));
        assertThat(doctor.get("/api/persons?q=" + twin.get("idNumber")).at("/total").asLong())
                .as("a merged record leaves the search").isZero();

        var undo = doctor.post("/api/persons/merges/" + merge.text("/mergeId") + "/undo", Map.of());
        assertThat(undo.status()).isEqualTo(204);
        assertThat(doctor.get("/api/persons/" + second.text("/id")).at("/mergedInto").isMissingNode()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('MERGE', 'UNMERGE') and person_id = ?::uuid")
                .param(second.text("/id")).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("another institution is refused (403, breakGlassAllowed) and both attempts are in the audit")
    void scopingAndAudit() {
        ApiClient owner = signIn("cqfy-doctor");
        var hit = owner.get("/api/persons?q=" + DemoData.SHOWCASE_ID_NUMBER);
        assertThat(hit.at("/total").asLong()).isEqualTo(1);
        String id = hit.text("/items/0/id");
        assertThat(owner.get("/api/persons/" + id).status()).isEqualTo(200);

        ApiClient stranger = signIn("etyy-doctor");
        var refused = stranger.get("/api/persons/" + id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.at("/breakGlassAllowed").asBoolean()).isTrue();
        var stub = stranger.get("/api/persons?q=" + DemoData.SHOWCASE_ID_NUMBER);
        assertThat(stub.at("/items/0/restricted").asBoolean()).as("exact ID match shows a masked stub").isTrue();
        assertThat(stub.text("/items/0/fullName")).isEqualTo("李**");
        assertThat(stranger.get("/api/persons?q=李秀").toString()).doesNotContain(id);

        var log = signIn("admin").get("/api/persons/" + id + "/access-log");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().findValuesAsText("username")).contains("cqfy-doctor", "etyy-doctor");
        assertThat(log.toString()).contains("DENIED").contains("ALLOWED");
    }

    @Test
    @DisplayName("break-the-glass needs a reason of 10+ characters, opens the record and is flagged in the audit")
    void breakTheGlass() {
        String id = signIn("cqfy-doctor").get("/api/persons?q=" + DemoData.SHOWCASE_ID_NUMBER).text("/items/0/id");
        ApiClient er = signIn("etyy-doctor");
        var tooShort = er.post("/api/persons/" + id + "/break-glass", Map.of("reason", "急诊"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.text("/errors/0/field")).isEqualTo("reason");
        var ok = er.post("/api/persons/" + id + "/break-glass", Map.of("reason", "新生儿急诊转入，需查看母亲病史"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(er.get("/api/persons/" + id).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'etyy-doctor' and break_glass and person_id = ?::uuid")
                .param(id).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("a regional official sees persons living in her area only")
    void regionalOfficialScope() {
        ApiClient official = signIn("official-jb");
        var page = official.get("/api/persons?size=50");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().at("/items").findValuesAsText("addressAreaCode")).isNotEmpty().allMatch("500105"::equals);
        String showcase = signIn("admin").get("/api/persons?q=" + DemoData.SHOWCASE_ID_NUMBER).text("/items/0/id");
        assertThat(official.get("/api/persons/" + showcase).status()).as("she lives in Yubei").isEqualTo(403);
    }

    @Test
    @DisplayName("a stale version gets 409 and the record keeps the first writer's change")
    void staleVersion() {
        ApiClient doctor = signIn("hc-doctor");
        var created = doctor.post("/api/persons", woman("孙", "丽华", "13900000003"));
        String id = created.text("/id");
        var edit = woman("孙", "丽华", "13900000004");
        edit.put("birthDate", created.text("/birthDate"));
        edit.put("idNumber", created.text("/idNumber"));
        edit.put("version", 0);
        assertThat(doctor.put("/api/persons/" + id, edit).status()).isEqualTo(200);
        edit.put("phone", "13900000005");
        var stale = doctor.put("/api/persons/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("/code")).isEqualTo("stale-version");
        assertThat(stale.at("/currentVersion").asLong()).isEqualTo(1);
        assertThat(doctor.get("/api/persons/" + id).text("/phone")).isEqualTo("13900000004");
    }

    @Test
    @DisplayName("bad input is a 400 naming the field, never a 500, and writes nothing")
    void badInput() {
        ApiClient doctor = signIn("hc-doctor");
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();

        var badDate = doctor.postRaw("/api/persons", "{\"familyName\":\"周\",\"givenName\":\"敏\",\"sex\":\"F\",\"birthDate\":\"1990-02-30\","
                + "\"idType\":\"RESIDENT_ID\",\"idNumber\":\"500112199002300000\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("/errors/0/field")).isEqualTo("birthDate");

        var missing = doctor.post("/api/persons", Map.of("familyName", "周"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/errors").findValuesAsText("field")).contains("givenName", "sex", "birthDate", "idNumber");

        var form = woman("周", "敏", "13900000006");
        form.put("birthDate", "1990-01-01");
        var mismatch = doctor.post("/api/persons", form);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text("/errors/0/field")).isEqualTo("birthDate");

        var unknownArea = woman("周", "敏", "13900000007");
        unknownArea.put("addressAreaCode", "999999");
        assertThat(doctor.post("/api/persons", unknownArea).text("/errors/0/field")).isEqualTo("addressAreaCode");

        var badMother = woman("周", "敏", "13900000008");
        badMother.put("motherId", "00000000-0000-0000-0000-000000000000");
        var r = doctor.post("/api/persons", badMother);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/errors/0/field")).isEqualTo("motherId");

        assertThat(doctor.get("/api/persons?page=-1").status()).isEqualTo(400);
        assertThat(doctor.get("/api/persons/not-a-uuid").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single())
                .as("no half-write: the failed registration with a bad mother left no person").isEqualTo(before);
    }

    @Test
    @DisplayName("search finds by name prefix and phone within scope, paged")
    void search() {
        ApiClient doctor = signIn("cqfy-doctor");
        var byName = doctor.get("/api/persons?q=" + DemoData.SHOWCASE_NAME.substring(0, 2) + "&size=5");
        assertThat(byName.body().at("/items").findValuesAsText("fullName")).isNotEmpty().allMatch(n -> n.startsWith("李秀"));
        // her phone finds her (her newborn daughter is registered with the mother's phone, so she is found too)
        assertThat(doctor.get("/api/persons?q=13883001234").at("/items").findValuesAsText("fullName")).contains(DemoData.SHOWCASE_NAME);
        var paged = doctor.get("/api/persons?size=2&page=1");
        assertThat(paged.at("/items").size()).isEqualTo(2);
        assertThat(paged.at("/page").asInt()).isEqualTo(1);
    }
}
