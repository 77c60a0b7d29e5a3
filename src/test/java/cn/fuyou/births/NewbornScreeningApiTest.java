package cn.fuyou.births;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 18 and clinical-rules.md §9 — newborn screening over the API: timing, batches, results, positives, hearing, CHD, worklist. */
class NewbornScreeningApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static OffsetDateTime bornAt(ApiClient c, String child) {
        return OffsetDateTime.parse(c.get("/api/births/" + child).text("/bornAt"));
    }

    private static List<String> worklistSteps(ApiClient c, String child) {
        var w = c.get("/api/screening/worklist?size=200");
        assertThat(w.status()).as(w.toString()).isEqualTo(200);
        List<String> steps = new java.util.ArrayList<>();
        for (JsonNode i : w.at("/items")) if (i.path("childId").asText().equals(child)) steps.add(i.path("step").asText());
        return steps;
    }

    @Test
    @DisplayName("§9: blood spot at 71 h too early (repeat on the worklist), at 73 h on time → batch sent, received → PHE 250 positive → recall → confirmation → treatment → follow-up; child on the high-risk list")
    void metabolicPathway() {
        ApiClient doctor = signIn("cqfy-doctor");
        String child = BirthFixture.deliver(doctor, "筛", 1, 80, false).get(0);
        OffsetDateTime born = bornAt(doctor, child);

        var early = doctor.post("/api/births/" + child + "/blood-spots", Map.of("collectedAt", born.plusHours(71).toString(), "feeds", 8));
        assertThat(early.status()).as(early.toString()).isEqualTo(201);
        assertThat(early.text("/timing")).isEqualTo("TOO_EARLY");
        assertThat(early.at("/repeatRequired").asBoolean()).isTrue();
        assertThat(early.text("/ruleVersion")).isEqualTo("NHC-2010-CQ-1");
        assertThat(worklistSteps(doctor, child)).contains("BLOOD_SPOT_REPEAT", "CHD_SCREEN");

        var future = doctor.post("/api/births/" + child + "/blood-spots", Map.of("collectedAt", OffsetDateTime.now().plusHours(2).toString(), "feeds", 8));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("/errors/0/field")).isEqualTo("collectedAt");
        var noFeeds = doctor.post("/api/births/" + child + "/blood-spots", Map.of("collectedAt", born.plusHours(73).toString()));
        assertThat(noFeeds.status()).isEqualTo(400);
        assertThat(noFeeds.text("/errors/0/field")).isEqualTo("feeds");

        var good = doctor.post("/api/births/" + child + "/blood-spots", Map.of("collectedAt", born.plusHours(73).toString(), "feeds", 9));
        assertThat(good.text("/timing")).isEqualTo("ON_TIME");
        assertThat(worklistSteps(doctor, child)).doesNotContain("BLOOD_SPOT", "BLOOD_SPOT_REPEAT");

        var batch = doctor.post("/api/screening/batches", Map.of("sampleIds", List.of(early.text("/id"), good.text("/id"))));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        assertThat(batch.at("/samples").asInt()).isEqualTo(2);
        assertThat(batch.text("/labInstitutionCode")).isEqualTo("CQHCWC");
        var twice = doctor.post("/api/screening/batches", Map.of("sampleIds", List.of(good.text("/id"))));
        assertThat(twice.status()).isEqualTo(409);

        var tooSoon = doctor.post("/api/screening/samples/" + good.text("/id") + "/results",
                Map.of("results", List.of(Map.of("analyte", "PHE", "value", 250))));
        assertThat(tooSoon.status()).as("results only after the lab received the batch").isEqualTo(409);
        var received = doctor.post("/api/screening/batches/" + batch.text("/id") + "/receive", Map.of("version", 0));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("RECEIVED");

        var result = doctor.post("/api/screening/samples/" + good.text("/id") + "/results",
                Map.of("results", List.of(Map.of("analyte", "PHE", "value", 250), Map.of("analyte", "TSH", "value", 4.2))));
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        assertThat(result.at("/results").findValuesAsText("positive")).containsExactly("true", "false");

        var screening = doctor.get("/api/births/" + child + "/screening");
        JsonNode kase = screening.at("/cases/0");
        assertThat(kase.path("condition").asText()).isEqualTo("PKU");
        assertThat(kase.path("nextStep").asText()).isEqualTo("RECALL");
        assertThat(worklistSteps(doctor, child)).contains("RECALL");
        var childRecord = doctor.get("/api/children/" + child);
        assertThat(childRecord.at("/highRisk").findValuesAsText("reason")).contains("NEWBORN_SCREEN_POSITIVE");

        String caseId = kase.path("id").asText();
        LocalDate today = LocalDate.now(ScreeningRules.CHINA);
        var wrong = doctor.post("/api/screening/cases/" + caseId + "/steps", Map.of("step", "TREATMENT", "date", today.toString(), "treatment", "x", "version", 0));
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.text("/code")).isEqualTo("wrong-step");
        var recall = doctor.post("/api/screening/cases/" + caseId + "/steps", Map.of("step", "RECALL", "date", today.toString(), "version", 0));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(200);
        assertThat(recall.text("/nextStep")).isEqualTo("CONFIRMATION");
        var stale = doctor.post("/api/screening/cases/" + caseId + "/steps", Map.of("step", "CONFIRMATION", "date", today.toString(),
                "confirmation", "CONFIRMED", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("/code")).isEqualTo("stale-version");
        var confirmed = doctor.post("/api/screening/cases/" + caseId + "/steps", Map.of("step", "CONFIRMATION", "date", today.toString(),
                "confirmation", "CONFIRMED", "diagnosis", "苯丙酮尿症 PKU", "version", 1));
        assertThat(confirmed.text("/nextStep")).isEqualTo("TREATMENT");
        var treated = doctor.post("/api/screening/cases/" + caseId + "/steps", Map.of("step", "TREATMENT", "date", today.toString(),
                "treatment", "低苯丙氨酸特殊奶粉", "version", 2));
        assertThat(treated.text("/nextStep")).isEqualTo("FOLLOW_UP");
        var followed = doctor.post("/api/screening/cases/" + caseId + "/steps", Map.of("step", "FOLLOW_UP", "date", today.toString(),
                "note", "血Phe控制良好", "version", 3));
        assertThat(followed.text("/status")).isEqualTo("CLOSED");

        var facts = jdbc.sql("select measure from indicator_fact where source_kind = 'newborn_screening' and source_id = ?::uuid order by 1")
                .param(child).query(String.class).list();
        assertThat(facts).contains("NBS_METABOLIC_SCREENED", "NBS_METABOLIC_POSITIVE", "NBS_METABOLIC_RECALLED",
                "NBS_METABOLIC_CONFIRMATION_DONE", "NBS_METABOLIC_CONFIRMED");
    }

    @Test
    @DisplayName("§9: CSV import of laboratory results is all or nothing; a TSH above the laboratory's own cut-off is positive")
    void csvImport() {
        ApiClient doctor = signIn("cqfy-doctor");
        String child = BirthFixture.deliver(doctor, "导", 1, 80, false).get(0);
        OffsetDateTime born = bornAt(doctor, child);
        var s = doctor.post("/api/births/" + child + "/blood-spots", Map.of("collectedAt", born.plusHours(74).toString(), "feeds", 10));
        var b = doctor.post("/api/screening/batches", Map.of("sampleIds", List.of(s.text("/id"))));
        doctor.post("/api/screening/batches/" + b.text("/id") + "/receive", Map.of("version", 0));
        String bad = "sample_id,analyte,value,cutoff\n" + s.text("/id") + ",PHE,80,\n" + s.text("/id") + ",XYZ,1,\n";
        var rejected = doctor.postText("/api/screening/results/import", "text/csv", bad);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("/errors/0/field")).isEqualTo("line 3");
        assertThat(doctor.get("/api/births/" + child + "/screening").at("/samples/0/results").size()).as("nothing imported").isZero();
        String good = "sample_id,analyte,value,cutoff\n" + s.text("/id") + ",PHE,80,\n" + s.text("/id") + ",TSH,12.5,15\n";
        var imported = doctor.postText("/api/screening/results/import", "text/csv", good);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.at("/rows").asInt()).isEqualTo(2);
        assertThat(imported.at("/positives").asInt()).as("TSH 12.5 is below the laboratory's cut-off 15").isZero();
        assertThat(doctor.get("/api/births/" + child + "/screening").at("/samples/0/results/1/cutoff").decimalValue()).isEqualByComparingTo("15");
    }

    @Test
    @DisplayName("§9 hearing: NICU baby needs AABR; failed first → rescreen; failed rescreen → diagnosis, child on the high-risk list; steps out of order refused")
    void hearing() {
        ApiClient doctor = signIn("cqfy-doctor");
        String child = BirthFixture.deliver(doctor, "听", 1, 30, true).get(0);
        LocalDate birth = bornAt(doctor, child).atZoneSameInstant(ScreeningRules.CHINA).toLocalDate();
        LocalDate today = LocalDate.now(ScreeningRules.CHINA);
        Map<String, Object> first = new HashMap<>(Map.of("stage", "FIRST", "method", "OAE", "doneOn", today.toString(), "leftEar", "PASS", "rightEar", "REFER"));
        var oae = doctor.post("/api/births/" + child + "/hearing", first);
        assertThat(oae.status()).isEqualTo(400);
        assertThat(oae.text("/errors/0/field")).isEqualTo("method");
        first.put("method", "AABR");
        var refer = doctor.post("/api/births/" + child + "/hearing", first);
        assertThat(refer.status()).as(refer.toString()).isEqualTo(201);
        assertThat(refer.text("/outcome")).isEqualTo("REFER");
        var diagnosisTooSoon = doctor.post("/api/births/" + child + "/hearing", Map.of("stage", "DIAGNOSIS", "method", "ABR_DIAGNOSTIC",
                "doneOn", today.toString(), "diagnosis", "NORMAL"));
        assertThat(diagnosisTooSoon.status()).isEqualTo(409);
        assertThat(diagnosisTooSoon.text("/code")).isEqualTo("not-due");
        var screening = doctor.get("/api/births/" + child + "/screening");
        assertThat(screening.at("/nextSteps").findValuesAsText("step")).contains("HEARING_RESCREEN");
        assertThat(screening.at("/nextSteps").findValues("dueBy").stream().map(JsonNode::asText).toList()).contains(birth.plusDays(42).toString());
        var rescreen = doctor.post("/api/births/" + child + "/hearing", Map.of("stage", "RESCREEN", "method", "AABR", "doneOn", today.toString(),
                "leftEar", "REFER", "rightEar", "REFER"));
        assertThat(rescreen.status()).isEqualTo(201);
        assertThat(doctor.get("/api/births/" + child + "/screening").at("/nextSteps").findValuesAsText("step")).contains("HEARING_DIAGNOSIS");
        assertThat(doctor.get("/api/children/" + child).at("/highRisk").findValuesAsText("reason")).contains("NEWBORN_SCREEN_POSITIVE");
    }

    @Test
    @DisplayName("§9 CHD: SpO₂ 93 on the foot is positive → echocardiography referral on the worklist; 97/96 without murmur is negative")
    void chd() {
        ApiClient doctor = signIn("cqfy-doctor");
        List<String> twins = BirthFixture.deliver(doctor, "心", 2, 30, false);
        OffsetDateTime born = bornAt(doctor, twins.get(0));
        var pos = doctor.post("/api/births/" + twins.get(0) + "/chd", Map.of("screenedAt", born.plusHours(24).toString(), "spo2Hand", 98,
                "spo2Foot", 93, "murmurGrade", 0));
        assertThat(pos.status()).as(pos.toString()).isEqualTo(201);
        assertThat(pos.at("/positive").asBoolean()).isTrue();
        assertThat(pos.at("/reasons").toString()).contains("FOOT_SPO2_LOW", "SPO2_DIFFERENCE");
        assertThat(worklistSteps(doctor, twins.get(0))).contains("ECHO_REFERRAL").doesNotContain("CHD_SCREEN");
        var neg = doctor.post("/api/births/" + twins.get(1) + "/chd", Map.of("screenedAt", born.plusHours(24).toString(), "spo2Hand", 97,
                "spo2Foot", 96, "murmurGrade", 1));
        assertThat(neg.at("/positive").asBoolean()).isFalse();
        assertThat(neg.at("/inWindow").asBoolean()).isTrue();
        var noMurmur = doctor.post("/api/births/" + twins.get(1) + "/chd", Map.of("screenedAt", born.plusHours(24).toString(), "spo2Hand", 97,
                "spo2Foot", 96));
        assertThat(noMurmur.status()).isEqualTo(400);
        assertThat(noMurmur.text("/errors/0/field")).isEqualTo("murmurGrade");
        var outsider = signIn("hc-doctor").post("/api/births/" + twins.get(1) + "/chd", Map.of("screenedAt", born.plusHours(24).toString(),
                "spo2Hand", 97, "spo2Foot", 96, "murmurGrade", 0));
        assertThat(outsider.status()).as("another institution may not write to this child").isEqualTo(403);
    }
}
