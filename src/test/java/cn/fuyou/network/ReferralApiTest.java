package cn.fuyou.network;

import cn.fuyou.shared.ChinaTime;

import cn.fuyou.shared.Attachments;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Source: issue 6 — Done when (routing, transitions, access with the referral's life, attachments); spec/network.md. */
class ReferralApiTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;


    private static final List<String> CHONGQING = List.of("500101", "500102", "500103", "500104", "500105", "500106", "500107",
            "500108", "500109", "500110", "500111", "500112", "500113", "500114", "500115", "500116", "500117", "500118", "500119",
            "500120", "500151", "500152", "500153", "500154", "500155", "500156", "500229", "500230", "500231", "500233", "500235",
            "500236", "500237", "500238", "500240", "500241", "500242", "500243");

    @Test
    @DisplayName("every one of the 38 Chongqing districts/counties resolves to exactly one centre, without login")
    void everyAreaRoutes() {
        ApiClient anon = anonymous();
        for (String area : CHONGQING) {
            var r = anon.get("/api/network/critical-care-centres?area=" + area);
            assertThat(r.status()).as(area).isEqualTo(200);
            assertThat(r.at("/level").asInt()).isEqualTo(3);
        }
        assertThat(CHONGQING).hasSize(38);
    }

    @ParameterizedTest(name = "{0} → CQHCWC")
    @ValueSource(strings = {"LJXQ", "500105", "500117", "500152", "500229"})
    @DisplayName("spec/network.md: CQHCWC receives Jiangbei, Hechuan, Tongnan, Chengkou and Liangjiang New Area")
    void cqhcwcAreas(String area) {
        assertThat(anonymous().get("/api/network/critical-care-centres?area=" + area).text("/institutionCode")).isEqualTo("CQHCWC");
    }

    @Test
    @DisplayName("an unknown area code is a 404 problem+json")
    void unknownArea() {
        var r = anonymous().get("/api/network/critical-care-centres?area=999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).contains("problem+json");
    }

    private static String orangeWoman(ApiClient chc) {
        var w = chc.post("/api/persons", PersonApiTest.woman("冉", "秋菊", null));
        String womanId = w.text("/id");
        var p = chc.post("/api/pregnancies", Map.of("womanId", womanId, "gravida", 2, "para", 1, "lmp", LocalDate.now(ChinaTime.ZONE).minusDays(150).toString()));
        String preg = p.text("/id");
        var c = chc.post("/api/pregnancies/" + preg + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hemoglobinGPerL", 52));
        assertThat(c.text("/colour")).isEqualTo("ORANGE");
        return womanId + "," + preg;
    }

    @Test
    @DisplayName("a Hechuan health centre refers an orange woman: CQHCWC gains access, accepts, completes, refers back; closing revokes access")
    void lifeOfAReferral() {
        ApiClient chc = signIn("hc-doctor");
        String[] ids = orangeWoman(chc).split(",");
        ApiClient centre = signIn("cqfy-doctor");
        assertThat(centre.get("/api/persons/" + ids[0]).status()).as("not entitled before the referral").isEqualTo(403);

        Map<String, Object> body = new HashMap<>(Map.of("personId", ids[0], "pregnancyId", ids[1], "kind", "MATERNAL",
                "urgency", "URGENT", "reason", "重度贫血，需上级医院评估", "screenFollowUp", true));
        var created = chc.post("/api/referrals", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/toInstitutionCode")).as("orange → her designated centre").isEqualTo("CQHCWC");
        assertThat(created.text("/riskColour")).isEqualTo("ORANGE");
        assertThat(created.text("/summary")).contains("Hb 52");
        String id = created.text("/id");

        // Overdue filter: a fresh URGENT referral (24 h to acknowledge) is not overdue; once its creation is 25 h ago it is.
        var notYet = centre.get("/api/network/inbox?direction=incoming&overdue=true&size=100");
        assertThat(notYet.status()).isEqualTo(200);
        assertThat(notYet.body().at("/items").findValuesAsText("id")).doesNotContain(id);
        jdbc.sql("update referral set created_at = created_at - interval '25 hours' where id = ?").param(java.util.UUID.fromString(id)).update();
        var overdue = centre.get("/api/network/inbox?direction=incoming&overdue=true&size=100");
        assertThat(overdue.body().at("/items").findValuesAsText("id")).contains(id);
        assertThat(overdue.body().at("/items").findValues("overdue")).isNotEmpty().allMatch(com.fasterxml.jackson.databind.JsonNode::asBoolean);
        jdbc.sql("update referral set created_at = created_at + interval '25 hours' where id = ?").param(java.util.UUID.fromString(id)).update();
        var inbox = centre.get("/api/network/inbox?direction=incoming&state=OPEN&size=50");
        assertThat(inbox.body().at("/items").findValuesAsText("id")).contains(id);
        assertThat(centre.get("/api/persons/" + ids[0]).status()).as("access for the referral's life").isEqualTo(200);

        var illegal = centre.post("/api/referrals/" + id + "/moves", Map.of("state", "COMPLETED", "outcome", "x", "version", 0));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.text("/code")).isEqualTo("illegal-transition");
        assertThat(chc.post("/api/referrals/" + id + "/moves", Map.of("state", "ACCEPTED", "version", 0)).status())
                .as("the sender cannot accept").isEqualTo(409);

        var accepted = centre.post("/api/referrals/" + id + "/moves", Map.of("state", "ACCEPTED", "version", 0));
        assertThat(accepted.text("/state")).isEqualTo("ACCEPTED");
        assertThat(accepted.at("/decidedAt").isMissingNode()).isFalse();
        assertThat(centre.post("/api/referrals/" + id + "/moves", Map.of("state", "ARRIVED", "version", 0)).status())
                .as("stale version").isEqualTo(409);
        chc.post("/api/referrals/" + id + "/moves", Map.of("state", "IN_TRANSIT", "version", 1));
        centre.post("/api/referrals/" + id + "/moves", Map.of("state", "ARRIVED", "version", 2));
        var noOutcome = centre.post("/api/referrals/" + id + "/moves", Map.of("state", "COMPLETED", "version", 3));
        assertThat(noOutcome.text("/errors/0/field")).isEqualTo("outcome");
        centre.post("/api/referrals/" + id + "/moves", Map.of("state", "COMPLETED", "outcome", "输血2U后Hb 85，继续妊娠", "version", 3));
        var back = centre.post("/api/referrals/" + id + "/moves", Map.of("state", "BACK_REFERRED",
                "plan", "社区每周复查血常规，铁剂治疗，孕36周回本院", "version", 4));
        assertThat(back.text("/state")).isEqualTo("BACK_REFERRED");

        var seen = chc.get("/api/referrals/" + id);
        assertThat(seen.text("/outcome")).contains("Hb 85");
        assertThat(seen.text("/backReferralPlan")).contains("孕36周");
        assertThat(seen.at("/transitions").size()).isEqualTo(6);

        chc.post("/api/referrals/" + id + "/moves", Map.of("state", "CLOSED", "version", 5));
        assertThat(centre.get("/api/persons/" + ids[0]).status()).as("access revoked with the referral's end").isEqualTo(403);
    }

    @Test
    @DisplayName("attachments: PDF accepted; an .exe renamed .pdf and an oversized file are refused (400 naming the field)")
    void attachments() {
        ApiClient chc = signIn("hc-doctor");
        String[] ids = orangeWoman(chc).split(",");
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4\n%test\n".getBytes());
        String exe = Base64.getEncoder().encodeToString(new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0});
        Map<String, Object> body = new HashMap<>(Map.of("personId", ids[0], "kind", "MATERNAL", "urgency", "ROUTINE",
                "toInstitutionCode", "MCH-500117", "reason", "产检", "attachments", List.of(Map.of("fileName", "b.pdf", "base64", pdf))));
        assertThat(chc.post("/api/referrals", body).at("/attachments/0/mediaType").asText()).isEqualTo("application/pdf");
        body.put("attachments", List.of(Map.of("fileName", "a.pdf", "base64", pdf), Map.of("fileName", "virus.pdf", "base64", exe)));
        var bad = chc.post("/api/referrals", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("attachments[1]");
        byte[] big = new byte[Attachments.MAX_BYTES + 1];
        big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F'; big[4] = '-';
        body.put("attachments", List.of(Map.of("fileName", "big.pdf", "base64", Base64.getEncoder().encodeToString(big))));
        assertThat(chc.post("/api/referrals", body).text("/detail")).contains("10 MB");
    }

    @Test
    @DisplayName("a remote consultation: asked, answered by the centre only, the thread continues")
    void consultation() {
        ApiClient chc = signIn("hc-doctor");
        var c = chc.post("/api/network/consultations", Map.of("type", "INFERTILITY_REMOTE_WORKSTATION", "toInstitutionCode", "CQHCWC",
                "summary", "女 32岁，未避孕未孕2年，月经稀发", "question", "是否需要进一步检查卵巢功能？"));
        assertThat(c.status()).isEqualTo(201);
        String id = c.text("/id");
        assertThat(chc.post("/api/network/consultations/" + id + "/opinion", Map.of("body", "x")).status()).isEqualTo(403);
        var answered = signIn("cqfy-doctor").post("/api/network/consultations/" + id + "/opinion",
                Map.of("body", "建议月经第2–4天查性激素六项及AMH，阴道超声监测卵泡"));
        assertThat(answered.text("/status")).isEqualTo("ANSWERED");
        assertThat(chc.post("/api/network/consultations/" + id + "/messages", Map.of("body", "谢谢，已预约")).at("/messages").size()).isEqualTo(1);
    }
}
