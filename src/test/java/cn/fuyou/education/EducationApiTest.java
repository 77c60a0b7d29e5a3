package cn.fuyou.education;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 12 §2: the health-education library — starter set, editing by CQHCWC editors, handbooks, assignment. */
class EducationApiTest extends IntegrationTest {

    @Autowired EducationLibrary library;
    @Autowired JdbcClient jdbc;

    @Test
    void theStarterSetCoversEveryWeekOfPregnancyAndEveryMonthOfTheFirstThreeYears() {
        for (int week = 1; week <= 42; week++) {
            assertThat(library.forWeek(week, "zh-CN")).as("items for week %d", week).isNotEmpty();
        }
        for (int months = 0; months <= 36; months++) {
            assertThat(library.forChildAge(months, "zh-CN")).as("items for %d months", months).isNotEmpty();
        }
        var pmtct = library.forWeek(20, "zh-CN").stream().filter(i -> i.topics().contains("PMTCT")).findFirst().orElseThrow();
        var item = library.findPublished(pmtct.id()).orElseThrow();
        assertThat(item.html()).contains("<h1>").contains("乙肝");
        assertThat(item.markdown()).isNull();
    }

    @Test
    void editorsAtTheCentreWriteAndPublishOthersOnlyRead() {
        var editor = signIn("cqfy-doctor");
        var community = signIn("hc-doctor");
        var form = Map.of("kind", "ARTICLE", "title", "测试：孕期口腔保健", "markdown", "# 刷牙\n<script>alert(1)</script>\n[x](javascript:alert(1))",
                "topics", List.of("ANTENATAL_CARE"), "weekFrom", 12, "weekTo", 30);
        assertThat(community.post("/api/education/items", form).status()).isEqualTo(403);
        var created = editor.post("/api/education/items", form);
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.text("/status")).isEqualTo("DRAFT");
        assertThat(created.text("/html")).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("javascript:");
        // a draft is invisible to non-editors
        assertThat(community.get("/api/education/items/" + id).status()).isEqualTo(404);
        assertThat(library.findPublished(UUID.fromString(id))).isEmpty();
        // stale version: 409, never a silent overwrite
        var changed = new java.util.HashMap<String, Object>(form);
        changed.put("title", "孕期口腔保健");
        changed.put("version", 0);
        assertThat(editor.put("/api/education/items/" + id, changed).status()).isEqualTo(200);
        assertThat(editor.put("/api/education/items/" + id, changed).status()).isEqualTo(409);
        assertThat(editor.post("/api/education/items/" + id + "/publish", Map.of("version", 1)).status()).isEqualTo(200);
        assertThat(community.get("/api/education/items/" + id).text("/title")).isEqualTo("孕期口腔保健");
        assertThat(library.findPublished(UUID.fromString(id))).isPresent();
        assertThat(community.get("/api/education/items?q=口腔保健").at("/total").asInt()).isEqualTo(1);
    }

    @Test
    void badFieldsAreNamed() {
        var editor = signIn("cqfy-doctor").withLanguage("en");
        var r = editor.post("/api/education/items", Map.of("kind", "ARTICLE", "title", "x", "markdown", "y", "weekFrom", 30, "weekTo", 20));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().toString()).contains("weekTo");
        r = editor.post("/api/education/items", Map.of("kind", "VIDEO", "title", "x", "videoUrl", "http://insecure.example/v"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().toString()).contains("videoUrl");
        r = editor.post("/api/education/items", Map.of("kind", "ARTICLE", "title", "x", "markdown", "y", "topics", List.of("ASTROLOGY")));
        assertThat(r.body().toString()).contains("topics[0]");
    }

    @Test
    void aHandbookIsAPdfCheckedByItsContent() {
        var editor = signIn("cqfy-doctor");
        var created = editor.post("/api/education/items", Map.of("kind", "HANDBOOK", "title", "孕产妇保健手册", "weekFrom", 1, "weekTo", 42));
        String id = created.text("/id");
        assertThat(editor.post("/api/education/items/" + id + "/publish", Map.of("version", 0)).status()).isEqualTo(400);
        var fake = editor.postFile("/api/education/items/" + id + "/file?version=0", "file", "handbook.pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(400);
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        var ok = editor.postFile("/api/education/items/" + id + "/file?version=0", "file", "手册.pdf", pdf);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text("/fileType")).isEqualTo("application/pdf");
        var download = editor.download("/api/education/items/" + id + "/file");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
    }

    @Test
    void aClinicianAssignsAnItemToAWomanSheIsEntitledToSee() {
        UUID woman = jdbc.sql("select id from person where id_number = '500112199203151248'").query(UUID.class).single();
        UUID item = library.forWeek(30, "zh-CN").get(0).id();
        var doctor = signIn("cqfy-doctor");
        var r = doctor.post("/api/education/items/" + item + "/assignments", Map.of("personId", woman, "note", "请在家数胎动"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode list = doctor.get("/api/education/assignments?personId=" + woman).body();
        List<String> titles = new ArrayList<>();
        list.forEach(a -> titles.add(a.get("title").asText()));
        assertThat(titles).isNotEmpty();
        // another institution's community doctor is not entitled to her record
        assertThat(signIn("hc-doctor").post("/api/education/items/" + item + "/assignments", Map.of("personId", woman)).status()).isEqualTo(403);
        assertThat(signIn("official-cq").post("/api/education/items/" + item + "/assignments", Map.of("personId", woman)).status()).isEqualTo(403);
    }
}
