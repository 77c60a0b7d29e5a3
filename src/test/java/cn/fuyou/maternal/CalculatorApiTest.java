package cn.fuyou.maternal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 3 §8 — public calculators for member hospitals (clinical-rules.md §1 and §3). */
class CalculatorApiTest extends IntegrationTest {

    @Test
    @DisplayName("pregnancy-risk answers without login: orange + purple with each factor and the rule-set version")
    void risk() {
        var r = anonymous().post("/api/calculators/pregnancy-risk", Map.of("ageYears", 41, "hemoglobinGPerL", 100,
                "factors", List.of("HIV")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/colour")).isEqualTo("orange");
        assertThat(r.at("/purple").asBoolean()).isTrue();
        assertThat(r.at("/screenPositive").asBoolean()).isTrue();
        assertThat(r.body().at("/factors").findValuesAsText("code")).containsExactlyInAnyOrder("AGE", "HEMOGLOBIN", "HIV");
        assertThat(r.body().at("/factors").findValuesAsText("colour")).contains("orange", "yellow", "purple");
        assertThat(r.text("/ruleSetVersion")).isEqualTo("NHC-2017-CQ-1");
    }

    @Test
    @DisplayName("age from birthDate + assessmentDate in completed years (35th birthday → yellow)")
    void ageFromDates() {
        var r = anonymous().post("/api/calculators/pregnancy-risk", Map.of("birthDate", "1991-06-15", "assessmentDate", "2026-06-15"));
        assertThat(r.text("/colour")).isEqualTo("yellow");
        var dayBefore = anonymous().post("/api/calculators/pregnancy-risk", Map.of("birthDate", "1991-06-15", "assessmentDate", "2026-06-14"));
        assertThat(dayBefore.text("/colour")).isEqualTo("green");
    }

    @Test
    @DisplayName("an unknown code or an out-of-range value is a 400 naming it")
    void refusals() {
        var unknown = anonymous().post("/api/calculators/pregnancy-risk", Map.of("factors", List.of("ASTHMA", "FOO")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/errors/0/field")).isEqualTo("factors[1]");
        assertThat(unknown.text("/detail")).contains("FOO");
        var nyha = anonymous().post("/api/calculators/pregnancy-risk", Map.of("nyhaClass", 5));
        assertThat(nyha.status()).isEqualTo(400);
        assertThat(nyha.text("/errors/0/field")).isEqualTo("nyhaClass");
        var bad = anonymous().postRaw("/api/calculators/pregnancy-risk", "{\"hemoglobinGPerL\": \"lots\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("hemoglobinGPerL");
    }

    @Test
    @DisplayName("gestational-age: LMP dating, ultrasound redating, ART, and CRL > 84 refused")
    void gestationalAge() {
        var lmp = anonymous().post("/api/calculators/gestational-age", Map.of("lmp", "2026-01-01", "onDate", "2026-04-04"));
        assertThat(lmp.text("/edd")).isEqualTo("2026-10-08");
        assertThat(lmp.at("/gestationalAge/weeks").asInt()).isEqualTo(13);
        assertThat(lmp.at("/gestationalAge/days").asInt()).isEqualTo(2);
        assertThat(lmp.text("/datingMethod")).isEqualTo("LMP");
        assertThat(lmp.at("/suboptimallyDated").asBoolean()).isTrue();

        // Scan at 10+0 by LMP (70 days); CRL 45 mm = 79 days: 9 days apart > 7 → redated.
        var us = anonymous().post("/api/calculators/gestational-age", Map.of("lmp", "2026-01-01", "onDate", "2026-03-12",
                "ultrasound", Map.of("date", "2026-03-12", "crlMm", 45)));
        assertThat(us.text("/datingMethod")).isEqualTo("ULTRASOUND");
        assertThat(us.at("/redated").asBoolean()).isTrue();
        assertThat(us.at("/gestationalAgeDays").asInt()).isEqualTo(79);

        var art = anonymous().post("/api/calculators/gestational-age", Map.of("onDate", "2026-04-01",
                "art", Map.of("transferDate", "2026-02-10", "embryoAgeDays", 5)));
        assertThat(art.text("/edd")).isEqualTo("2026-10-29");

        var big = anonymous().post("/api/calculators/gestational-age", Map.of("lmp", "2026-01-01",
                "ultrasound", Map.of("date", "2026-03-30", "crlMm", 84.1)));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.text("/errors/0/field")).isEqualTo("ultrasound.crlMm");
    }

    @Test
    @DisplayName("issue 19 §5: factors come with their names from the message bundles, Chinese by default and English on request")
    void factorNames() {
        var zh = anonymous().get("/api/calculators/pregnancy-risk/factors");
        assertThat(zh.status()).isEqualTo(200);
        var scarred = "/factors/" + indexOf(zh, "SCARRED_UTERUS_WITH_CENTRAL_PRAEVIA_OR_SUSPECTED_ACCRETA");
        assertThat(zh.text(scarred + "/name")).contains("瘢痕子宫");
        assertThat(zh.text(scarred + "/nameEn")).contains("scarred uterus");
        zh.at("/factors").forEach(f -> assertThat(f.path("nameZh").asText()).as(f.path("code").asText()).isNotEqualTo(f.path("code").asText()));
        var en = anonymous().withLanguage("en").get("/api/calculators/pregnancy-risk/factors");
        assertThat(en.text("/factors/" + indexOf(en, "RH_NEGATIVE") + "/name")).isEqualTo("Rh negative");
        var graded = anonymous().post("/api/calculators/pregnancy-risk", Map.of("factors", List.of("ASTHMA")));
        assertThat(graded.text("/factors/0/reason")).doesNotContain("ASTHMA").contains("哮喘");
    }

    private static int indexOf(cn.fuyou.support.ApiClient.Response r, String code) {
        for (int i = 0; i < r.at("/factors").size(); i++) if (r.text("/factors/" + i + "/code").equals(code)) return i;
        throw new AssertionError("no factor " + code);
    }
}
