package cn.fuyou.reporting;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.demoyear.DemoYear;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import cn.fuyou.support.StatsYear;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Source: issue 9 and indicators.md — every indicator on generated data against the generator's
 * own ground truth ({@link IndicatorOracle}), the statistical year 1 Oct – 30 Sep, records behind
 * every number, city = sum of districts, access and audit.
 */
class IndicatorStatisticsTest extends IntegrationTest {

    static final LocalDate Y_FROM = LocalDate.of(2024, 10, 1), Y_TO = LocalDate.of(2025, 9, 30);

    @Autowired DemoYear demoYear;
    @Autowired IndicatorFigures figures;
    @Autowired StatsAccess access;
    @Autowired IndicatorCatalogue catalogue;

    DemoYear.Result truth;
    IndicatorOracle oracle;

    @BeforeEach
    void data() {
        truth = StatsYear.ensure(demoYear);
        oracle = new IndicatorOracle(truth);
    }

    private void assertMatches(JsonNode indicators, Map<String, Long> expected, String what) {
        assertThat(indicators.size()).isEqualTo(catalogue.indicators().size());
        int checked = 0;
        for (JsonNode f : indicators) {
            var i = catalogue.indicator(f.path("code").asText()).orElseThrow();
            // every maternal and child indicator; others only where both measures are the demo year's
            if (!Set.of("maternal", "childhealth").contains(i.module())
                    && !(IndicatorOracle.GENERATED.contains(i.numerator()) && IndicatorOracle.GENERATED.contains(i.denominator()))) continue;
            checked++;
            long num = expected.getOrDefault(i.numerator(), 0L), den = expected.getOrDefault(i.denominator(), 0L);
            assertThat(f.path("numerator").asLong()).as(what + " " + i.code() + " numerator").isEqualTo(num);
            assertThat(f.path("denominator").asLong()).as(what + " " + i.code() + " denominator").isEqualTo(den);
            assertThat(f.has("value")).as("value is always present").isTrue();
            if (den == 0) assertThat(f.path("value").isNull()).as(what + " " + i.code() + " value null on empty denominator").isTrue();
            else assertThat(f.path("value").decimalValue()).as(what + " " + i.code() + " value")
                    .isEqualByComparingTo(BigDecimal.valueOf(num * i.multiplier()).divide(BigDecimal.valueOf(den), i.precision(), java.math.RoundingMode.HALF_UP));
        }
        assertThat(checked).as("indicators checked against the truth").isGreaterThanOrEqualTo(31);
    }

    @Test
    @DisplayName("indicators.md: every indicator for the city's statistical year 2025 equals the ground truth (and the data has each event)")
    void cityYear() {
        ApiClient official = signIn("official-cq");
        var r = official.get("/api/stats/indicators?area=500000&from=" + Y_FROM + "&to=" + Y_TO);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/area")).isEqualTo("500000");
        assertThat(r.text("/from")).isEqualTo(Y_FROM.toString());
        assertThat(r.text("/edition")).contains("maternal@").contains("childhealth@");
        Map<String, Long> expected = oracle.counts(access.units("500000"), Y_FROM, Y_TO);
        assertMatches(r.at("/indicators"), expected, "city 2025");
        // the generated year has every kind of event the indicators count
        for (String m : List.of("LIVE_BIRTH", "STILLBIRTH", "PRETERM_LIVE_BIRTH", "LBW_LIVE_BIRTH", "CAESAREAN_DELIVERY",
                "SEVERE_PPH_WOMAN", "HIGH_RISK_DELIVERED", "POSTPARTUM_VISITED", "NEWBORN_VISITED", "U5_STUNTED_CHILD", "U5_ANAEMIC_CHILD",
                "MATERNAL_DEATH_REPORTED", "CHILD_DEATH_EARLY_NEONATAL", "CHILD_DEATH_NEONATAL", "CHILD_DEATH_INFANT")) {
            assertThat(expected.getOrDefault(m, 0L)).as(m).isPositive();
        }
    }

    @Test
    @DisplayName("statistical year: 30 Sep counts in 2025, 1 Oct in 2026; partial months (day rows) and whole months agree with the truth")
    void boundaries() {
        ApiClient admin = signIn("admin");
        for (LocalDate[] p : new LocalDate[][]{{LocalDate.of(2025, 9, 30), LocalDate.of(2025, 9, 30)},
                {LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1)}, {LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30)},
                {LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 14)}, {LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 10)},
                {LocalDate.of(2024, 10, 20), LocalDate.of(2025, 10, 2)}}) {
            var r = admin.get("/api/stats/indicators?area=500000&from=" + p[0] + "&to=" + p[1]);
            assertThat(r.status()).isEqualTo(200);
            assertMatches(r.at("/indicators"), oracle.counts(access.units("500000"), p[0], p[1]), p[0] + ".." + p[1]);
        }
        // the two statistical years split the boundary without overlap
        long y2025 = truth.deliveries().stream().filter(d -> !d.deliveryDate().isAfter(LocalDate.of(2025, 9, 30))).count();
        long y2026 = truth.deliveries().stream().filter(d -> d.deliveryDate().isAfter(LocalDate.of(2025, 9, 30))).count();
        assertThat(y2025).isPositive();
        assertThat(y2026).isPositive();
        var sep30 = oracle.counts(access.units("500000"), LocalDate.of(2025, 9, 30), LocalDate.of(2025, 9, 30));
        var oct1 = oracle.counts(access.units("500000"), LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1));
        assertThat(sep30.getOrDefault("WOMAN_DELIVERED", 0L) + oct1.getOrDefault("WOMAN_DELIVERED", 0L))
                .as("deliveries on the two boundary days").isPositive();
    }

    @Test
    @DisplayName("empty denominator: value null (never a division error); a district in a year without data")
    void emptyDenominator() {
        var r = signIn("admin").get("/api/stats/indicators?area=500105&from=2020-01-01&to=2020-12-31");
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode f : r.at("/indicators")) {
            assertThat(f.path("denominator").asLong()).isZero();
            assertThat(f.has("value") && f.path("value").isNull()).as(f.toString()).isTrue();
        }
    }

    @Test
    @DisplayName("every indicator and district: numerator and denominator equal their record lists' counts; city = sum of districts")
    void recordsBehindEveryNumber() {
        StatsScope city = new StatsScope("500000", access.units("500000"), Y_FROM, Y_TO, null, null);
        Map<String, Long> cityCounts = figures.counts(IndicatorFigures.measuresOf(catalogue.indicators()), city);
        Map<String, Long> sum = new HashMap<>();
        for (var part : access.parts("500000")) {
            StatsScope d = city.withUnits(part.code(), access.units(part.code()));
            Map<String, Long> expected = oracle.counts(access.units(part.code()), Y_FROM, Y_TO);
            Map<String, Long> counts = figures.counts(IndicatorFigures.measuresOf(catalogue.indicators()), d);
            for (var i : catalogue.indicators()) {
                for (String m : List.of(i.numerator(), i.denominator())) {
                    long n = counts.getOrDefault(m, 0L);
                    if (IndicatorOracle.GENERATED.contains(m)) {
                        assertThat(n).as(part.code() + " " + i.code() + " " + m + " vs truth").isEqualTo(expected.getOrDefault(m, 0L));
                    }
                    assertThat(figures.records(m, d, new PageRequest(0, 1)).total()).as(part.code() + " " + i.code() + " " + m + " records")
                            .isEqualTo(n);
                }
            }
            counts.forEach((m, n) -> sum.merge(m, n, Long::sum));
        }
        for (String m : IndicatorFigures.measuresOf(catalogue.indicators())) {
            assertThat(sum.getOrDefault(m, 0L)).as("city = sum of districts: " + m).isEqualTo(cityCounts.getOrDefault(m, 0L));
        }
        // The Liangjiang zone is its own unit.
        assertThat(sum.keySet()).isNotEmpty();
        assertThat(figures.counts(Set.of("LIVE_BIRTH"), city.withUnits("LJXQ", access.units("LJXQ"))).getOrDefault("LIVE_BIRTH", 0L)).isPositive();
    }

    @Test
    @DisplayName("records API: paged women behind a district's rate; total equals the number; by-area rows sum to the city")
    void recordsApi() {
        ApiClient official = signIn("official-cq");
        String q = "area=500117&from=" + Y_FROM + "&to=" + Y_TO;
        var fig = official.get("/api/stats/indicators?" + q);
        JsonNode caesarean = null;
        for (JsonNode f : fig.at("/indicators")) if (f.path("code").asText().equals("CAESAREAN_QC")) caesarean = f;
        assertThat(caesarean).isNotNull();
        var recs = official.get("/api/stats/indicators/CAESAREAN_QC/records?" + q + "&part=numerator&size=5&page=0");
        assertThat(recs.status()).as(recs.toString()).isEqualTo(200);
        assertThat(recs.at("/total").asLong()).isEqualTo(caesarean.path("numerator").asLong());
        assertThat(recs.at("/size").asInt()).isEqualTo(5);
        assertThat(recs.at("/items").size()).isEqualTo((int) Math.min(5, caesarean.path("numerator").asLong()));
        assertThat(recs.at("/items/0/personName").asText()).isNotBlank();
        assertThat(recs.at("/items/0/institutionCode").asText()).isNotBlank();
        assertThat(recs.at("/items/0/date").asText()).startsWith("202");
        var den = official.get("/api/stats/indicators/CAESAREAN_QC/records?" + q + "&part=denominator&size=1");
        assertThat(den.at("/total").asLong()).isEqualTo(caesarean.path("denominator").asLong());

        var byArea = official.get("/api/stats/indicators/LIVE_BIRTH_NONE/by-area?" + q);
        assertThat(byArea.status()).isEqualTo(404);
        var rows = official.get("/api/stats/indicators/CAESAREAN_QC/by-area?area=500000&from=" + Y_FROM + "&to=" + Y_TO);
        long sumNum = 0, sumDen = 0;
        for (JsonNode row : rows.at("/rows")) { sumNum += row.path("numerator").asLong(); sumDen += row.path("denominator").asLong(); }
        var cityFig = official.get("/api/stats/indicators?area=500000&from=" + Y_FROM + "&to=" + Y_TO);
        for (JsonNode f : cityFig.at("/indicators")) {
            if (f.path("code").asText().equals("CAESAREAN_QC")) {
                assertThat(sumNum).isEqualTo(f.path("numerator").asLong());
                assertThat(sumDen).isEqualTo(f.path("denominator").asLong());
            }
        }
        assertThat(rows.at("/rows").findValuesAsText("key")).contains("500117", "LJXQ", "500155", "500156");
        var trend = official.get("/api/stats/indicators/CAESAREAN/trend?area=500000&to=2025-09-30");
        assertThat(trend.at("/rows").size()).isEqualTo(12);
        assertThat(trend.at("/rows/0/key").asText()).isEqualTo("2024-10");
        var mix = official.get("/api/stats/mix?area=500000&from=" + Y_FROM + "&to=" + Y_TO);
        long women = 0;
        for (JsonNode n : mix.at("/womenDelivered")) women += n.asLong();
        assertThat(women).isEqualTo(oracle.counts(access.units("500000"), Y_FROM, Y_TO).get("WOMAN_DELIVERED"));
        assertThat(mix.at("/funnel").size()).isEqualTo(5);
        var league = official.get("/api/stats/indicators/CAESAREAN_QC/by-institution?area=500000&from=" + Y_FROM + "&to=" + Y_TO);
        long leagueDen = 0;
        for (JsonNode row : league.at("/rows")) leagueDen += row.path("denominator").asLong();
        assertThat(leagueDen).isEqualTo(sumDen);
    }

    @Test
    @DisplayName("access: an official sees her area only, staff their institution only, bad input is a 400 naming the field; reads are audited")
    void access() {
        ApiClient jb = signIn("official-jb");
        assertThat(jb.get("/api/stats/indicators?area=500105&from=2025-01-01&to=2025-03-31").status()).isEqualTo(200);
        assertThat(jb.get("/api/stats/indicators?area=500000&from=2025-01-01&to=2025-03-31").status()).isEqualTo(403);
        assertThat(jb.get("/api/stats/indicators/CAESAREAN/records?area=500117&from=2025-01-01&to=2025-03-31&part=numerator").status()).isEqualTo(403);
        ApiClient doctor = signIn("hc-doctor");
        var own = doctor.get("/api/stats/indicators?area=500000&from=" + Y_FROM + "&to=" + Y_TO);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("/institution")).isNotBlank();
        assertThat(doctor.get("/api/stats/indicators?area=500000&from=2025-01-01&to=2025-03-31&institution=CQHCWC").status()).isEqualTo(403);
        ApiClient admin = signIn("admin");
        var bad = admin.get("/api/stats/indicators?area=500000&from=2025-13-01&to=2025-03-31");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.toString()).contains("from");
        assertThat(admin.get("/api/stats/indicators?area=999999&from=2025-01-01&to=2025-03-31").toString()).contains("area");
        assertThat(admin.get("/api/stats/indicators?area=500000&from=2025-03-01&to=2025-01-31").status()).isEqualTo(400);
        var part = admin.get("/api/stats/indicators/CAESAREAN/records?area=500000&from=2025-01-01&to=2025-03-31&part=both");
        assertThat(part.status()).isEqualTo(400);
        assertThat(part.toString()).contains("part");
        var audit = admin.get("/api/audit?username=official-jb&size=50");
        assertThat(audit.toString()).contains("IndicatorFigures");
    }

    @Test
    @DisplayName("live: a delivery recorded through the API is in the city's figures as soon as it commits; a postpartum visit updates them")
    void liveDelivery() {
        ApiClient doctor = signIn("cqfy-doctor");
        ApiClient admin = signIn("admin");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        String q = "/api/stats/indicators?area=500000&from=" + today.minusDays(3) + "&to=" + today.plusDays(2);
        Map<String, Long> before = numbers(admin.get(q).at("/indicators"));
        var w = doctor.post("/api/persons", cn.fuyou.registry.PersonApiTest.woman("统", "计", null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        var p = doctor.post("/api/pregnancies", Map.of("womanId", w.text("/id"), "gravida", 1, "para", 0,
                "lmp", today.minusDays(275).toString()));
        String id = p.text("/id");
        var baby = Map.of("sex", "F", "weightG", 2300, "apgar1", 8, "apgar5", 9, "liveBorn", true);
        var d = doctor.post("/api/pregnancies/" + id + "/delivery", Map.of("deliveredAt", today.minusDays(1).atTime(12, 0).atOffset(ZoneOffset.ofHours(8)).toString(),
                "mode", "CAESAREAN", "caesareanIndication", "胎位异常", "bloodLossMl", 400, "maternalCondition", "GOOD", "babies", List.of(baby)));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        Map<String, Long> after = numbers(admin.get(q).at("/indicators"));
        assertThat(after.get("HOSPITAL_DELIVERY/d")).isEqualTo(before.get("HOSPITAL_DELIVERY/d") + 1);
        assertThat(after.get("CAESAREAN/n")).isEqualTo(before.get("CAESAREAN/n") + 1);
        assertThat(after.get("LBW/n")).isEqualTo(before.get("LBW/n") + 1);
        var v = doctor.post("/api/pregnancies/" + id + "/postpartum-visits", Map.of("kind", "HOME_VISIT", "visitDate", today.toString()));
        assertThat(v.status()).as(v.toString()).isIn(200, 201);
        Map<String, Long> visited = numbers(admin.get(q).at("/indicators"));
        assertThat(visited.get("POSTPARTUM_VISIT/n")).isEqualTo(before.get("POSTPARTUM_VISIT/n") + 1);
    }

    private static Map<String, Long> numbers(JsonNode indicators) {
        Map<String, Long> m = new HashMap<>();
        for (JsonNode f : indicators) {
            m.put(f.path("code").asText() + "/n", f.path("numerator").asLong());
            m.put(f.path("code").asText() + "/d", f.path("denominator").asLong());
        }
        return m;
    }

    @Test
    @DisplayName("annual report: maternal and child tables per district for statistical year 2025; the .xlsx reads back with zh-CN headings and the same totals")
    void annualReport() throws Exception {
        ApiClient official = signIn("official-cq");
        var t = official.get("/api/stats/annual-report?kind=maternal&area=500000&year=2025");
        assertThat(t.status()).as(t.toString()).isEqualTo(200);
        assertThat(t.text("/from")).isEqualTo("2024-10-01");
        assertThat(t.text("/to")).isEqualTo("2025-09-30");
        long liveBirths = oracle.counts(access.units("500000"), Y_FROM, Y_TO).get("LIVE_BIRTH");
        assertThat(t.at("/total/values/0").asLong()).isEqualTo(liveBirths);
        var xlsx = official.getBytes("/api/stats/annual-report.xlsx?kind=maternal&area=500000&year=2025");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("重庆市").contains("2025统计年度");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("地区");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("活产数");
            int last = s.getLastRowNum();
            assertThat(s.getRow(last).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) s.getRow(last).getCell(1).getNumericCellValue()).isEqualTo(liveBirths);
            assertThat(last - 3).isEqualTo(t.at("/rows").size());
        }
        var child = official.get("/api/stats/annual-report?kind=child&area=500000&year=2025");
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.at("/columns").findValuesAsText("key")).contains("U5_STUNTING", "NEWBORN_VISIT");
        assertThat(official.get("/api/stats/annual-report?kind=other&area=500000&year=2025").status()).isEqualTo(400);
    }
}
