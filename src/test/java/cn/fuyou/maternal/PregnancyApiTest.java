package cn.fuyou.maternal;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 3 — pregnancy record, contacts, five-colour grading, cases, delivery, PMTCT (clinical-rules.md §1–§5). */
class PregnancyApiTest extends IntegrationTest {

    /** A woman registered by {@code user}'s institution, living in Hechuan. */
    private String woman(ApiClient c, String given) {
        var r = c.post("/api/persons", PersonApiTest.woman("孟", given, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    private JsonNode register(ApiClient c, String womanId, LocalDate lmp) {
        Map<String, Object> body = new HashMap<>();
        body.put("womanId", womanId);
        body.put("gravida", 1);
        body.put("para", 0);
        body.put("lmp", lmp.toString());
        body.put("heightCm", 160);
        body.put("prePregnancyWeightKg", 55);
        var r = c.post("/api/pregnancies", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    @Test
    @DisplayName("§3: registration dates the pregnancy by LMP (EDD = LMP + 280 days); one open pregnancy per woman")
    void registration() {
        ApiClient doctor = signIn("cqfy-doctor");
        String w = woman(doctor, "晓");
        LocalDate lmp = LocalDate.now(ChinaTime.ZONE).minusDays(70);
        JsonNode p = register(doctor, w, lmp);
        assertThat(p.at("/edd").asText()).isEqualTo(lmp.plusDays(280).toString());
        assertThat(p.at("/datingMethod").asText()).isEqualTo("LMP");
        assertThat(p.at("/gestationalAgeToday/weeks").asInt()).isEqualTo(10);
        assertThat(p.at("/colour").asText()).isEqualTo("GREEN");
        assertThat(p.at("/gradings").size()).isEqualTo(1);
        assertThat(p.at("/gradings/0/ruleSetVersion").asText()).isNotBlank();

        var again = doctor.post("/api/pregnancies", Map.of("womanId", w, "gravida", 1, "para", 0, "lmp", lmp.toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("open-pregnancy");
    }

    @Test
    @DisplayName("§1: a contact with Hb 55 g/L makes her orange, opens a dedicated case reported to her district")
    void orangeOpensCase() {
        ApiClient doctor = signIn("cqfy-doctor");
        String w = woman(doctor, "芸");
        JsonNode p = register(doctor, w, LocalDate.now(ChinaTime.ZONE).minusDays(100));
        String id = p.at("/id").asText();
        var r = doctor.post("/api/pregnancies/" + id + "/contacts",
                Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "weightKg", 58, "systolic", 118, "diastolic", 76,
                        "hemoglobinGPerL", 55));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/colour")).isEqualTo("ORANGE");
        assertThat(r.at("/gradings").size()).isEqualTo(2);
        assertThat(r.at("/gradings/1/factors").toString()).contains("HEMOGLOBIN");
        assertThat(r.text("/cases/0/districtCode")).isEqualTo("500117");
        assertThat(r.text("/cases/0/reportedToInstitutionCode")).isEqualTo("MCH-500117");

        var list = signIn("official-cq").get("/api/maternal/cases?district=500117&status=OPEN&size=100");
        assertThat(list.body().at("/items").findValuesAsText("pregnancyId")).contains(id);
        assertThat(signIn("official-jb").get("/api/maternal/cases?size=100").body().at("/items").findValuesAsText("pregnancyId"))
                .as("Jiangbei's official does not see Hechuan's cases").doesNotContain(id);
    }

    @Test
    @DisplayName("§1: purple coexists with the colour; a positive HIV test opens PMTCT; the clinician's override needs a reason")
    void purpleAndOverride() {
        ApiClient doctor = signIn("cqfy-doctor");
        String w = woman(doctor, "蕾");
        String id = register(doctor, w, LocalDate.now(ChinaTime.ZONE).minusDays(90)).at("/id").asText();
        var r = doctor.post("/api/pregnancies/" + id + "/contacts",
                Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hiv", "POSITIVE", "factors", List.of("MACROSOMIA")));
        assertThat(r.text("/colour")).isEqualTo("YELLOW");
        assertThat(r.at("/purple").asBoolean()).isTrue();
        assertThat(r.text("/pmtct/0/infection")).isEqualTo("HIV");
        assertThat(r.at("/cases").size()).as("purple opens a dedicated case").isEqualTo(1);

        String grading = r.text("/gradings/1/id");
        var noReason = doctor.post("/api/gradings/" + grading + "/confirm", Map.of("colour", "ORANGE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("/errors/0/field")).isEqualTo("reason");
        assertThat(doctor.post("/api/gradings/" + grading + "/confirm", Map.of("colour", "ORANGE", "reason", "胎儿超声异常待复查"))
                .status()).isEqualTo(204);
        var after = doctor.get("/api/pregnancies/" + id);
        assertThat(after.text("/colour")).isEqualTo("ORANGE");
        assertThat(after.text("/gradings/1/overrideReason")).isEqualTo("胎儿超声异常待复查");
    }

    @Test
    @DisplayName("§1: an unknown factor code is a 400 naming it; impossible values are refused")
    void badInput() {
        ApiClient doctor = signIn("cqfy-doctor");
        String id = register(doctor, woman(doctor, "婕"), LocalDate.now(ChinaTime.ZONE).minusDays(60)).at("/id").asText();
        var unknown = doctor.post("/api/pregnancies/" + id + "/contacts",
                Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "factors", List.of("NOT_A_FACTOR")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.toString()).contains("NOT_A_FACTOR");
        var hb = doctor.post("/api/pregnancies/" + id + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hemoglobinGPerL", 400));
        assertThat(hb.status()).isEqualTo(400);
        assertThat(hb.text("/errors/0/field")).isEqualTo("hemoglobinGPerL");
        var future = doctor.post("/api/pregnancies/" + id + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).plusDays(3).toString()));
        assertThat(future.text("/errors/0/field")).isEqualTo("contactDate");
        assertThat(doctor.get("/api/pregnancies/" + id).at("/contacts").size()).as("nothing half-written").isZero();
    }

    @Test
    @DisplayName("China's calendar: a delivery sent as a UTC time dates the child's record by China's day (01:00 in China is 17:00Z the day before)")
    void deliveryDayIsChinas() {
        ApiClient doctor = signIn("cqfy-doctor");
        LocalDate yesterday = LocalDate.now(ChinaTime.ZONE).minusDays(1);
        String id = register(doctor, woman(doctor, "晨"), yesterday.minusDays(273)).at("/id").asText();
        OffsetDateTime at = yesterday.atTime(1, 0).atOffset(ZoneOffset.ofHours(8)).withOffsetSameInstant(ZoneOffset.UTC);
        var d = doctor.post("/api/pregnancies/" + id + "/delivery", Map.of("deliveredAt", at.toString(), "mode", "VAGINAL",
                "maternalCondition", "GOOD", "babies", List.of(Map.of("sex", "F", "weightG", 2300, "liveBorn", true))));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        var child = doctor.get("/api/children/" + d.text("/delivery/newborns/0/childId"));
        assertThat(child.text("/birthDate")).isEqualTo(yesterday.toString());
        assertThat(child.text("/birthGaDays")).isEqualTo("273");
        assertThat(child.body().at("/highRisk").findValuesAsText("since")).as("low birth weight since her birth day").isNotEmpty()
                .containsOnly(yesterday.toString());
    }

    @Test
    @DisplayName("§1: a positive screen at a level-1 institution creates a 2-week grading task on its worklist")
    void screeningTask() {
        ApiClient chc = signIn("hc-doctor");
        String id = register(chc, woman(chc, "瑜"), LocalDate.now(ChinaTime.ZONE).minusDays(80)).at("/id").asText();
        var r = chc.post("/api/pregnancies/" + id + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "rh", "NEGATIVE"));
        assertThat(r.at("/screenPositive").asBoolean()).isTrue();
        assertThat(r.text("/gradingTasks/0/dueOn")).isEqualTo(LocalDate.now(ChinaTime.ZONE).plusDays(14).toString());
        var list = chc.get("/api/maternal/worklist?kind=GRADING_TASK&size=200");
        assertThat(list.body().at("/items").findValuesAsText("pregnancyId")).contains(id);
    }

    @Test
    @DisplayName("delivery: each live-born baby becomes a child linked to the mother; HBsAg-positive mother's baby gets §5 items")
    void delivery() {
        ApiClient doctor = signIn("cqfy-doctor");
        String w = woman(doctor, "岚");
        String id = register(doctor, w, LocalDate.now(ChinaTime.ZONE).minusDays(275)).at("/id").asText();
        doctor.post("/api/pregnancies/" + id + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).minusDays(10).toString(), "hbsag", "POSITIVE"));
        Map<String, Object> baby = new HashMap<>(Map.of("sex", "F", "weightG", 3200, "lengthCm", 50, "headCircumferenceCm", 34,
                "apgar1", 9, "apgar5", 10, "liveBorn", true));
        var r = doctor.post("/api/pregnancies/" + id + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).toString(), "mode", "VAGINAL",
                "bloodLossMl", 300, "maternalCondition", "GOOD", "babies", List.of(baby)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/status")).isEqualTo("DELIVERED");
        assertThat(r.text("/outcome")).isEqualTo("LIVE_BIRTH");
        String child = r.text("/delivery/newborns/0/childId");
        var mother = doctor.get("/api/persons/" + w);
        assertThat(mother.body().at("/links").findValuesAsText("personId")).contains(child);
        assertThat(r.at("/pmtct/0/infantItems").findValuesAsText("code")).contains("HBV_HBIG_AND_VACCINE");
    }

    @Test
    @DisplayName("delivery: a caesarean without its indication is a 400 naming caesareanIndication, on an open pregnancy, nothing written")
    void caesareanNeedsIndication() {
        ApiClient doctor = signIn("cqfy-doctor");
        String id = register(doctor, woman(doctor, "甯"), LocalDate.now(ChinaTime.ZONE).minusDays(275)).at("/id").asText();
        Map<String, Object> baby = Map.of("sex", "M", "weightG", 3300, "liveBorn", true);
        var noIndication = doctor.post("/api/pregnancies/" + id + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).toString(), "mode", "CAESAREAN",
                "maternalCondition", "GOOD", "babies", List.of(baby)));
        assertThat(noIndication.status()).as(noIndication.toString()).isEqualTo(400);
        assertThat(noIndication.text("/errors/0/field")).isEqualTo("caesareanIndication");
        var after = doctor.get("/api/pregnancies/" + id);
        assertThat(after.text("/status")).as("still open: nothing half-written").isEqualTo("OPEN");
        assertThat(after.at("/delivery").isNull() || after.at("/delivery").isMissingNode()).isTrue();
        var withIndication = doctor.post("/api/pregnancies/" + id + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).toString(), "mode", "CAESAREAN",
                "caesareanIndication", "胎儿窘迫", "maternalCondition", "GOOD", "babies", List.of(baby)));
        assertThat(withIndication.status()).as(withIndication.toString()).isEqualTo(201);
        assertThat(withIndication.text("/delivery/caesareanIndication")).isEqualTo("胎儿窘迫");
    }

    @Test
    @DisplayName("reads are scoped and audited: another institution gets 403")
    void scoping() {
        ApiClient doctor = signIn("cqfy-doctor");
        String id = register(doctor, woman(doctor, "菁"), LocalDate.now(ChinaTime.ZONE).minusDays(50)).at("/id").asText();
        assertThat(signIn("etyy-doctor").get("/api/pregnancies/" + id).status()).isEqualTo(403);
    }
}
