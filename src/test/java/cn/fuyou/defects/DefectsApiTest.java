package cn.fuyou.defects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.defects.internal.DeliveryCounts;
import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source: issue 17 and clinical-rules.md §7 — the public calculator's contract, a screen through follow-up to
 * registration (the child on the high-risk list), the all-or-nothing CSV import, and surveillance figures on
 * generated data equal to hand-computed values (indicators.md BIRTH_DEFECT_PREVALENCE per 10,000 perinatal births).
 */
public class DefectsApiTest extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger(300);

    @Autowired
    IndicatorFacts facts;
    @Autowired
    DeliveryCounts deliveries;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    static LocalDate today() {
        return LocalDate.now(cn.fuyou.shared.ChinaTime.ZONE);
    }

    public static String woman(ApiClient c, String given, LocalDate birth, String area) {
        Map<String, Object> f = PersonApiTest.woman("缺", given, null);
        if (birth != null) {
            f.put("birthDate", birth.toString());
            f.put("idNumber", ResidentIdNumber.compose(area, birth, 2 * SEQ.incrementAndGet() % 1000));
        }
        f.put("addressAreaCode", area);
        var w = c.post("/api/persons", f);
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        return w.text("/id");
    }

    /** A pregnancy with the LMP {@code lmpDaysAgo} days ago. */
    public static String pregnancy(ApiClient c, String womanId, int lmpDaysAgo) {
        Map<String, Object> reg = new HashMap<>();
        reg.put("womanId", womanId);
        reg.put("gravida", 1);
        reg.put("para", 0);
        reg.put("registeredOn", today().minusDays(Math.min(60, lmpDaysAgo - 50)).toString());
        reg.put("lmp", today().minusDays(lmpDaysAgo).toString());
        reg.put("heightCm", 160);
        reg.put("prePregnancyWeightKg", 55);
        var p = c.post("/api/pregnancies", reg);
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        return p.text("/id");
    }

    @Test
    @DisplayName("§7 calculator: exact contract (age at EDD, prior at term and at gestation, bands); 400 names the field")
    void calculator() {
        ApiClient anon = anonymous();
        var r = anon.post("/api/calculators/prenatal-screening", Map.of("maternalBirthDate", "1991-06-15", "edd", "2026-06-15",
                "gestationalWeeks", 16, "t21OneIn", 270, "t18OneIn", 351, "afpMom", 2.5));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.at("/maternalAgeAtEdd").asInt()).isEqualTo(35);
        assertThat(r.at("/ageRiskT21AtTerm/oneIn").asLong()).isEqualTo(354);
        assertThat(r.at("/ageRiskT21AtTerm/p").asDouble()).isBetween(0.0028274, 0.0028275);
        assertThat(r.at("/ageRiskT21AtGestation/oneIn").asLong()).isEqualTo(278);
        assertThat(r.at("/classification/t21").asText()).isEqualTo("HIGH");
        assertThat(r.at("/classification/t18").asText()).isEqualTo("LOW");
        assertThat(r.at("/classification/ontd").asText()).isEqualTo("HIGH");
        var noGa = anon.post("/api/calculators/prenatal-screening", Map.of("maternalBirthDate", "1991-06-15", "edd", "2026-06-15", "t21OneIn", 271));
        assertThat(noGa.body().has("ageRiskT21AtGestation")).isFalse();
        assertThat(noGa.at("/classification/t21").asText()).isEqualTo("INTERMEDIATE");
        assertThat(noGa.body().get("classification").has("t18")).isFalse();
        for (var bad : List.of(Map.of("edd", "2026-06-15"), Map.of("maternalBirthDate", "1991-06-15", "edd", "2026-06-15", "t21OneIn", 0),
                Map.of("maternalBirthDate", "1991-06-15", "edd", "2026-06-15", "t21OneIn", 270.5),
                Map.of("maternalBirthDate", "1991-06-15", "edd", "2026-06-15", "gestationalWeeks", 50),
                Map.of("maternalBirthDate", "1991-06-15", "edd", "2026-06-15", "afpMom", -1))) {
            var e = anon.post("/api/calculators/prenatal-screening", bad);
            assertThat(e.status()).as(e.toString()).isEqualTo(400);
            String field = e.text("/errors/0/field");
            assertThat(field).isIn("maternalBirthDate", "t21OneIn", "gestationalWeeks", "afpMom");
        }
        var badDate = anon.postRaw("/api/calculators/prenatal-screening", "{\"maternalBirthDate\": \"1991-13-40\", \"edd\": \"2026-06-15\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("/errors/0/field")).isEqualTo("maternalBirthDate");
    }

    @Test
    @DisplayName("§7 + issue 17 §3/§4: a HIGH screen opens follow-up → counselling (referral) → amnio → abnormal → registration at delivery; child on the high-risk list")
    void screenToRegistration() {
        ApiClient doc = signIn("cqfy-doctor");
        String w = woman(doc, "高风", LocalDate.of(1990, 2, 1), "500117");
        String p = pregnancy(doc, w, 276);
        LocalDate lmp = today().minusDays(276);
        Map<String, Object> screen = new HashMap<>(Map.of("womanId", w, "kind", "SECOND_TRIMESTER_TRIPLE", "sampledOn", lmp.plusDays(112).toString(),
                "t21OneIn", 150, "t18OneIn", 5000, "afpMom", 1.10));
        var s = doc.post("/api/defects/screens", screen);
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        assertThat(s.text("/band")).isEqualTo("HIGH");
        assertThat(s.text("/t21Band")).isEqualTo("HIGH");
        assertThat(s.text("/ruleVersion")).isEqualTo("CN-2026-1");
        assertThat(s.text("/followUpStep")).isEqualTo("COUNSEL");
        String fu = s.text("/followUpId");

        var wrongWindow = doc.post("/api/defects/screens", Map.of("womanId", w, "kind", "NT", "sampledOn", lmp.plusDays(112).toString(), "ntMm", 2.0));
        assertThat(wrongWindow.status()).isEqualTo(400);
        assertThat(wrongWindow.text("/errors/0/field")).isEqualTo("sampledOn");

        JsonNode f = doc.get("/api/defects/follow-ups/" + fu).body();
        var outOfOrder = doc.post("/api/defects/follow-ups/" + fu + "/steps", Map.of("step", "RESULT", "on", lmp.plusDays(120).toString(),
                "version", f.get("version").asLong(), "result", "NORMAL"));
        assertThat(outOfOrder.status()).isEqualTo(400);
        assertThat(outOfOrder.text("/errors/0/field")).isEqualTo("step");
        var c1 = doc.post("/api/defects/follow-ups/" + fu + "/steps", Map.of("step", "COUNSEL", "on", lmp.plusDays(116).toString(),
                "version", f.get("version").asLong(), "plan", "AMNIOCENTESIS", "note", "遗传咨询", "referToCentre", true));
        assertThat(c1.status()).as(c1.toString()).isEqualTo(200);
        assertThat(c1.body().hasNonNull("referralId")).isTrue();
        assertThat(c1.text("/step")).isEqualTo("DIAGNOSIS");
        var stale = doc.post("/api/defects/follow-ups/" + fu + "/steps", Map.of("step", "DIAGNOSIS", "on", lmp.plusDays(120).toString(),
                "version", f.get("version").asLong(), "test", "KARYOTYPE"));
        assertThat(stale.status()).isEqualTo(409);
        var d1 = doc.post("/api/defects/follow-ups/" + fu + "/steps", Map.of("step", "DIAGNOSIS", "on", lmp.plusDays(120).toString(),
                "version", c1.at("/version").asLong(), "test", "KARYOTYPE_CMA"));
        assertThat(d1.status()).as(d1.toString()).isEqualTo(200);
        var r1 = doc.post("/api/defects/follow-ups/" + fu + "/steps", Map.of("step", "RESULT", "on", lmp.plusDays(135).toString(),
                "version", d1.at("/version").asLong(), "result", "ABNORMAL", "diagnosis", "21-三体", "diagnosisIcd10", "Q90.0"));
        assertThat(r1.status()).as(r1.toString()).isEqualTo(200);
        var dec = doc.post("/api/defects/follow-ups/" + fu + "/steps", Map.of("step", "DECISION", "on", lmp.plusDays(138).toString(),
                "version", r1.at("/version").asLong(), "decision", "CONTINUE"));
        assertThat(dec.status()).as(dec.toString()).isEqualTo(200);
        assertThat(dec.text("/step")).isEqualTo("OUTCOME");

        var d = doc.post("/api/pregnancies/" + p + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0).toString(),
                "mode", "VAGINAL", "bloodLossMl", 250, "maternalCondition", "GOOD", "babies", List.of(Map.of("sex", "M", "weightG", 3000,
                        "lengthCm", 50, "headCircumferenceCm", 34, "apgar1", 8, "apgar5", 9, "liveBorn", true, "nicuTransfer", false))));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        String child = d.at("/delivery/newborns/0/childId").asText();
        String born = doc.get("/api/persons/" + child).text("/birthDate");

        Map<String, Object> reg = new HashMap<>(Map.of("motherId", w, "pregnancyId", p, "childId", child, "followUpId", fu, "eventDate", born,
                "gestationalWeeks", 39, "outcome", "LIVE_BIRTH", "diagnosedOn", lmp.plusDays(135).toString(), "diagnosisBasis", List.of("CHROMOSOME"),
                "prenatal", true));
        reg.put("items", List.of(Map.of("category", "CLEFT_LIP", "icd10", "Q36.9")));
        var noSide = doc.post("/api/defects/registrations", reg);
        assertThat(noSide.status()).isEqualTo(400);
        assertThat(noSide.text("/errors/0/field")).isEqualTo("items[0].side");
        reg.put("items", List.of(Map.of("category", "DOWN_SYNDROME", "icd10", "Q21.0")));
        var wrongIcd = doc.post("/api/defects/registrations", reg);
        assertThat(wrongIcd.status()).isEqualTo(400);
        assertThat(wrongIcd.text("/errors/0/field")).isEqualTo("items[0].icd10");
        reg.put("items", List.of(Map.of("category", "DOWN_SYNDROME", "icd10", "Q90.0")));
        var ok = doc.post("/api/defects/registrations", reg);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.text("/items/0/categoryNameZh")).contains("唐氏");
        assertThat(doc.get("/api/defects/follow-ups/" + fu).text("/step")).isEqualTo("CLOSED");
        var hr = doc.get("/api/childhealth/high-risk?size=200");
        boolean listed = false;
        for (JsonNode n : hr.at("/items")) if (n.path("childId").asText().equals(child)) listed = n.path("reasons").toString().contains("BIRTH_DEFECT");
        assertThat(listed).as("child on the high-risk infant list").isTrue();
        Long counted = jdbc.sql("select count(*) from indicator_fact where source_kind = 'defect_registration' and source_id = ? and measure = 'BIRTH_DEFECT_CASE_DOWN_SYNDROME'")
                .param(UUID.fromString(ok.text("/id"))).query(Long.class).single();
        assertThat(counted).isEqualTo(1);
        Long screened = jdbc.sql("select count(*) from indicator_fact where source_kind = 'defects_delivery' and source_id = ? and measure = 'PRENATAL_SCREENED_WOMAN'")
                .param(UUID.fromString(p)).query(Long.class).single();
        assertThat(screened).as("the delivered woman counts as serum-screened").isEqualTo(1);
    }

    @Test
    @DisplayName("issue 17 §1 (follow-up): the screening laboratory must be a designated prenatal diagnosis centre — another institution is a 400 naming labInstitutionCode, by entry and by CSV import")
    void screeningLabMustBeAPrenatalDiagnosisCentre() {
        ApiClient doc = signIn("cqfy-doctor");
        String w = woman(doc, "实验室", LocalDate.of(1992, 4, 4), "500112");
        pregnancy(doc, w, 120);
        Map<String, Object> screen = new HashMap<>(Map.of("womanId", w, "kind", "SECOND_TRIMESTER_QUADRUPLE",
                "sampledOn", today().minusDays(5).toString(), "t21OneIn", 5000, "t18OneIn", 40000, "afpMom", 1.0));
        // SWH (Southwest Hospital) is a critical maternal care centre, not a prenatal diagnosis centre (registry.internal.DemoNetwork)
        screen.put("labInstitutionCode", "SWH");
        var refused = doc.post("/api/defects/screens", screen);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("labInstitutionCode");
        String idNumber = doc.get("/api/persons/" + w).text("/idNumber");
        String row = idNumber + ",SECOND_TRIMESTER_QUADRUPLE," + today().minusDays(5) + ",,,,SWH,5000,40000,1.0,,,,,,";
        var imported = doc.postFile("/api/defects/screens/import", "file", "r.csv",
                (String.join(",", ScreeningImport.COLUMNS) + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(400);
        assertThat(imported.text("/errors/0/field")).isEqualTo("rows[2].labInstitutionCode");
        // a prenatal diagnosis centre's laboratory (CQMU-FH1, as CQHCWC) is accepted
        screen.put("labInstitutionCode", "CQMU-FH1");
        var accepted = doc.post("/api/defects/screens", screen);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.text("/labInstitutionCode")).isEqualTo("CQMU-FH1");
    }

    @Test
    @DisplayName("issue 17 §0 (follow-up): a pre-pregnancy check records and shows his part only to a caller entitled to the partner's record; "
            + "reads and writes are audited against him as well as her")
    void preconceptionCheckNeedsEntitlementToThePartner() {
        ApiClient doc = signIn("cqfy-doctor");
        String w = woman(doc, "孕前", LocalDate.of(1995, 5, 5), "500112");
        String elsewhere = cn.fuyou.art.ArtApiTest.person(signIn("hc-doctor"), "卢", "伟", "M", 1994); // registered at another institution
        Map<String, Object> findings = Map.of("history", List.of(), "examinations", Map.of("BP", "120/80"), "tests", Map.of("SYPHILIS", "阴性"));
        Map<String, Object> form = new HashMap<>(Map.of("womanId", w, "checkDate", today().minusDays(1).toString(), "woman", findings,
                "partner", findings, "assessment", "GENERAL"));
        form.put("partnerId", elsewhere);
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        var refused = doc.post("/api/defects/preconception-checks", form);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_event where id > ? and person_id = ?::uuid and outcome = 'DENIED'")
                .params(before, elsewhere).query(Long.class).single()).as("the refusal audited against him").isEqualTo(1);

        String partner = cn.fuyou.art.ArtApiTest.person(doc, "卢", "强", "M", 1993); // registered here
        form.put("partnerId", partner);
        var created = doc.post("/api/defects/preconception-checks", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("/id");
        String naming = "select count(*) from audit_event where id > ? and entity_type = 'PreconceptionCheck' and outcome = 'ALLOWED'"
                + " and (person_id = ?::uuid or ?::uuid = any(person_ids))";
        assertThat(jdbc.sql(naming).params(before, partner, partner).query(Long.class).single()).as("the write names him").isEqualTo(1);
        long read = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        assertThat(doc.get("/api/defects/preconception-checks/" + id).text("/partnerName")).endsWith("强");
        assertThat(jdbc.sql(naming).params(read, partner, partner).query(Long.class).single()).as("the read names him").isEqualTo(1);

        // his entitlement here ends: her check is still hers to read, his part is withheld and no read of his record is logged
        jdbc.sql("update person_institution set until = now() where person_id = ?::uuid").param(partner).update();
        read = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        var opened = doc.get("/api/defects/preconception-checks/" + id);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.at("/partnerWithheld").asBoolean()).isTrue();
        assertThat(opened.at("/partnerName").isMissingNode() || opened.at("/partnerName").isNull()).isTrue();
        assertThat(opened.at("/partner").toString()).doesNotContain("SYPHILIS");
        var hers = doc.get("/api/defects/women/" + w);
        assertThat(hers.at("/preconceptionChecks/0/partnerWithheld").asBoolean()).isTrue();
        assertThat(hers.at("/preconceptionChecks/0/partner").toString()).doesNotContain("SYPHILIS");
        assertThat(jdbc.sql(naming).params(read, partner, partner).query(Long.class).single()).isZero();
        // and the check cannot be rewritten with his part
        form.put("version", created.at("/version").asLong());
        assertThat(doc.put("/api/defects/preconception-checks/" + id, form).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("issue 17 §1: CSV import is all or nothing; refused rows are named by line and column")
    void csvImport() {
        ApiClient doc = signIn("cqfy-doctor");
        LocalDate birth = LocalDate.of(1993, 3, 3);
        String w = woman(doc, "导入", birth, "500112");
        String idNumber = doc.get("/api/persons/" + w).text("/idNumber");
        pregnancy(doc, w, 120);
        String sampled = today().minusDays(5).toString();
        String header = String.join(",", ScreeningImport.COLUMNS);
        String good = idNumber + ",SECOND_TRIMESTER_QUADRUPLE," + sampled + ",,,,CQHCWC,800,4000,1.0,,,,,,LAB-" + UUID.randomUUID();
        String bad = idNumber + ",SECOND_TRIMESTER_QUADRUPLE," + sampled + ",,,,CQHCWC,abc,4000,1.0,,,,,,";
        long before = jdbc.sql("select count(*) from prenatal_screen where woman_id = ?").param(UUID.fromString(w)).query(Long.class).single();
        var refused = doc.postFile("/api/defects/screens/import", "file", "r.csv", (header + "\n" + good + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("rows[3].t21OneIn");
        assertThat(jdbc.sql("select count(*) from prenatal_screen where woman_id = ?").param(UUID.fromString(w)).query(Long.class).single())
                .as("no half-write").isEqualTo(before);
        var accepted = doc.postFile("/api/defects/screens/import", "file", "r.csv", (header + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.at("/intermediate").asInt()).isEqualTo(1);
    }

    private void registration(ApiClient doc, String mother, String date, int weeks, String outcome, boolean prenatal, List<Map<String, Object>> items,
                              boolean thenVoid) {
        Map<String, Object> reg = new HashMap<>(Map.of("motherId", mother, "eventDate", date, "gestationalWeeks", weeks, "outcome", outcome,
                "diagnosedOn", prenatal ? LocalDate.parse(date).minusDays(20).toString() : date, "diagnosisBasis", List.of("CLINICAL"),
                "prenatal", prenatal, "items", items));
        var r = doc.post("/api/defects/registrations", reg);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        if (thenVoid) {
            var v = doc.post("/api/defects/registrations/" + r.text("/id") + "/void", Map.of("reason", "重复登记", "version", r.at("/version").asLong()));
            assertThat(v.status()).as(v.toString()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("indicators.md BIRTH_DEFECT_PREVALENCE: generated Liangping 2014 data give the hand-computed rates by category, month, age group and district")
    void prevalenceOnGeneratedData() {
        String area = "500155";
        ApiClient doc = signIn("cqfy-doctor");
        String older = woman(doc, "甲", LocalDate.of(1977, 6, 1), area);   // 36 in 2014: ≥35
        String younger = woman(doc, "乙", LocalDate.of(1986, 6, 1), area); // 27 in 2014: 25–29
        // denominators: 400 perinatal births in January, 600 in February (the maternal module's facts)
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 1000; i++) {
                LocalDate day = i < 400 ? LocalDate.of(2014, 1, 1 + i % 28) : LocalDate.of(2014, 2, 1 + i % 28);
                facts.replace("test_perinatal_birth", UUID.nameUUIDFromBytes(("defects-2014-" + i).getBytes()),
                        List.of(new IndicatorFact("PERINATAL_BIRTH", null, "MCH-" + area, area, day, null)));
            }
            // by maternal age group: ≥35 — 1 + 2 births; 25–29 — 7 births
            deliveries.record(UUID.randomUUID(), UUID.fromString(older), LocalDate.of(2014, 1, 10), 273, 36, area, "CQHCWC", 1);
            deliveries.record(UUID.randomUUID(), UUID.fromString(older), LocalDate.of(2014, 2, 10), 260, 36, area, "CQHCWC", 2);
            deliveries.record(UUID.randomUUID(), UUID.fromString(younger), LocalDate.of(2014, 1, 12), 275, 27, area, "CQHCWC", 7);
        });
        registration(doc, older, "2014-01-15", 39, "LIVE_BIRTH", true, List.of(Map.of("category", "DOWN_SYNDROME")), false);
        registration(doc, younger, "2014-01-20", 38, "STILLBIRTH", false,
                List.of(Map.of("category", "CONGENITAL_HEART_DISEASE", "icd10", "Q21.0"), Map.of("category", "CLEFT_LIP", "side", "LEFT")), false);
        registration(doc, older, "2014-02-10", 30, "TERMINATION", true, List.of(Map.of("category", "SPINA_BIFIDA")), false);
        registration(doc, younger, "2014-02-12", 24, "TERMINATION", true, List.of(Map.of("category", "ANENCEPHALY")), false);
        registration(doc, younger, "2014-02-14", 39, "LIVE_BIRTH", false, List.of(Map.of("category", "POLYDACTYLY", "side", "RIGHT")), true);

        var s = signIn("admin").get("/api/defects/statistics?area=" + area + "&from=2014-01-01&to=2014-03-31");
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        Map<String, JsonNode> ind = new HashMap<>();
        s.at("/indicators").forEach(i -> ind.put(i.get("code").asText(), i));
        // 3 perinatal cases (the 24-week termination and the voided case excluded) / 1000 × 10,000 = 30.00
        expect(ind.get("BIRTH_DEFECT_PREVALENCE"), "numerator", 3, 1000, "30.00");
        // prenatal: 3 of the 4 registered (terminations before 28 weeks included) = 75.00 %
        expect(ind.get("BIRTH_DEFECT_PRENATAL_DETECTION"), "numerator", 3, 4, "75.00");
        Map<String, JsonNode> cat = byKey(s.at("/byCategory"));
        expect(cat.get("DOWN_SYNDROME"), "cases", 1, 1000, "10.00");
        expect(cat.get("CONGENITAL_HEART_DISEASE"), "cases", 1, 1000, "10.00");
        expect(cat.get("CLEFT_LIP"), "cases", 1, 1000, "10.00");
        expect(cat.get("SPINA_BIFIDA"), "cases", 1, 1000, "10.00");
        expect(cat.get("ANENCEPHALY"), "cases", 0, 1000, "0.00");
        expect(cat.get("POLYDACTYLY"), "cases", 0, 1000, "0.00");
        Map<String, JsonNode> month = byKey(s.at("/byMonth"));
        expect(month.get("2014-01"), "cases", 2, 400, "50.00");
        expect(month.get("2014-02"), "cases", 1, 600, "16.67");
        assertThat(month.get("2014-03").get("value").isNull()).isTrue();
        Map<String, JsonNode> age = byKey(s.at("/byAgeGroup"));
        expect(age.get("GE35"), "cases", 2, 3, "6666.67");
        expect(age.get("25_29"), "cases", 1, 7, "1428.57");
        expect(byKey(s.at("/byDistrict")).get(area), "cases", 3, 1000, "30.00");

        var x = signIn("admin").download("/api/defects/statistics/quarterly.xlsx?area=" + area + "&year=2014&quarter=1");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()[0]).isEqualTo((byte) 'P');
        var badQuarter = signIn("admin").get("/api/defects/statistics/quarterly.xlsx?area=" + area + "&year=2014&quarter=5");
        assertThat(badQuarter.status()).isEqualTo(400);
        assertThat(badQuarter.text("/errors/0/field")).isEqualTo("quarter");
    }

    private static Map<String, JsonNode> byKey(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(n -> m.put(n.get("key").asText(), n));
        return m;
    }

    private static void expect(JsonNode n, String numField, long num, long den, String value) {
        assertThat(n).isNotNull();
        boolean figure = numField.equals("numerator");
        assertThat(n.get(figure ? "numerator" : "cases").asLong()).as(n.toString()).isEqualTo(num);
        assertThat(n.get(figure ? "denominator" : "births").asLong()).as(n.toString()).isEqualTo(den);
        assertThat(n.get("value").decimalValue()).as(n.toString()).isEqualByComparingTo(value);
    }
}
