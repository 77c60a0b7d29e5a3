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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: clinical-rules.md §1 (purple from every positive result; one dedicated case per pregnancy,
 * open to the 42-day check) and §5 (PMTCT infant follow-up to an exit; maternal HBV antiviral) — issue 16 items 1–3, 16.
 */
class PmtctApiTest extends IntegrationTest {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private String pregnancy(ApiClient c, String given, int gaDays) {
        var w = c.post("/api/persons", PersonApiTest.woman("沈", given, null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        var p = c.post("/api/pregnancies", Map.of("womanId", w.text("/id"), "gravida", 1, "para", 0,
                "lmp", LocalDate.now(ChinaTime.ZONE).minusDays(gaDays).toString(), "heightCm", 160, "prePregnancyWeightKg", 55));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        return p.text("/id");
    }

    private JsonNode deliver(ApiClient c, String id, OffsetDateTime at, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("deliveredAt", at.toString(), "mode", "VAGINAL", "maternalCondition", "GOOD",
                "babies", List.of(Map.of("sex", "F", "weightG", 3100, "liveBorn", true))));
        body.putAll(extra);
        var r = c.post("/api/pregnancies/" + id + "/delivery", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    private static JsonNode item(JsonNode pmtct, String code) {
        return StreamSupport.stream(pmtct.at("/infantItems").spliterator(), false).filter(i -> i.at("/code").asText().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + code + " in " + pmtct));
    }

    private static List<String> codes(JsonNode pmtct) {
        return pmtct.at("/infantItems").findValuesAsText("code");
    }

    @Test
    @DisplayName("§1/§5 HIV-positive rapid test at delivery: purple, one dedicated case, PMTCT (LABOUR, high exposure); infant exits INFECTED on two positive NATs")
    void hivAtDelivery() {
        ApiClient doctor = signIn("cqfy-doctor");
        String id = pregnancy(doctor, "若兰", 272);
        OffsetDateTime birth = OffsetDateTime.now(CHINA).minusHours(5);
        JsonNode r = deliver(doctor, id, birth, Map.of("hivRapidTest", "POSITIVE"));
        assertThat(r.at("/purple").asBoolean()).as("purple from a result recorded at delivery").isTrue();
        assertThat(r.at("/cases").size()).isEqualTo(1);
        assertThat(r.at("/cases/0/status").asText()).as("the dedicated case stays open after delivery").isEqualTo("OPEN");
        assertThat(r.at("/cases/0/reason").asText()).contains("PURPLE");
        JsonNode hiv = r.at("/pmtct/0");
        assertThat(hiv.at("/infection").asText()).isEqualTo("HIV");
        assertThat(hiv.at("/foundAtStage").asText()).isEqualTo("LABOUR");
        assertThat(codes(hiv)).contains("HIV_ARV_TRIPLE_6W", "HIV_NAT_48H", "HIV_AB_12M").doesNotContain("HIV_ARV_SINGLE_4W", "HIV_AB_18M");
        assertThat(hiv.at("/infants/0/status").asText()).isEqualTo("FOLLOWING");

        String nat48 = item(hiv, "HIV_NAT_48H").at("/id").asText();
        var noFinding = doctor.post("/api/pmtct-items/" + nat48 + "/complete", Map.of("doneAt", birth.plusHours(1).toString()));
        assertThat(noFinding.status()).isEqualTo(400);
        assertThat(noFinding.text("/errors/0/field")).isEqualTo("finding");
        var beforeBirth = doctor.post("/api/pmtct-items/" + nat48 + "/complete", Map.of("doneAt", birth.minusHours(1).toString(), "finding", "POSITIVE"));
        assertThat(beforeBirth.status()).isEqualTo(400);
        assertThat(beforeBirth.text("/errors/0/field")).isEqualTo("doneAt");
        assertThat(doctor.post("/api/pmtct-items/" + nat48 + "/complete", Map.of("doneAt", birth.plusHours(2).toString(), "finding", "POSITIVE"))
                .status()).isEqualTo(204);
        hiv = doctor.get("/api/pregnancies/" + id).at("/pmtct/0");
        assertThat(codes(hiv)).as("a positive early diagnosis drops the antibody tests").doesNotContain("HIV_AB_12M");
        assertThat(hiv.at("/infants/0/status").asText()).isEqualTo("FOLLOWING");
        String nat6w = item(hiv, "HIV_NAT_6W").at("/id").asText();
        doctor.post("/api/pmtct-items/" + nat6w + "/complete", Map.of("doneAt", birth.plusHours(4).toString(), "finding", "POSITIVE"));
        hiv = doctor.get("/api/pregnancies/" + id).at("/pmtct/0");
        assertThat(hiv.at("/infants/0/status").asText()).isEqualTo("EXITED");
        assertThat(hiv.at("/infants/0/outcome").asText()).isEqualTo("INFECTED");
        assertThat(item(hiv, "HIV_NAT_3M").at("/status").asText()).as("an exited infant's open items are closed").isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("§1 one dedicated case per pregnancy, open through the puerperium, closed at the 42-day check; §5 postpartum stage")
    void postpartumPositiveAndCaseLife() {
        ApiClient doctor = signIn("cqfy-doctor");
        String id = pregnancy(doctor, "若琳", 271);
        // Yesterday at noon: a day before today's visits, and never two days before today's registration (30 hours ago was, before 06:00).
        JsonNode r = deliver(doctor, id, LocalDate.now(CHINA).minusDays(1).atTime(12, 0).atZone(CHINA).toOffsetDateTime(), Map.of());
        assertThat(r.at("/purple").asBoolean()).isFalse();
        assertThat(r.at("/cases").size()).isZero();
        var visit = doctor.post("/api/pregnancies/" + id + "/postpartum-visits", Map.of("kind", "HOME_VISIT",
                "visitDate", LocalDate.now(ChinaTime.ZONE).toString(), "syphilis", "POSITIVE"));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        assertThat(visit.at("/purple").asBoolean()).as("purple from a postpartum result").isTrue();
        assertThat(visit.text("/pmtct/0/infection")).isEqualTo("SYPHILIS");
        assertThat(visit.text("/pmtct/0/foundAtStage")).isEqualTo("POSTPARTUM");
        assertThat(codes(visit.at("/pmtct/0"))).as("the baby born before the result gets her schedule").contains("SYPH_BENZATHINE", "SYPH_TREP_18M");
        assertThat(visit.at("/cases").size()).isEqualTo(1);
        var again = doctor.post("/api/pregnancies/" + id + "/postpartum-visits", Map.of("kind", "HOME_VISIT",
                "visitDate", LocalDate.now(ChinaTime.ZONE).toString(), "factors", List.of("PUERPERAL_INFECTION")));
        assertThat(again.at("/colour").asText()).isEqualTo("ORANGE");
        assertThat(again.at("/cases").size()).as("a postpartum re-grade does not open a second case").isEqualTo(1);
        assertThat(again.text("/cases/0/status")).isEqualTo("OPEN");
        var day42 = doctor.post("/api/pregnancies/" + id + "/postpartum-visits", Map.of("kind", "DAY_42",
                "visitDate", LocalDate.now(ChinaTime.ZONE).toString()));
        assertThat(day42.at("/cases").size()).isEqualTo(1);
        assertThat(day42.text("/cases/0/status")).as("closed by the 42-day check").isEqualTo("CLOSED");

        String child = visit.at("/pmtct/0/infants/0/childId").asText();
        String caseId = visit.text("/pmtct/0/id");
        var lost = doctor.post("/api/pmtct-cases/" + caseId + "/infants/" + child + "/exit", Map.of("outcome", "NOT_INFECTED",
                "on", LocalDate.now(ChinaTime.ZONE).toString(), "reason", "随访"));
        assertThat(lost.status()).as("only lost/died are recorded by hand").isEqualTo(400);
        assertThat(doctor.post("/api/pmtct-cases/" + caseId + "/infants/" + child + "/exit", Map.of("outcome", "LOST_TO_FOLLOW_UP",
                "on", LocalDate.now(ChinaTime.ZONE).toString(), "reason", "电话无法联系，搬离本区")).status()).isEqualTo(204);
        JsonNode after = doctor.get("/api/pregnancies/" + id).at("/pmtct/0/infants/0");
        assertThat(after.at("/outcome").asText()).isEqualTo("LOST_TO_FOLLOW_UP");
        assertThat(after.at("/reasonZh").asText()).contains("电话无法联系");
    }

    @Test
    @DisplayName("§1 syphilis- and HBsAg-positive contact results set purple through the API; §5 HBeAg-positive mother: antiviral from 28–32 weeks on her record and worklist")
    void syphilisHbsagPurpleAndAntiviral() {
        ApiClient doctor = signIn("cqfy-doctor");
        String s = pregnancy(doctor, "若雪", 100);
        var syph = doctor.post("/api/pregnancies/" + s + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "syphilis", "POSITIVE"));
        assertThat(syph.at("/purple").asBoolean()).isTrue();
        assertThat(syph.text("/colour")).isEqualTo("GREEN");

        String h = pregnancy(doctor, "若霜", 190);
        var hb = doctor.post("/api/pregnancies/" + h + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hbsag", "POSITIVE"));
        assertThat(hb.at("/purple").asBoolean()).isTrue();
        assertThat(hb.text("/pmtct/0/infection")).isEqualTo("HBV");
        assertThat(hb.at("/pmtct/0/antiviral/indicated").asBoolean()).as("no DNA, no HBeAg yet").isFalse();
        String caseId = hb.text("/pmtct/0/id");
        assertThat(doctor.put("/api/pmtct-cases/" + caseId, Map.of("hbeagPositive", true, "version", 0)).status()).isEqualTo(204);
        JsonNode av = doctor.get("/api/pregnancies/" + h).at("/pmtct/0/antiviral");
        LocalDate lmp = LocalDate.now(ChinaTime.ZONE).minusDays(190);
        assertThat(av.at("/indicated").asBoolean()).isTrue();
        assertThat(av.at("/from").asText()).isEqualTo(lmp.plusWeeks(28).toString());
        assertThat(av.at("/until").asText()).isEqualTo(lmp.plusWeeks(32).toString());
        assertThat(av.at("/status").asText()).isEqualTo("UPCOMING");
        var wl = doctor.get("/api/maternal/worklist?kind=HBV_ANTIVIRAL&size=200");
        assertThat(wl.body().at("/items").findValuesAsText("pregnancyId")).contains(h);
        assertThat(doctor.put("/api/pmtct-cases/" + caseId, Map.of("hbeagPositive", true, "antiviralStart", LocalDate.now(ChinaTime.ZONE).toString(),
                "version", 1)).status()).isEqualTo(204);
        assertThat(doctor.get("/api/pregnancies/" + h).text("/pmtct/0/antiviral/status")).isEqualTo("DONE");
        assertThat(doctor.get("/api/maternal/worklist?kind=HBV_ANTIVIRAL&size=200").body().at("/items").findValuesAsText("pregnancyId"))
                .doesNotContain(h);
    }
}
