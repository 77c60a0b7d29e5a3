package cn.fuyou.births;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 18 and clinical-rules.md §9 — the birth medical certificate: stock, issue, PDF, void, reissue, lookup. */
class BirthCertificateApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final java.util.concurrent.atomic.AtomicInteger RANGE = new java.util.concurrent.atomic.AtomicInteger();

    /** The CQHCWC admin receives a fresh range with its own prefix (so each test counts its own blanks). */
    private JsonNode receive(String prefix, int count) {
        ApiClient admin = signIn("cqfy-admin");
        long first = 500_000_001L + RANGE.getAndIncrement() * 1000L;
        var r = admin.post("/api/birth-certificates/stock", Map.of("prefix", prefix, "firstSeq", first, "lastSeq", first + count - 1,
                "receivedOn", LocalDate.now(ChinaTime.ZONE).toString(), "note", "test range"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    private static Map<String, Object> form(String name) {
        Map<String, Object> f = new HashMap<>();
        f.put("childName", name);
        f.put("motherEthnicity", "汉族");
        f.put("fatherName", "柏建国");
        f.put("fatherEthnicity", "汉族");
        f.put("fatherIdType", "RESIDENT_ID");
        f.put("fatherIdNumber", "500112199001011234");
        return f;
    }

    @Test
    @DisplayName("§9: a range of blanks is received (institution admin only, no overlap); in stock + issued + voided = received")
    void stock() {
        var range = receive("T", 10);
        assertThat(range.path("firstNumber").asText()).matches("T5000\\d{5}");
        assertThat(range.path("inStock").asLong()).isEqualTo(10);
        ApiClient admin = signIn("cqfy-admin");
        long first = Long.parseLong(range.path("firstNumber").asText().substring(1));
        var overlap = admin.post("/api/birth-certificates/stock", Map.of("prefix", "T", "firstSeq", first + 5, "lastSeq", first + 20,
                "receivedOn", LocalDate.now(ChinaTime.ZONE).toString()));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.text("/code")).isEqualTo("range-overlap");
        var reversed = admin.post("/api/birth-certificates/stock", Map.of("prefix", "T", "firstSeq", 900, "lastSeq", 800,
                "receivedOn", LocalDate.now(ChinaTime.ZONE).toString()));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.text("/errors/0/field")).isEqualTo("lastSeq");
        var badPrefix = admin.post("/api/birth-certificates/stock", Map.of("prefix", "t1", "firstSeq", 1, "lastSeq", 2,
                "receivedOn", LocalDate.now(ChinaTime.ZONE).toString()));
        assertThat(badPrefix.status()).isEqualTo(400);
        var clerk = signIn("cqfy-midwife").post("/api/birth-certificates/stock", Map.of("prefix", "T", "firstSeq", 1, "lastSeq", 2,
                "receivedOn", LocalDate.now(ChinaTime.ZONE).toString()));
        assertThat(clerk.status()).as("only an institution admin receives blanks").isEqualTo(403);

        var stock = admin.get("/api/birth-certificates/stock");
        long received = 0;
        for (JsonNode r : stock.at("/ranges")) {
            long size = Long.parseLong(r.path("lastNumber").asText().replaceAll("\\D", "")) - Long.parseLong(r.path("firstNumber").asText().replaceAll("\\D", "")) + 1;
            assertThat(r.path("inStock").asLong() + r.path("issued").asLong() + r.path("voided").asLong()).isEqualTo(size);
            received += size;
        }
        assertThat(stock.at("/inStock").asLong() + stock.at("/issued").asLong() + stock.at("/voided").asLong()).isEqualTo(received);

        var spoiled = admin.post("/api/birth-certificates/blanks/" + range.path("lastNumber").asText() + "/void", Map.of("reason", "打印机卡纸损毁"));
        assertThat(spoiled.status()).as(spoiled.toString()).isEqualTo(200);
        assertThat(spoiled.text("/status")).isEqualTo("VOIDED");
        var noReason = admin.post("/api/birth-certificates/blanks/" + range.path("firstNumber").asText() + "/void", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("/errors/0/field")).isEqualTo("reason");
    }

    @Test
    @DisplayName("§9: issue for a live birth from the delivery record, print the PDF (read back), one valid certificate per child, shown on the birth")
    void issueAndPrint() throws Exception {
        receive("P", 20);
        ApiClient clerk = signIn("cqfy-midwife");
        String child = BirthFixture.deliver(clerk, "雪", 1, 30, false).get(0);
        var parents = clerk.get("/api/births/" + child + "/parents");
        assertThat(parents.text("/motherName")).isEqualTo("柏雪");
        assertThat(parents.text("/motherIdType")).isEqualTo("RESIDENT_ID");

        var missing = clerk.post("/api/births/" + child + "/certificate", Map.of("childName", "柏小雨"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/errors/0/field")).isEqualTo("motherEthnicity");

        var c = clerk.post("/api/births/" + child + "/certificate", form("柏小雨"));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        String number = c.text("/number");
        assertThat(number).matches("[A-Z]{1,4}\\d{9}");
        assertThat(c.text("/kind")).isEqualTo("FIRST");
        assertThat(c.at("/weightG").asInt()).isEqualTo(3100);
        assertThat(c.at("/gaDays").asInt()).isBetween(265, 280);
        assertThat(c.text("/motherIdNumber")).isEqualTo(parents.text("/motherIdNumber"));
        assertThat(c.text("/birthPlace")).contains("重庆市妇幼保健院");

        assertThat(clerk.get("/api/births/" + child).text("/certificateNumber")).as("the child's record shows the number").isEqualTo(number);
        var again = clerk.post("/api/births/" + child + "/certificate", form("柏小雨"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("already-issued");

        var pdf = clerk.download("/api/birth-certificates/" + c.text("/id") + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("出生医学证明", number, "柏小雨", "柏雪", "柏建国", "3100", "重庆市妇幼保健院", "汉族");
        }
        var audit = jdbc.sql("select action from audit_event where entity_type = 'BirthCertificate' and entity_id = ? order by 1")
                .param(c.text("/id")).query(String.class).list();
        assertThat(audit).contains("ISSUE", "PRINT");

        var other = signIn("hc-doctor").post("/api/births/" + child + "/certificate", form("柏小雨"));
        assertThat(other.status()).as("only the delivery institution issues").isIn(403, 409);
        var facts = jdbc.sql("select measure from indicator_fact where source_kind = 'birth_certificate' and source_id = ?::uuid")
                .param(child).query(String.class).list();
        assertThat(facts).containsExactly("BIRTH_CERT_ISSUED");
    }

    @Test
    @DisplayName("§9: void with reason (number never back in stock), then reissue and replacement with reason; lookup by number from another institution")
    void voidReissueLookup() {
        receive("V", 20);
        ApiClient clerk = signIn("cqfy-doctor");
        String child = BirthFixture.deliver(clerk, "岚", 1, 30, false).get(0);
        var first = clerk.post("/api/births/" + child + "/certificate", form("柏一"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.text("/id");

        var stale = clerk.post("/api/birth-certificates/" + id + "/void", Map.of("reason", "姓名错字", "version", 7));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("/code")).isEqualTo("stale-version");
        var voided = clerk.post("/api/birth-certificates/" + id + "/void", Map.of("reason", "姓名错字", "version", 0));
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.text("/status")).isEqualTo("VOIDED");
        assertThat(jdbc.sql("select status || ':' || void_reason from certificate_blank where number = ?").param(first.text("/number"))
                .query(String.class).single()).isEqualTo("VOIDED:姓名错字");
        assertThat(clerk.download("/api/birth-certificates/" + id + "/pdf").status()).as("a voided certificate is not printed").isEqualTo(409);

        var second = clerk.post("/api/births/" + child + "/certificate", form("柏依"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("/number")).isNotEqualTo(first.text("/number"));

        var noReason = clerk.post("/api/birth-certificates/" + second.text("/id") + "/reissue", Map.of("kind", "REISSUE", "reason", "", "version", 0));
        assertThat(noReason.status()).isEqualTo(400);
        var reissued = clerk.post("/api/birth-certificates/" + second.text("/id") + "/reissue",
                Map.of("kind", "REISSUE", "reason", "原证遗失，家长申请补发", "version", 0));
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(201);
        assertThat(reissued.text("/kind")).isEqualTo("REISSUE");
        assertThat(reissued.text("/childName")).isEqualTo("柏依");
        assertThat(reissued.text("/replacesId")).isEqualTo(second.text("/id"));
        Map<String, Object> corrected = form("柏依依");
        var replaced = clerk.post("/api/birth-certificates/" + reissued.text("/id") + "/reissue",
                Map.of("kind", "REPLACEMENT", "reason", "户籍登记姓名变更", "version", 0, "corrections", corrected));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(replaced.text("/childName")).isEqualTo("柏依依");

        var all = clerk.get("/api/births/" + child + "/certificates");
        assertThat(all.body().findValuesAsText("status")).containsExactly("VOIDED", "SUPERSEDED", "SUPERSEDED", "VALID");

        ApiClient registrar = signIn("hc-doctor");
        var old = registrar.get("/api/birth-certificates/lookup?number=" + second.text("/number").toLowerCase());
        assertThat(old.status()).as(old.toString()).isEqualTo(200);
        assertThat(old.text("/certificateStatus")).isEqualTo("SUPERSEDED");
        assertThat(old.text("/replacedBy")).isEqualTo(reissued.text("/number"));
        var current = registrar.get("/api/birth-certificates/lookup?number=" + replaced.text("/number"));
        assertThat(current.text("/certificateStatus")).isEqualTo("VALID");
        assertThat(current.text("/childName")).isEqualTo("柏依依");
        assertThat(current.text("/institutionCode")).isEqualTo("CQHCWC");
        assertThat(registrar.get("/api/birth-certificates/lookup?number=12345").status()).isEqualTo(400);
        assertThat(registrar.get("/api/birth-certificates/lookup?number=Z999999999").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'READ' and reason like 'lookup %' and username = 'hc-doctor'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("§9 / issue 18: 12 clerks issuing 30 certificates at once from one stock — no number twice, none lost")
    void concurrentIssue() throws Exception {
        ApiClient midwife = signIn("cqfy-midwife");
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 5; i++) children.addAll(BirthFixture.deliver(midwife, "并" + i, 6, 30, false));
        assertThat(children).hasSize(30);
        ApiClient admin = signIn("cqfy-admin");
        var before = admin.get("/api/birth-certificates/stock");
        if (before.at("/inStock").asLong() < 30) receive("C", 40);
        before = admin.get("/api/birth-certificates/stock");
        List<String> expected = new ArrayList<>();
        for (JsonNode b : admin.get("/api/birth-certificates/blanks?status=IN_STOCK&size=30").at("/items")) expected.add(b.path("number").asText());

        List<ApiClient> clerks = new ArrayList<>();
        for (int i = 0; i < 12; i++) clerks.add(signIn(i % 2 == 0 ? "cqfy-midwife" : "cqfy-doctor"));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            ApiClient c = clerks.get(i % clerks.size());
            String child = children.get(i);
            Callable<ApiClient.Response> call = () -> c.post("/api/births/" + child + "/certificate", form("并发" + child.substring(0, 4)));
            results.add(pool.submit(call));
        }
        Set<String> numbers = new HashSet<>();
        for (var f : results) {
            var r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(numbers.add(r.text("/number"))).as("number issued twice: " + r.text("/number")).isTrue();
        }
        pool.shutdown();
        assertThat(numbers).hasSize(30).containsExactlyInAnyOrderElementsOf(expected);
        var after = admin.get("/api/birth-certificates/stock");
        assertThat(after.at("/issued").asLong()).isEqualTo(before.at("/issued").asLong() + 30);
        assertThat(after.at("/inStock").asLong()).isEqualTo(before.at("/inStock").asLong() - 30);
        assertThat(after.at("/voided").asLong()).isEqualTo(before.at("/voided").asLong());
    }
}
