package cn.fuyou.criticalcare;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 10 (critical care) — Done when; clinical-rules.md §6. */
public class CriticalCareApiTest extends IntegrationTest {

    public static Map<String, Object> woman(String given, String area) {
        Map<String, Object> w = PersonApiTest.woman("危", given, null);
        w.put("addressAreaCode", area);
        return w;
    }

    public static String registerWoman(ApiClient c, String given, String area) {
        var r = c.post("/api/persons", woman(given, area));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    static String pregnancy(ApiClient c, String womanId, int gaDays) {
        var p = c.post("/api/pregnancies", Map.of("womanId", womanId, "gravida", 2, "para", 1, "lmp", LocalDate.now(ChinaTime.ZONE).minusDays(gaDays).toString()));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        return p.text("/id");
    }

    static Map<String, Object> report(String personId, String pregnancyId, Map<String, Object> checklist) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", personId);
        if (pregnancyId != null) b.put("pregnancyId", pregnancyId);
        b.put("stage", "PREGNANT");
        b.put("onsetAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).toString());
        b.put("diagnosis", "重度子痫前期，HELLP综合征");
        b.put("checklist", checklist);
        return b;
    }

    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    // ---- calculator (issue 10 item 7)

    @Test
    @DisplayName("§6 calculator: public, exact response — criteria and organ systems sorted, lifeThreatening, classification")
    void calculator() {
        ApiClient anon = anonymous();
        var r = anon.post("/api/calculators/near-miss", Map.of("findings", List.of("STROKE", "SHOCK"), "ph", 7.05, "plateletsE9L", 50,
                "transfusionUnits", 5));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().get("criteria").toString())
                .isEqualTo("[\"PH_BELOW_7_1\",\"SHOCK\",\"STROKE\",\"TRANSFUSION_5_UNITS\"]");
        assertThat(r.body().get("organSystems").toString()).isEqualTo("[\"CARDIOVASCULAR\",\"COAGULATION\",\"NEUROLOGICAL\"]");
        assertThat(r.at("/lifeThreatening").asBoolean()).isTrue();
        assertThat(r.text("/classification")).isEqualTo("LIFE_THREATENING");
        assertThat(anon.post("/api/calculators/near-miss", Map.of("findings", List.of("SHOCK"), "outcome", "SURVIVED")).text("/classification"))
                .isEqualTo("NEAR_MISS");
        assertThat(anon.post("/api/calculators/near-miss", Map.of("outcome", "DIED")).text("/classification")).isEqualTo("MATERNAL_DEATH");
        var none = anon.post("/api/calculators/near-miss", Map.of());
        assertThat(none.text("/classification")).isEqualTo("NONE");
        assertThat(none.at("/lifeThreatening").asBoolean()).isFalse();
        assertThat(r.contentType()).contains("json");
    }

    @Test
    @DisplayName("§6 calculator: an unknown code or an impossible value (pH 4, negative units) is a 400 naming the field")
    void calculatorRefusals() {
        ApiClient anon = anonymous();
        var unknown = anon.post("/api/calculators/near-miss", Map.of("findings", List.of("SHOCK", "FEVER")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).contains("problem+json");
        assertThat(unknown.toString()).contains("findings[1]");
        var ph = anon.post("/api/calculators/near-miss", Map.of("ph", 4));
        assertThat(ph.status()).isEqualTo(400);
        assertThat(ph.toString()).contains("\"ph\"");
        var units = anon.post("/api/calculators/near-miss", Map.of("transfusionUnits", -2));
        assertThat(units.status()).isEqualTo(400);
        assertThat(units.toString()).contains("transfusionUnits");
        var outcome = anon.post("/api/calculators/near-miss", Map.of("outcome", "ALIVE"));
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.toString()).contains("outcome");
    }

    // ---- critical case (items 1, 2)

    @Test
    @DisplayName("a Hechuan health centre reports: criteria derived (§6), emergency referral to CQHCWC, its team and interventions, outcome NEAR_MISS")
    void lifeOfACase() {
        ApiClient hc = signIn("hc-doctor");
        String w = registerWoman(hc, "兰", "500117");
        String p = pregnancy(hc, w, 220);
        var r = hc.post("/api/critical-cases", report(w, p, Map.of("findings", List.of("SHOCK"), "plateletsE9L", 42, "ph", 7.1)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body().get("criteria").toString()).isEqualTo("[\"PLATELETS_BELOW_50\",\"SHOCK\"]");
        assertThat(r.at("/lifeThreatening").asBoolean()).isTrue();
        assertThat(r.text("/classification")).isEqualTo("LIFE_THREATENING");
        assertThat(r.text("/ruleVersion")).isEqualTo("WHO-2011");
        assertThat(r.text("/centreInstitutionCode")).isEqualTo("CQHCWC");
        assertThat(r.text("/districtMchInstitutionCode")).isEqualTo("MCH-500117");
        String id = r.text("/id");
        String referral = r.text("/referralId");
        assertThat(referral).isNotBlank();

        ApiClient centre = signIn("cqfy-doctor");
        var inbox = centre.get("/api/network/inbox?direction=incoming&state=REQUESTED&size=50");
        assertThat(inbox.body().at("/items").findValuesAsText("id")).contains(referral);
        var ref = centre.get("/api/referrals/" + referral);
        assertThat(ref.text("/urgency")).isEqualTo("EMERGENCY");
        assertThat(centre.get("/api/critical-cases/" + id).status()).isEqualTo(200);
        assertThat(signIn("etyy-doctor").get("/api/critical-cases/" + id).status()).as("an unrelated hospital").isEqualTo(403);

        long v = centre.get("/api/critical-cases/" + id).at("/version").asLong();
        var team = centre.post("/api/critical-cases/" + id + "/team", Map.of("name", "王主任", "role", "产科主任", "version", v));
        assertThat(team.status()).as(team.toString()).isEqualTo(200);
        assertThat(team.text("/state")).isEqualTo("TREATING");
        var stale = centre.put("/api/critical-cases/" + id + "/interventions", Map.of("icuDays", 3, "version", v));
        assertThat(stale.status()).as("stale version").isEqualTo(409);
        v = team.at("/version").asLong();
        var iv = centre.put("/api/critical-cases/" + id + "/interventions", Map.of("icuDays", 3, "unitsTransfused", 6, "laparotomy", true,
                "hysterectomy", "HAEMORRHAGE", "version", v));
        assertThat(iv.status()).as(iv.toString()).isEqualTo(200);
        assertThat(iv.body().get("criteria").toString()).as("§6: ≥5 units and hysterectomy for haemorrhage are criteria")
                .isEqualTo("[\"HYSTERECTOMY_INFECTION_OR_HAEMORRHAGE\",\"PLATELETS_BELOW_50\",\"SHOCK\",\"TRANSFUSION_5_UNITS\"]");
        assertThat(iv.body().get("organSystems").toString()).isEqualTo("[\"CARDIOVASCULAR\",\"COAGULATION\",\"UTERINE\"]");
        var neg = centre.put("/api/critical-cases/" + id + "/interventions", Map.of("unitsTransfused", -1, "version", iv.at("/version").asLong()));
        assertThat(neg.status()).isEqualTo(400);
        assertThat(neg.toString()).contains("unitsTransfused");

        var badBasis = centre.post("/api/critical-cases/" + id + "/outcome", Map.of("outcome", "SURVIVED", "basis", "DEATH",
                "outcomeOn", today().toString(), "version", iv.at("/version").asLong()));
        assertThat(badBasis.status()).isEqualTo(400);
        var out = centre.post("/api/critical-cases/" + id + "/outcome", Map.of("outcome", "SURVIVED", "basis", "DISCHARGE",
                "outcomeOn", today().toString(), "version", iv.at("/version").asLong()));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.text("/classification")).isEqualTo("NEAR_MISS");
        assertThat(out.text("/state")).isEqualTo("CLOSED");
        assertThat(out.at("/timeline").findValuesAsText("kind")).contains("REPORTED", "ROUTED", "ASSESSMENT", "TEAM", "INTERVENTION", "OUTCOME");
        assertThat(signIn("official-cq").get("/api/critical-cases?classification=NEAR_MISS&size=200").body().at("/items").findValuesAsText("id"))
                .contains(id);
    }

    @Test
    @DisplayName("§6 window: a woman registered on the spot postpartum — day 42 after the end of pregnancy is in, day 43 out")
    void onTheSpotAndWindow() {
        ApiClient hc = signIn("hc-doctor");
        Map<String, Object> b = report(null, null, Map.of("findings", List.of("STATUS_EPILEPTICUS")));
        b.remove("personId");
        b.put("newPerson", woman("芳", "500117"));
        b.put("stage", "POSTPARTUM");
        LocalDate onset = LocalDate.now(ChinaTime.ZONE).minusDays(1);
        b.put("onsetAt", onset.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)).toString());
        b.put("pregnancyEndedOn", onset.minusDays(43).toString());
        var late = hc.post("/api/critical-cases", b);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.toString()).contains("onsetAt");
        b.put("pregnancyEndedOn", onset.minusDays(42).toString());
        var ok = hc.post("/api/critical-cases", b);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.at("/registeredOnSpot").asBoolean()).isTrue();
        assertThat(ok.body().get("criteria").toString()).isEqualTo("[\"STATUS_EPILEPTICUS\"]");

        var neither = hc.post("/api/critical-cases", Map.of("stage", "PREGNANT", "onsetAt", OffsetDateTime.now().toString(), "diagnosis", "x"));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.toString()).contains("personId");
        var unknown = hc.post("/api/critical-cases", report(registerWoman(hc, "丽", "500117"), null, Map.of("findings", List.of("COUGH"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.toString()).contains("checklist.findings[0]");
    }

    // ---- death report (items 2, 3)

    static Map<String, Object> card(long version) {
        Map<String, Object> c = new HashMap<>();
        c.put("ageYears", 31);
        c.put("residence", "RURAL");
        c.put("household", "LOCAL");
        c.put("stageAtDeath", "POSTPARTUM");
        c.put("placeOfDeath", "PROVINCIAL_CITY_HOSPITAL");
        c.put("diagnosisLevel", "PROVINCIAL_CITY");
        c.put("causeGroup", "OBSTETRIC_HAEMORRHAGE");
        c.put("underlyingCauseIcd10", "O72.1");
        c.put("underlyingCauseText", "产后出血");
        c.put("version", version);
        return c;
    }

    @Test
    @DisplayName("§6 2-day timer through the API: a death reported on day 2 is in time, on day 3 overdue and escalated to the city")
    void timer() {
        ApiClient hc = signIn("hc-doctor");
        String w2 = registerWoman(hc, "梅", "500117");
        var d2 = hc.post("/api/maternal-deaths", Map.of("personId", w2, "deathDate", today().minusDays(2).toString()));
        assertThat(d2.status()).as(d2.toString()).isEqualTo(201);
        assertThat(d2.at("/daysLeft").asLong()).isZero();
        assertThat(d2.at("/overdue").asBoolean()).isFalse();
        var incomplete = hc.post("/api/maternal-deaths/" + d2.text("/id") + "/report", Map.of("version", d2.at("/version").asLong()));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.toString()).contains("placeOfDeath");
        var wrongIcd = hc.put("/api/maternal-deaths/" + d2.text("/id"), new HashMap<>(card(d2.at("/version").asLong())) {{
            put("underlyingCauseIcd10", "I21.9");
        }});
        assertThat(wrongIcd.status()).as("a direct cause is coded O00–O95").isEqualTo(400);
        assertThat(wrongIcd.toString()).contains("underlyingCauseIcd10");
        var filled = hc.put("/api/maternal-deaths/" + d2.text("/id"), card(d2.at("/version").asLong()));
        assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
        assertThat(filled.text("/causeType")).isEqualTo("DIRECT");
        var rep2 = hc.post("/api/maternal-deaths/" + d2.text("/id") + "/report", Map.of("version", filled.at("/version").asLong()));
        assertThat(rep2.status()).as(rep2.toString()).isEqualTo(200);
        assertThat(rep2.at("/inTime").asBoolean()).as("day 2: in time").isTrue();
        assertThat(rep2.at("/overdue").asBoolean()).isFalse();

        String w3 = registerWoman(hc, "菊", "500117");
        var d3 = hc.post("/api/maternal-deaths", Map.of("personId", w3, "deathDate", today().minusDays(3).toString()));
        ApiClient city = signIn("official-cq");
        var escalated = city.get("/api/maternal-deaths?escalated=true&size=200");
        assertThat(escalated.body().at("/items").findValuesAsText("id")).as("unreported on day 3 → escalated to the city").contains(d3.text("/id"));
        var filled3 = hc.put("/api/maternal-deaths/" + d3.text("/id"), card(d3.at("/version").asLong()));
        var rep3 = hc.post("/api/maternal-deaths/" + d3.text("/id") + "/report", Map.of("version", filled3.at("/version").asLong()));
        assertThat(rep3.at("/inTime").asBoolean()).as("day 3: overdue").isFalse();
        assertThat(rep3.at("/overdue").asBoolean()).isTrue();
        assertThat(signIn("hc-doctor").get("/api/maternal-deaths?overdue=true&size=200").body().at("/items").findValuesAsText("id"))
                .contains(d3.text("/id")).doesNotContain(d2.text("/id"));
        var again = hc.post("/api/maternal-deaths/" + d3.text("/id") + "/report", Map.of("version", rep3.at("/version").asLong()));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("a death recorded at delivery (maternal module) opens the death report; a critical case that died opens one too")
    void deathsRecordedElsewhere() {
        ApiClient doctor = signIn("cqfy-doctor");
        Map<String, Object> wf = woman("雪", "500105");
        String w = doctor.post("/api/persons", wf).text("/id");
        String p = pregnancy(doctor, w, 270);
        Map<String, Object> baby = new HashMap<>(Map.of("sex", "F", "weightG", 3000, "liveBorn", true));
        var d = doctor.post("/api/pregnancies/" + p + "/delivery", Map.of("deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(5).toString(),
                "mode", "CAESAREAN", "caesareanIndication", "胎盘早剥", "bloodLossMl", 3500, "maternalCondition", "DIED", "babies", List.of(baby)));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        var list = doctor.get("/api/maternal-deaths?size=200");
        var item = findBy(list.body().at("/items"), "personId", w);
        assertThat(item).as("death report opened from the delivery").isNotNull();
        var report = doctor.get("/api/maternal-deaths/" + item.get("id").asText());
        assertThat(report.text("/source")).isEqualTo("DELIVERY");
        assertThat(report.text("/districtMchInstitutionCode")).isEqualTo("MCH-500105");
        assertThat(report.text("/deliveryMode")).isEqualTo("CAESAREAN");

        String w2 = registerWoman(doctor, "云", "500105");
        var c = doctor.post("/api/critical-cases", report(w2, null, Map.of("findings", List.of("CARDIAC_ARREST", "CPR"))));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        assertThat(c.text("/referralId")).as("already at her designated centre: no referral").isEmpty();
        var died = doctor.post("/api/critical-cases/" + c.text("/id") + "/outcome", Map.of("outcome", "DIED", "basis", "DEATH",
                "outcomeOn", today().toString(), "version", c.at("/version").asLong()));
        assertThat(died.text("/classification")).isEqualTo("MATERNAL_DEATH");
        assertThat(died.text("/deathReportId")).isNotBlank();
        assertThat(doctor.get("/api/maternal-deaths/" + died.text("/deathReportId")).text("/source")).isEqualTo("CRITICAL_CASE");
    }

    static com.fasterxml.jackson.databind.JsonNode findBy(com.fasterxml.jackson.databind.JsonNode items, String field, String value) {
        for (var i : items) if (value.equals(i.path(field).asText())) return i;
        return null;
    }

    // ---- review (item 4)

    @Test
    @DisplayName("review transitions: SCHEDULED → CONCLUDED → CLOSED with its last action; evidence from her record; only the area's officials organise a city review")
    void review() {
        ApiClient hc = signIn("hc-doctor");
        String w = registerWoman(hc, "兰芝", "500117");
        String p = pregnancy(hc, w, 200);
        hc.post("/api/pregnancies/" + p + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).minusDays(3).toString(), "hemoglobinGPerL", 60));
        var c = hc.post("/api/critical-cases", report(w, p, Map.of("findings", List.of("SHOCK"))));
        var died = hc.post("/api/critical-cases/" + c.text("/id") + "/outcome", Map.of("outcome", "DIED", "basis", "DEATH",
                "outcomeOn", today().toString(), "version", c.at("/version").asLong()));
        String death = died.text("/deathReportId");

        Map<String, Object> body = Map.of("deathReportId", death, "level", "CITY", "meetingDate", LocalDate.now(ChinaTime.ZONE).toString(),
                "members", List.of(Map.of("name", "张教授", "role", "主任委员"), Map.of("name", "李主任", "role", "委员")));
        assertThat(hc.post("/api/case-reviews", body).status()).as("a health centre cannot organise a city review").isEqualTo(403);
        ApiClient city = signIn("official-cq");
        var r = city.post("/api/case-reviews", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/status")).isEqualTo("SCHEDULED");
        assertThat(r.at("/evidence/pregnancies/0/contacts/0/hemoglobin").asText()).startsWith("60");
        assertThat(r.at("/evidence/pregnancies/0/gradings").size()).isGreaterThan(0);
        assertThat(r.at("/evidence/referrals/0/createdAt").asText()).isNotBlank();
        assertThat(r.at("/evidence/referrals/0/urgency").asText()).isEqualTo("EMERGENCY");
        String id = r.text("/id");

        var noFactor = city.post("/api/case-reviews/" + id + "/conclusion", Map.of("classification", "AVOIDABLE", "factors", List.of(),
                "version", r.at("/version").asLong()));
        assertThat(noFactor.status()).isEqualTo(400);
        Map<String, Object> conclusion = Map.of("classification", "AVOIDABLE", "summary", "转诊延误",
                "factors", List.of(Map.of("level", "WOMAN_FAMILY", "delay", "DECIDING", "description", "家属犹豫是否就医"),
                        Map.of("level", "FACILITY", "delay", "RECEIVING", "description", "备血不足")),
                "actions", List.of(Map.of("description", "建立产科输血绿色通道", "ownerInstitutionCode", "CHC-500117-1", "ownerName", "院长",
                        "dueOn", LocalDate.now(ChinaTime.ZONE).plusDays(30).toString())),
                "version", r.at("/version").asLong());
        var concluded = city.post("/api/case-reviews/" + id + "/conclusion", conclusion);
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(200);
        assertThat(concluded.text("/status")).isEqualTo("CONCLUDED");
        assertThat(concluded.at("/factors").size()).isEqualTo(2);
        var twice = city.post("/api/case-reviews/" + id + "/conclusion", new HashMap<>(conclusion) {{
            put("version", concluded.at("/version").asLong());
        }});
        assertThat(twice.status()).as("already concluded").isEqualTo(409);

        String action = concluded.text("/actions/0/id");
        var myActions = hc.get("/api/review-actions?status=OPEN&size=200");
        assertThat(myActions.body().at("/items").findValuesAsText("id")).as("the owner sees its action").contains(action);
        assertThat(signIn("etyy-doctor").post("/api/review-actions/" + action + "/close", Map.of("note", "x", "version", 0)).status()).isEqualTo(403);
        var progress = hc.post("/api/review-actions/" + action + "/progress", Map.of("note", "已起草制度", "version", 0));
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        var closed = hc.post("/api/review-actions/" + action + "/close", Map.of("note", "绿色通道已运行", "version", progress.at("/version").asLong()));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(city.get("/api/case-reviews/" + id).text("/status")).as("closed with its last action").isEqualTo("CLOSED");
        assertThat(hc.get("/api/maternal-deaths/" + death).text("/reviewStatus")).isEqualTo("CLOSED");
    }

    // ---- interviews and notices (item 5)

    @Test
    @DisplayName("interview/notice: the city calls a health centre to account for a case; it responds; the city closes it")
    void notice() {
        ApiClient hc = signIn("hc-doctor");
        String w = registerWoman(hc, "娟", "500117");
        var c = hc.post("/api/critical-cases", report(w, null, Map.of("findings", List.of("GASPING"))));
        Map<String, Object> n = new HashMap<>(Map.of("kind", "INTERVIEW", "targetInstitutionCode", "CHC-500117-1",
                "issuedOn", LocalDate.now(ChinaTime.ZONE).toString(), "subject", "危重孕产妇转诊不及时", "findings", "未按规定及时上报和转诊",
                "followUpDemanded", "一个月内提交整改报告", "followUpDue", LocalDate.now(ChinaTime.ZONE).plusDays(30).toString(),
                "caseIds", List.of(c.text("/id"))));
        assertThat(hc.post("/api/interview-notices", n).status()).as("only officials issue").isEqualTo(403);
        assertThat(signIn("official-jb").post("/api/interview-notices", n).status()).as("Jiangbei cannot summon a Hechuan institution").isEqualTo(400);
        ApiClient city = signIn("official-cq");
        var issued = city.post("/api/interview-notices", n);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.text("/id");
        assertThat(city.post("/api/interview-notices/" + id + "/close", Map.of("text", "x", "version", 0)).status())
                .as("cannot close before the response").isEqualTo(409);
        assertThat(hc.get("/api/interview-notices?size=200").body().at("/items").findValuesAsText("id")).contains(id);
        var resp = hc.post("/api/interview-notices/" + id + "/response", Map.of("text", "已完成整改，建立上报制度", "version", 0));
        assertThat(resp.status()).as(resp.toString()).isEqualTo(200);
        assertThat(resp.text("/status")).isEqualTo("RESPONDED");
        var closed = city.post("/api/interview-notices/" + id + "/close", Map.of("text", "整改到位", "version", resp.at("/version").asLong()));
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
    }
}
