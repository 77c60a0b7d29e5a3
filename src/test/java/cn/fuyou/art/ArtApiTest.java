package cn.fuyou.art;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 14 (reproductive medicine) — API contract, Done when; clinical-rules.md §8 and §3. */
public class ArtApiTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final AtomicInteger SEQ = new AtomicInteger(150);
    static final byte[] PDF = "%PDF-1.4\n% signed consent\n%%EOF\n".getBytes();

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public static String person(ApiClient c, String family, String given, String sex, int birthYear) {
        int n = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(n * 3L % 360);
        Map<String, Object> f = new HashMap<>();
        f.put("familyName", family);
        f.put("givenName", given);
        f.put("sex", sex);
        f.put("birthDate", birth.toString());
        f.put("idType", "RESIDENT_ID");
        f.put("idNumber", ResidentIdNumber.compose("500105", birth, (sex.equals("F") ? 2 * n : 2 * n + 1) % 1000));
        f.put("addressAreaCode", "500105");
        var r = c.post("/api/persons", f);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    public static Map<String, Object> coupleForm(String woman, String partner) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("womanId", woman);
        f.put("partnerId", partner);
        f.put("infertilityType", "PRIMARY");
        f.put("infertilityYears", 3);
        f.put("femaleFactors", List.of("TUBAL"));
        f.put("maleFactors", List.of());
        f.put("indication", "TUBAL_FACTOR");
        f.put("workUp", Map.of("on", today().minusDays(400).toString(), "amhNgMl", 2.8, "afc", 12, "fshIuL", 6.5));
        f.put("semen", Map.of("on", today().minusDays(400).toString(), "volumeMl", 1.2, "concentration", 12, "totalCount", 30,
                "progressive", 25, "totalMotility", 40, "vitality", 60, "normalForms", 4));
        return f;
    }

    static String couple(ApiClient c, String woman, String partner) {
        var r = c.post("/api/art/couples", coupleForm(woman, partner));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    static void consents(ApiClient c, String couple, String... kinds) {
        for (String k : kinds) {
            var r = c.postFile("/api/art/couples/" + couple + "/consents?kind=" + k + "&signedOn=" + today().minusDays(380), "file", k + ".pdf", PDF);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    static JsonNode step(ApiClient c, String cycle, String step, Map<String, Object> body, long[] version) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("version", version[0]);
        var r = c.post("/api/art/cycles/" + cycle + "/" + step, b);
        assertThat(r.status()).as(step + " " + r).isEqualTo(200);
        version[0] = r.at("/version").asLong();
        return r.body();
    }

    // ---- the calculator (issue 14 item 6)

    static Map<String, Object> cycle(String id, String kind, int age, Boolean retrieved, String retrievalOf, int embryos, int sacs, boolean cp,
                                     boolean delivery, int babies, Boolean ohss) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("ageAtStart", age);
        if (retrieved != null) m.put("retrieved", retrieved);
        if (retrievalOf != null) m.put("retrievalOf", retrievalOf);
        m.put("embryosTransferred", embryos);
        m.put("gestationalSacs", sacs);
        m.put("clinicalPregnancy", cp);
        m.put("delivery", delivery);
        m.put("babiesBorn", babies);
        if (ohss != null) m.put("ohss", ohss);
        return m;
    }

    @Test
    @DisplayName("§8 calculator: public, all five groups always, every ART_* rate (null when the denominator is 0), hand-computed figures")
    void calculator() {
        ApiClient anon = anonymous();
        List<Map<String, Object>> cycles = List.of(
                cycle("c1", "FRESH", 32, true, null, 1, 1, true, true, 1, false),
                cycle("c2", "FRESH", 33, true, null, 2, 2, true, true, 2, false),
                cycle("c3", "FRESH", 34, false, null, 0, 0, false, false, 0, false),
                cycle("c4", "FRESH", 30, true, null, 0, 0, false, false, 0, true),
                cycle("c5", "FROZEN", 31, null, "c4", 1, 1, true, true, 1, null),
                cycle("c6", "FRESH", 36, true, null, 1, 0, true, false, 0, false),
                cycle("c7", "FRESH", 39, true, null, 2, 0, false, false, 0, false),
                cycle("c8", "FRESH", 42, true, null, 1, 1, true, false, 0, false));
        var r = anon.post("/api/calculators/art-outcomes", Map.of("cycles", cycles));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).contains("json");
        JsonNode groups = r.at("/groups");
        assertThat(groups).hasSize(5);
        List<String> bands = new ArrayList<>();
        groups.forEach(g -> bands.add(g.get("ageBand").asText()));
        assertThat(bands).containsExactly("<35", "35-37", "38-40", ">40", "ALL");
        JsonNode all = groups.get(4);
        List<String> fields = new ArrayList<>();
        all.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("ageBand", "initiatedCycles", "retrievals", "transfers", "clinicalPregnancies", "deliveries", "rates");
        assertThat(all.get("initiatedCycles").asLong()).isEqualTo(8);
        assertThat(all.get("retrievals").asLong()).isEqualTo(6);
        assertThat(all.get("transfers").asLong()).isEqualTo(6);
        assertThat(all.get("clinicalPregnancies").asLong()).isEqualTo(5);
        assertThat(all.get("deliveries").asLong()).isEqualTo(3); // the twins once
        JsonNode rates = all.get("rates");
        assertThat(rates.size()).isEqualTo(10);
        assertThat(rates.get("ART_CPR_PER_CYCLE").decimalValue()).isEqualByComparingTo("62.5");  // 5/8
        assertThat(rates.get("ART_CPR_PER_RETRIEVAL").decimalValue()).isEqualByComparingTo("66.7"); // 4/6
        assertThat(rates.get("ART_CPR_PER_TRANSFER").decimalValue()).isEqualByComparingTo("83.3");  // 5/6
        assertThat(rates.get("ART_LBR_PER_TRANSFER").decimalValue()).isEqualByComparingTo("50.0");  // 3/6
        assertThat(rates.get("ART_CUMULATIVE_LBR").decimalValue()).isEqualByComparingTo("42.9");    // c1 c2 c4 / 7 FRESH
        assertThat(rates.get("ART_IMPLANTATION").decimalValue()).isEqualByComparingTo("62.5");      // 5 sacs / 8 embryos
        assertThat(rates.get("ART_MULTIPLE").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(rates.get("ART_OHSS").decimalValue()).isEqualByComparingTo("14.3");
        JsonNode band38 = groups.get(2).get("rates");
        assertThat(band38.has("ART_MULTIPLE")).isTrue();
        assertThat(band38.get("ART_MULTIPLE").isNull()).isTrue(); // no delivery at 38–40: null, still present
        // an empty extract: five groups, every rate null
        var empty = anon.post("/api/calculators/art-outcomes", Map.of("cycles", List.of()));
        assertThat(empty.at("/groups")).hasSize(5);
        assertThat(empty.at("/groups/4/rates/ART_CPR_PER_CYCLE").isNull()).isTrue();
        assertThat(empty.at("/groups/4/rates").size()).isEqualTo(10);
    }

    @Test
    @DisplayName("§8 calculator: an impossible cohort is a 400 naming the field (cycles[3].retrievalOf …), never a 500")
    void calculatorRefusals() {
        ApiClient anon = anonymous().withLanguage("en");
        List<Map<String, Object>> base = new ArrayList<>(List.of(
                cycle("a", "FRESH", 30, true, null, 1, 0, false, false, 0, false),
                cycle("b", "FRESH", 31, false, null, 0, 0, false, false, 0, false),
                cycle("c", "FRESH", 32, true, null, 0, 0, false, false, 0, false)));
        record Case(Map<String, Object> fourth, String field) {}
        List<Case> cases = List.of(
                new Case(cycle("d", "FROZEN", 33, null, "nope", 1, 0, false, false, 0, null), "cycles[3].retrievalOf"),
                new Case(cycle("d", "FROZEN", 33, null, "b", 1, 0, false, false, 0, null), "cycles[3].retrievalOf"),
                new Case(cycle("d", "FRESH", 33, true, null, 1, 0, false, true, 1, false), "cycles[3].delivery"),
                new Case(cycle("d", "FRESH", 33, true, null, 0, 1, true, false, 0, false), "cycles[3].gestationalSacs"),
                new Case(cycle("d", "FRESH", 33, true, null, -1, 0, false, false, 0, false), "cycles[3].embryosTransferred"),
                new Case(cycle("d", "FRESH", 33, true, null, 1, 0, true, true, -1, false), "cycles[3].babiesBorn"),
                new Case(cycle("d", "THAWED", 33, true, null, 1, 0, false, false, 0, false), "cycles[3].kind"));
        for (Case c : cases) {
            List<Map<String, Object>> cycles = new ArrayList<>(base);
            cycles.add(c.fourth());
            var r = anon.post("/api/calculators/art-outcomes", Map.of("cycles", cycles));
            assertThat(r.status()).as(c.field() + " " + r).isEqualTo(400);
            assertThat(r.contentType()).contains("problem+json");
            assertThat(r.at("/errors/0/field").asText()).isEqualTo(c.field());
            assertThat(r.at("/errors/0/message").asText()).doesNotStartWith("art.");
        }
        var zh = anonymous().post("/api/calculators/art-outcomes", Map.of("cycles", List.of(cycle("z", "FROZEN", 30, null, "x", 1, 0, false, false, 0, null))));
        assertThat(zh.at("/errors/0/message").asText()).contains("未找到周期x");
        assertThat(anon.post("/api/calculators/art-outcomes", Map.of()).at("/errors/0/field").asText()).isEqualTo("cycles");
        assertThat(anon.postRaw("/api/calculators/art-outcomes", "{\"cycles\":[{\"id\":\"a\",\"kind\":\"FRESH\",\"ageAtStart\":\"old\"}]}")
                .at("/errors/0/field").asText()).isEqualTo("cycles[0].ageAtStart");
        assertThat(anon.postRaw("/api/calculators/art-outcomes", "{\"cycles\":[{\"id\":\"a\",\"name\":\"her name\"}]}").status()).isEqualTo(400);
        assertThat(anon.postRaw("/api/calculators/art-outcomes", "null").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("calculator is rate-limited like the other public calculators (bucket header on every answer)")
    void calculatorRateLimited() {
        var r = anonymous().post("/api/calculators/art-outcomes", Map.of("cycles", List.of()));
        assertThat(r.status()).isEqualTo(200);
        try {
            var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/calculators/art-outcomes"))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"cycles\":[]}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the couple, the cycle and the outcome chain

    @Test
    @DisplayName("issue 14: couple → consents → IVF cycle → retrieval → transfer → clinical pregnancy (maternal opens, ART-dated) → delivery elsewhere → live birth in the centre's rates")
    void wholeChain() {
        ApiClient art = signIn("art-doctor");
        String woman = person(art, "石", "晓婷", "F", 1992);
        String partner = person(art, "龙", "志强", "M", 1990);
        var couple = art.post("/api/art/couples", coupleForm(woman, partner));
        assertThat(couple.status()).as(couple.toString()).isEqualTo(201);
        String coupleId = couple.text("/id");
        // WHO 2021: 1.2 mL < 1.4, 12 < 16 ×10⁶/mL, 30 < 39 ×10⁶, PR 25 < 30, total motility 40 < 42; vitality 60 and forms 4 pass
        assertThat(couple.body().get("semenFlags").toString())
                .isEqualTo("[\"LOW_VOLUME\",\"LOW_CONCENTRATION\",\"LOW_TOTAL_COUNT\",\"LOW_TOTAL_MOTILITY\",\"LOW_PROGRESSIVE\"]");
        assertThat(couple.text("/semenRuleVersion")).isEqualTo("WHO-2021");
        LocalDate start = today().minusDays(300);
        Map<String, Object> startForm = Map.of("cycleType", "IVF", "protocol", "ANTAGONIST", "startedOn", start.toString());
        var noConsent = art.post("/api/art/couples/" + coupleId + "/cycles", startForm);
        assertThat(noConsent.status()).as(noConsent.toString()).isEqualTo(409);
        assertThat(noConsent.at("/missing").toString()).isEqualTo("[\"ART_TREATMENT\",\"IVF_ET\"]");
        var text = art.postFile("/api/art/couples/" + coupleId + "/consents?kind=IVF_ET&signedOn=" + today(), "file", "consent.pdf",
                "not really a pdf".getBytes());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.at("/errors/0/field").asText()).isEqualTo("file");
        consents(art, coupleId, "ART_TREATMENT", "IVF_ET", "EMBRYO_FREEZING");
        var started = art.post("/api/art/couples/" + coupleId + "/cycles", startForm);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String cycle = started.text("/id");
        assertThat(started.text("/kind")).isEqualTo("FRESH");
        long[] v = {started.at("/version").asLong()};
        step(art, cycle, "monitoring", Map.of("seenOn", start.plusDays(6).toString(), "stimulationDay", 7, "folliclesGe14", 6, "e2PgMl", 1200), v);
        // a stale version is a 409, never a silent overwrite
        var stale = art.post("/api/art/cycles/" + cycle + "/trigger", Map.of("on", start.plusDays(10).toString(), "drug", "HCG", "version", v[0] - 1));
        assertThat(stale.status()).isEqualTo(409);
        step(art, cycle, "trigger", Map.of("on", start.plusDays(10).toString(), "drug", "HCG"), v);
        var early = art.post("/api/art/cycles/" + cycle + "/retrieval", Map.of("on", start.plusDays(9).toString(), "oocytes", 8, "version", v[0]));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.at("/errors/0/field").asText()).isEqualTo("on");
        var mii = art.post("/api/art/cycles/" + cycle + "/retrieval", Map.of("on", start.plusDays(12).toString(), "oocytes", 8, "mii", 9, "version", v[0]));
        assertThat(mii.at("/errors/0/field").asText()).isEqualTo("mii");
        step(art, cycle, "retrieval", Map.of("on", start.plusDays(12).toString(), "oocytes", 8, "mii", 7), v);
        JsonNode fert = step(art, cycle, "fertilisation", Map.of("on", start.plusDays(13).toString(), "method", "IVF", "twoPn", 3), v);
        assertThat(fert.get("embryos")).hasSize(3);
        String e1 = fert.at("/embryos/0/id").asText();
        String e2 = fert.at("/embryos/1/id").asText();
        String e3 = fert.at("/embryos/2/id").asText();
        step(art, cycle, "grades", Map.of("embryoId", e1, "day", 5, "grade", "4AA"), v);
        var badGrade = art.post("/api/art/cycles/" + cycle + "/grades", Map.of("embryoId", e2, "day", 5, "grade", "excellent", "version", v[0]));
        assertThat(badGrade.at("/errors/0/field").asText()).isEqualTo("grade");
        step(art, cycle, "grades", Map.of("embryoId", e2, "day", 5, "grade", "4BB"), v);
        step(art, cycle, "freeze", Map.of("on", start.plusDays(17).toString(), "embryoIds", List.of(e2), "location", "液氮罐B-2-7",
                "expires", start.plusDays(17).plusYears(3).toString()), v);
        step(art, cycle, "discard", Map.of("on", start.plusDays(17).toString(), "embryoIds", List.of(e3), "reason", "ARRESTED"), v);
        JsonNode transferred = step(art, cycle, "transfer", Map.of("on", start.plusDays(17).toString(), "embryoIds", List.of(e1),
                "lutealSupport", "PROGESTERONE_VAGINAL"), v);
        assertThat(transferred.at("/transfer/day").asInt()).isEqualTo(5);
        assertThat(transferred.at("/stage").asText()).isEqualTo("TRANSFERRED");
        step(art, cycle, "hcg", Map.of("on", start.plusDays(29).toString(), "valueIuL", 480), v);
        JsonNode us = step(art, cycle, "ultrasound", Map.of("on", start.plusDays(45).toString(), "gestationalSacs", 1, "fetalHearts", 1,
                "followInstitutionCode", "MCH-500105"), v);
        assertThat(us.get("clinicalPregnancy").asBoolean()).isTrue();
        String pregnancy = us.get("pregnancyId").asText();
        assertThat(us.at("/followInstitution/code").asText()).isEqualTo("MCH-500105");

        // maternal care at the Jiangbei MCH hospital: ART-dated (§3: transfer + 266 − 5), ART conception factor
        ApiClient jb = signIn("art-jb-doctor");
        var p = jb.get("/api/pregnancies/" + pregnancy);
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        assertThat(p.text("/edd")).isEqualTo(start.plusDays(17).plusDays(261).toString());
        assertThat(p.text("/datingMethod")).isEqualTo("ART");
        assertThat(p.body().toString()).contains("ART_CONCEPTION");

        String before = art.get("/api/art/outcomes").at("/byAgeBand/4/counts/deliveries").asText();
        var delivered = jb.post("/api/pregnancies/" + pregnancy + "/delivery", Map.of(
                "deliveredAt", start.plusDays(17 + 261 - 5).atTime(9, 30).atOffset(java.time.ZoneOffset.ofHours(8)).toString(),
                "mode", "VAGINAL", "maternalCondition", "GOOD",
                "babies", List.of(Map.of("sex", "F", "weightG", 3200, "liveBorn", true, "apgar1", 9, "apgar5", 10))));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);

        var after = art.get("/api/art/cycles/" + cycle);
        assertThat(after.text("/outcome")).isEqualTo("LIVE_BIRTH");
        assertThat(after.at("/babiesBorn").asInt()).isEqualTo(1);
        assertThat(after.at("/deliveryInstitution/code").asText()).isEqualTo("MCH-500105");
        assertThat(after.at("/liveBirths")).hasSize(1);
        assertThat(after.at("/liveBirths/0/embryoIds/0").asText()).isEqualTo(e1);  // the baby traced to the embryo
        JsonNode embryo1 = null;
        for (JsonNode e : after.at("/embryos")) if (e.get("id").asText().equals(e1)) embryo1 = e;
        assertThat(embryo1.get("history").toString()).contains("FERTILISED", "GRADED", "TRANSFERRED");
        var outcomes = art.get("/api/art/outcomes");
        assertThat(outcomes.at("/byAgeBand/4/counts/deliveries").asLong()).isEqualTo(Long.parseLong(before) + 1);
        assertThat(outcomes.text("/countingVersion")).isEqualTo(ArtOutcomeCounting.VERSION);
        assertThat(outcomes.at("/headline/cprTarget").decimalValue()).isEqualByComparingTo("60");
    }

    @Test
    @DisplayName("issue 14: a frozen transfer uses the retrieval's frozen embryo; a cycle 10 months after transfer with no outcome is on the follow-up worklist")
    void frozenAndFollowUp() {
        ApiClient art = signIn("art-doctor");
        String woman = person(art, "江", "雨桐", "F", 1983);
        String partner = person(art, "江", "浩然", "M", 1982);
        String coupleId = couple(art, woman, partner);
        consents(art, coupleId, "ART_TREATMENT", "IVF_ET", "ICSI", "EMBRYO_FREEZING");
        LocalDate start = today().minusDays(420);
        var c = art.post("/api/art/couples/" + coupleId + "/cycles", Map.of("cycleType", "ICSI", "protocol", "LONG_AGONIST", "startedOn", start.toString()));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        String fresh = c.text("/id");
        long[] v = {c.at("/version").asLong()};
        step(art, fresh, "trigger", Map.of("on", start.plusDays(11).toString(), "drug", "GNRH_AGONIST"), v);
        step(art, fresh, "retrieval", Map.of("on", start.plusDays(13).toString(), "oocytes", 25, "mii", 20), v);
        JsonNode f = step(art, fresh, "fertilisation", Map.of("on", start.plusDays(14).toString(), "method", "ICSI", "twoPn", 2), v);
        var tooMany = art.post("/api/art/cycles/" + fresh + "/fertilisation", Map.of("on", start.plusDays(14).toString(), "method", "ICSI", "twoPn", 2, "version", v[0]));
        assertThat(tooMany.status()).isEqualTo(409);
        step(art, fresh, "ohss", Map.of("grade", "MODERATE"), v);
        step(art, fresh, "freeze", Map.of("on", start.plusDays(18).toString(), "embryoIds", List.of(f.at("/embryos/0/id").asText(), f.at("/embryos/1/id").asText()),
                "location", "液氮罐A-1-3", "expires", start.plusYears(5).toString()), v);
        // FET two months later from that retrieval
        LocalDate fet = start.plusDays(80);
        var z = art.post("/api/art/couples/" + coupleId + "/cycles", Map.of("cycleType", "FET", "protocol", "HRT", "startedOn", fet.toString(),
                "sourceCycleId", fresh));
        assertThat(z.status()).as(z.toString()).isEqualTo(201);
        String frozen = z.text("/id");
        long[] w = {z.at("/version").asLong()};
        String embryo = f.at("/embryos/0/id").asText();
        step(art, frozen, "thaw", Map.of("on", fet.plusDays(17).toString(), "embryos", List.of(Map.of("embryoId", embryo, "survived", true))), w);
        var ohss = art.post("/api/art/cycles/" + frozen + "/ohss", Map.of("grade", "MILD", "version", w[0]));
        assertThat(ohss.status()).isEqualTo(409);
        JsonNode t = step(art, frozen, "transfer", Map.of("on", fet.plusDays(17).toString(), "embryoIds", List.of(embryo)), w);
        assertThat(t.at("/kind").asText()).isEqualTo("FROZEN");
        assertThat(t.at("/transfer/embryos").asInt()).isEqualTo(1);
        // no outcome reported since (transfer 323 days ago > 10 months): on the follow-up worklist
        boolean listed = false;
        for (int page = 0; page < 20 && !listed; page++) {
            var list = art.get("/api/art/follow-up?size=50&page=" + page);
            assertThat(list.status()).isEqualTo(200);
            for (JsonNode i : list.at("/items")) if (i.get("id").asText().equals(frozen)) listed = true;
            if (list.at("/items").isEmpty()) break;
        }
        assertThat(listed).isTrue();
        // the frozen cycle's embryo traces back to its retrieval
        var fetRecord = art.get("/api/art/cycles/" + frozen);
        assertThat(fetRecord.at("/embryos/0/originCycleId").asText()).isEqualTo(fresh);
        assertThat(fetRecord.at("/ageBand").asText()).isEqualTo(">40");
    }

    @Test
    @DisplayName("follow-up of issue 14 item 1 / issue 15 (person-read audit): reading a couple record is audited against the woman and her partner")
    void coupleReadAuditedAgainstBothPartners() {
        ApiClient art = signIn("art-doctor");
        String woman = person(art, "胡", "静", "F", 1991);
        String partner = person(art, "胡", "斌", "M", 1989);
        String coupleId = couple(art, woman, partner);
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        assertThat(art.get("/api/art/couples/" + coupleId).status()).isEqualTo(200);
        String rows = "select count(*) from audit_event where id > ? and action = 'READ' and entity_type = 'ArtCouple' and entity_id = ?"
                + " and outcome = 'ALLOWED' and (person_id = ?::uuid or ?::uuid = any(person_ids))";
        assertThat(jdbc.sql(rows).params(before, coupleId, woman, woman).query(Long.class).single()).as("her access log").isEqualTo(1);
        assertThat(jdbc.sql(rows).params(before, coupleId, partner, partner).query(Long.class).single()).as("his access log").isEqualTo(1);
        // and his record's access log, as an admin reads it, lists the read
        var log = signIn("admin").get("/api/persons/" + partner + "/access-log");
        assertThat(log.body().toString()).contains(coupleId);
    }

    @Test
    @DisplayName("access: only ART-centre / workstation staff write; officials read only; not-entitled records refused")
    void access() {
        ApiClient hc = signIn("hc-doctor");
        String woman = person(hc, "宁", "欣", "F", 1991);
        String partner = person(hc, "宁", "军", "M", 1990);
        assertThat(hc.post("/api/art/couples", coupleForm(woman, partner)).status()).isEqualTo(403);
        ApiClient official = signIn("official-cq");
        assertThat(official.post("/api/art/couples", coupleForm(woman, partner)).status()).isEqualTo(403);
        ApiClient art = signIn("art-doctor");
        // CQHCWC is not entitled to a woman registered at the community centre
        assertThat(art.post("/api/art/couples", coupleForm(woman, partner)).status()).isEqualTo(403);
        var bad = art.post("/api/art/couples", coupleForm(partner, woman));
        assertThat(bad.status()).isIn(400, 403);
        assertThat(anonymous().get("/api/art/couples").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("remote infertility workstation: member consults with a generated work-up summary, the centre answers, the member refers; activity per member")
    void workstation() {
        ApiClient ws = signIn("art-ws-doctor");
        String woman = person(ws, "彭", "思雨", "F", 1993);
        String partner = person(ws, "彭", "文博", "M", 1991);
        String coupleId = couple(ws, woman, partner);
        var cycleByMember = ws.post("/api/art/couples/" + coupleId + "/cycles", Map.of("cycleType", "IVF", "protocol", "ANTAGONIST",
                "startedOn", today().toString()));
        assertThat(cycleByMember.status()).isEqualTo(403); // cycles are the centre's
        var asked = ws.post("/api/art/couples/" + coupleId + "/consultations", Map.of("question", "双侧输卵管梗阻，是否建议IVF？"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/summary/semenFlags").toString()).contains("LOW_CONCENTRATION");
        assertThat(asked.at("/summary/indication").asText()).isEqualTo("TUBAL_FACTOR");
        String caseId = asked.text("/id");
        ApiClient centre = signIn("art-doctor");
        var opinionByMember = ws.post("/api/art/workstation/cases/" + caseId + "/opinion", Map.of("opinion", "x", "version", asked.at("/version").asLong()));
        assertThat(opinionByMember.status()).isEqualTo(403);
        var answered = centre.post("/api/art/workstation/cases/" + caseId + "/opinion", Map.of("opinion", "建议IVF-ET", "version", asked.at("/version").asLong()));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.text("/status")).isEqualTo("ANSWERED");
        var referred = ws.post("/api/art/workstation/cases/" + caseId + "/referral", Map.of("reason", "转生殖中心IVF", "version", answered.at("/version").asLong()));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(200);
        assertThat(referred.text("/referralId")).isNotBlank();
        // the centre now sees the couple (entitled by the consultation) and can start a cycle once consents are on file
        assertThat(centre.get("/api/art/couples/" + coupleId).status()).isEqualTo(200);
        var activity = centre.get("/api/art/workstation/activity");
        boolean found = false;
        for (JsonNode a : activity.body()) {
            if (a.at("/member/code").asText().equals("MCH-500117")) {
                found = true;
                assertThat(a.get("consultations").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(a.get("referred").asLong()).isGreaterThanOrEqualTo(1);
            }
        }
        assertThat(found).isTrue();
        assertThat(centre.get("/api/art/workstation/cases?q=彭").at("/total").asLong()).isGreaterThanOrEqualTo(1);
    }
}
