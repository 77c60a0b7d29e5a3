package cn.fuyou.maternal;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: clinical-rules.md §1 management by colour — the dedicated case's individual plan, follow-ups, transfers, district review (issue 16 item 4). */
class DedicatedCaseApiTest extends IntegrationTest {

    @Test
    @DisplayName("§1 an orange woman's case: plan never below the table (level 3, visits ≤ 14 days), follow-up and transfer by her care institution, review by Hechuan's MCH institution only")
    void planFollowUpTransferReview() {
        ApiClient chc = signIn("hc-doctor");
        var w = chc.post("/api/persons", PersonApiTest.woman("卢", "晓岚", null));
        var p = chc.post("/api/pregnancies", Map.of("womanId", w.text("/id"), "gravida", 1, "para", 0,
                "lmp", LocalDate.now(ChinaTime.ZONE).minusDays(150).toString()));
        var c = chc.post("/api/pregnancies/" + p.text("/id") + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hemoglobinGPerL", 55));
        assertThat(c.text("/colour")).isEqualTo("ORANGE");
        String caseId = c.text("/cases/0/id");

        var view = chc.get("/api/maternal/cases/" + caseId);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.at("/planDefaults/deliveryLevel").asInt()).isEqualTo(3);
        assertThat(view.at("/planDefaults/visitEveryDays").asInt()).isEqualTo(14);
        long v = view.at("/version").asLong();

        var tooLow = chc.put("/api/maternal/cases/" + caseId + "/plan", Map.of("visitEveryDays", 14, "deliveryLevel", 2, "version", v));
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.text("/errors/0/field")).isEqualTo("deliveryLevel");
        var plan = chc.put("/api/maternal/cases/" + caseId + "/plan", Map.of("visitEveryDays", 7, "deliveryLevel", 3,
                "consultations", List.of("血液科会诊"), "tests", List.of("血常规每周", "铁代谢"), "agreedWithInstitutionCode", "CQHCWC",
                "notes", "重度贫血，输血后复查", "version", v));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.text("/plan/agreedWithInstitutionCode")).isEqualTo("CQHCWC");
        assertThat(plan.at("/plan/tests").size()).isEqualTo(2);
        assertThat(chc.put("/api/maternal/cases/" + caseId + "/plan", Map.of("visitEveryDays", 7, "deliveryLevel", 3, "version", v))
                .status()).as("stale version").isEqualTo(409);

        assertThat(chc.post("/api/maternal/cases/" + caseId + "/follow-ups", Map.of("kind", "FOLLOW_UP", "on", LocalDate.now(ChinaTime.ZONE).toString(),
                "note", "电话随访，已服铁剂")).status()).isEqualTo(201);
        var noTarget = chc.post("/api/maternal/cases/" + caseId + "/follow-ups", Map.of("kind", "TRANSFER", "on", LocalDate.now(ChinaTime.ZONE).toString(), "note", "转上级"));
        assertThat(noTarget.text("/errors/0/field")).isEqualTo("toInstitutionCode");
        assertThat(chc.post("/api/maternal/cases/" + caseId + "/follow-ups", Map.of("kind", "TRANSFER", "on", LocalDate.now(ChinaTime.ZONE).toString(),
                "note", "转重庆市妇幼保健院住院", "toInstitutionCode", "CQHCWC")).status()).isEqualTo(201);
        assertThat(chc.post("/api/maternal/cases/" + caseId + "/follow-ups", Map.of("kind", "REVIEW", "on", LocalDate.now(ChinaTime.ZONE).toString(),
                "note", "自审")).status()).as("the care institution does not review itself").isEqualTo(403);

        ApiClient official = signIn("official-cq");
        var review = official.post("/api/maternal/cases/" + caseId + "/follow-ups", Map.of("kind", "REVIEW", "on", LocalDate.now(ChinaTime.ZONE).toString(),
                "note", "专案管理规范，继续按计划随访"));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        assertThat(official.post("/api/maternal/cases/" + caseId + "/follow-ups", Map.of("kind", "FOLLOW_UP", "on", LocalDate.now(ChinaTime.ZONE).toString(),
                "note", "电话随访")).status()).as("officials review a case; they record no care (issue 15)").isEqualTo(403);
        assertThat(review.at("/followUps").findValuesAsText("kind")).containsExactly("FOLLOW_UP", "TRANSFER", "REVIEW");
        assertThat(signIn("official-jb").get("/api/maternal/cases/" + caseId).status()).as("Jiangbei does not see Hechuan's case").isEqualTo(403);
    }
}
