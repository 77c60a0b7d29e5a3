package cn.fuyou.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 13 §4–§7 — trainees and rotations, research registry, the alliance's capability programme, statistics scope. */
class ProgrammeApiTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("a fellow rotates through divisions of her programme's hospital; another hospital cannot add to it")
    void trainees() {
        ApiClient ch = signIn("etyy-doctor");
        String programme = ch.post("/api/training/programmes", Map.of("name", "儿科重症进修（测试）", "kind", "FELLOWSHIP", "years", 1)).text("/id");
        var t = ch.post("/api/training/trainees", Map.of("programmeId", programme, "fullName", "进修医师测试", "profession", "PAEDIATRICIAN",
                "supervisor", "赵教授", "startsOn", TODAY.minusMonths(3).toString(), "endsOn", TODAY.plusMonths(9).toString()));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        assertThat(ch.post("/api/training/trainees/" + t.text("/id") + "/rotations", Map.of("division", "新生儿科",
                "startsOn", TODAY.minusMonths(3).toString(), "endsOn", TODAY.minusMonths(1).toString(), "evaluation", "合格")).status()).isEqualTo(201);
        var bad = ch.post("/api/training/trainees/" + t.text("/id") + "/rotations", Map.of("division", "PICU",
                "startsOn", TODAY.toString(), "endsOn", TODAY.minusDays(1).toString()));
        assertThat(bad.text("/errors/0/field")).isEqualTo("endsOn");
        assertThat(signIn("cqfy-doctor").post("/api/training/trainees/" + t.text("/id") + "/rotations", Map.of("division", "产科",
                "startsOn", TODAY.toString(), "endsOn", TODAY.toString())).status()).isEqualTo(403);
        var list = ch.get("/api/training/trainees?supervisor=赵教授&q=进修医师测试");
        assertThat(list.at("/items/0/rotations/0/division").asText()).isEqualTo("新生儿科");
        // another institution's staff do not see this programme's trainees or their evaluations (review finding)
        assertThat(signIn("cqfy-doctor").get("/api/training/trainees?q=进修医师测试").at("/items").size()).isZero();
        assertThat(ch.post("/api/training/trainees/" + t.text("/id") + "/status", Map.of("version", 1)).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("research projects with team and outputs (papers, textbooks) are registered and searched")
    void research() {
        ApiClient centre = signIn("cqfy-admin");
        String p = centre.post("/api/training/research/projects", Map.of("title", "托育照护质量研究（测试）", "funder", "重庆市卫生健康委员会",
                "centre", "INFANT_CARE_GUIDANCE_CENTRE", "startsOn", "2024-01-01", "endsOn", "2026-12-31", "lead", "谭主任",
                "team", List.of("冉医生", "周护师"))).text("/id");
        assertThat(centre.post("/api/training/research/outputs", Map.of("projectId", p, "kind", "TEXTBOOK", "title", "婴幼儿照护实务（测试）",
                "authors", "指导中心", "publishedOn", TODAY.plusDays(5).toString())).text("/errors/0/field")).isEqualTo("publishedOn");
        assertThat(centre.post("/api/training/research/outputs", Map.of("projectId", p, "kind", "TEXTBOOK", "title", "婴幼儿照护实务（测试）",
                "authors", "指导中心", "publishedOn", TODAY.minusDays(5).toString())).status()).isEqualTo(201);
        var found = centre.get("/api/training/research/projects?q=托育照护质量研究（测试）");
        assertThat(found.at("/items/0/team").size()).isEqualTo(2);
        assertThat(found.at("/items/0/outputs").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("the alliance lead records a council meeting with decisions, sets a member's target (the member reports progress), stores the member's agreement as a PDF; others may not")
    void alliance() {
        ApiClient lead = signIn("cqfy-admin");
        List<String> members = lead.get("/api/training/alliance/members").body().findValuesAsText("code");
        String member = members.stream().filter(c -> c.startsWith("MCH-")).findFirst().orElseThrow();
        var m = lead.post("/api/training/alliance/meetings", Map.of("heldOn", TODAY.minusDays(1).toString(), "title", "理事会（测试）",
                "present", List.of(member), "minutes", "审议计划。",
                "decisions", List.of(Map.of("text", "完成新生儿复苏考核全覆盖", "ownerCode", member, "dueOn", TODAY.plusDays(30).toString()))));
        assertThat(m.status()).as(m.toString()).isEqualTo(201);
        assertThat(signIn("hc-doctor").post("/api/training/alliance/meetings", Map.of("heldOn", TODAY.toString(), "title", "x",
                "minutes", "x")).status()).isEqualTo(403);
        assertThat(lead.post("/api/training/alliance/meetings", Map.of("heldOn", TODAY.toString(), "title", "x", "minutes", "x",
                "present", List.of("CHC-500117-1"))).text("/errors/0/field")).isEqualTo("present[0]");

        var target = lead.post("/api/training/alliance/plan", Map.of("planYear", TODAY.getYear(), "institutionCode", member,
                "measure", "STAFF_TRAINED", "description", "培训人次（测试）", "target", 40));
        assertThat(target.status()).isEqualTo(201);
        assertThat(lead.post("/api/training/alliance/plan/" + target.text("/id") + "/progress", Map.of("progress", 10, "version", 0)).status())
                .isEqualTo(204);
        assertThat(lead.post("/api/training/alliance/plan/" + target.text("/id") + "/progress", Map.of("progress", 12, "version", 0)).status())
                .as("stale version").isEqualTo(409);
        var plan = lead.get("/api/training/alliance/plan?year=" + TODAY.getYear()).body().toString();
        assertThat(plan).contains("培训人次（测试）").contains("\"percent\":25.0");

        byte[] pdf = "%PDF-1.4\n% test agreement\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(lead.postFile("/api/training/alliance/members/" + member + "/agreement?title=合作协议（测试）", "file", "a.pdf", pdf).status())
                .isEqualTo(201);
        assertThat(lead.postFile("/api/training/alliance/members/" + member + "/agreement?title=x", "file", "a.txt",
                "not a pdf".getBytes(StandardCharsets.UTF_8)).text("/errors/0/field")).isEqualTo("file");
        var agreement = lead.get("/api/training/alliance/members").body();
        String id = null;
        for (var row : agreement) if (row.at("/institution/code").asText().equals(member)) id = row.at("/agreement/id").asText();
        var file = lead.download("/api/training/alliance/agreements/" + id);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.body()).isEqualTo(pdf);
    }

    @Test
    @DisplayName("statistics: institution admins, officials and system admins only; completion and pass rates carry the counts they divide")
    void statistics() {
        assertThat(signIn("cqfy-doctor").get("/api/training/statistics").status()).isEqualTo(403);
        var s = signIn("official-cq").get("/api/training/statistics?from=" + TODAY.minusYears(1) + "&to=" + TODAY);
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.at("/byArea").isArray()).isTrue();
        assertThat(signIn("admin").get("/api/training/statistics?from=" + TODAY + "&to=" + TODAY.minusDays(1)).text("/errors/0/field")).isEqualTo("to");
    }
}
