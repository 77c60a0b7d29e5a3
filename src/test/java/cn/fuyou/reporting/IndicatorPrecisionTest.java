package cn.fuyou.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: spec/indicators.md (the indicator table and its Conventions: each kind's multiplier) and clinical-rules.md §8
 * ("Rates are percentages rounded half-up to 1 decimal") — every indicator has a precision, declared in its catalogue
 * file or derived ({@link IndicatorPrecision#DEFAULT}), and the one rounding applies it to every figure.
 */
class IndicatorPrecisionTest {

    /** Precision of the kinds for which indicators.md names no decimals (it names none for any kind): fuyou's default. */
    static final int UNNAMED = 2;

    /** §8: the ART_* rates, 1 decimal. */
    static final int ART = 1;

    /** indicators.md's table as of this change: code → {multiplier, precision}. */
    static final Map<String, int[]> INDICATORS_MD = new LinkedHashMap<>();

    static {
        pin(100_000, UNNAMED, "MMR", "HYSTERECTOMY");
        pin(1000, UNNAMED, "PERINATAL_MR", "ENMR", "NMR", "IMR", "U5MR", "NEAR_MISS_RATIO");
        pin(100, UNNAMED, "EARLY_REGISTRATION", "ANC_1", "ANC_5", "POSTPARTUM_VISIT", "MATERNAL_SYSTEMATIC_MGMT", "HOSPITAL_DELIVERY",
                "CAESAREAN", "CAESAREAN_QC", "CAESAREAN_QC_PRIMIPAROUS", "HIGH_RISK", "HIV_TESTED", "SYPHILIS_TESTED", "HBSAG_TESTED",
                "PRENATAL_SCREENING", "LBW", "MACROSOMIA", "PRETERM", "SEVERE_PPH", "TERM_APGAR5_LT7", "NEWBORN_VISIT", "U3_SYSTEMATIC_MGMT",
                "U7_HEALTH_MGMT", "U5_UNDERWEIGHT", "U5_STUNTING", "U5_WASTING", "U5_OVERWEIGHT", "U5_ANAEMIA", "NBS_METABOLIC", "NBS_HEARING");
        pin(10_000, UNNAMED, "BIRTH_DEFECT_PREVALENCE");
        pin(100, ART, "ART_CPR_PER_CYCLE", "ART_CPR_PER_RETRIEVAL", "ART_CPR_PER_TRANSFER", "ART_LBR_PER_CYCLE", "ART_LBR_PER_RETRIEVAL",
                "ART_LBR_PER_TRANSFER", "ART_CUMULATIVE_LBR", "ART_IMPLANTATION", "ART_MULTIPLE", "ART_OHSS");
        // "deaths / (near-miss + deaths)": a bare ratio in indicators.md; the catalogue shows it as a percentage
        pin(100, UNNAMED, "MORTALITY_INDEX");
    }

    /** Codes of indicators.md that no catalogue file declares yet: when one is added, its pin above is checked. */
    static final Set<String> NOT_IN_CATALOGUE = Set.of("U3_SYSTEMATIC_MGMT", "U7_HEALTH_MGMT");

    private static void pin(int multiplier, int precision, String... codes) {
        for (String c : codes) INDICATORS_MD.put(c, new int[]{multiplier, precision});
    }

    @Test
    @DisplayName("indicators.md table and §8: every code's multiplier and precision in the shipped catalogue is the pinned one")
    void shippedMatchesIndicatorsMd() throws Exception {
        IndicatorCatalogue cat = IndicatorCatalogue.merge(IndicatorCatalogueTest.shippedFiles());
        INDICATORS_MD.forEach((code, pinned) -> {
            var found = cat.indicator(code);
            if (NOT_IN_CATALOGUE.contains(code)) {
                assertThat(found).as(code + " is now declared: take it off NOT_IN_CATALOGUE").isEmpty();
                return;
            }
            var i = found.orElseThrow(() -> new AssertionError(code + " of indicators.md is not in the catalogue"));
            assertThat(i.multiplier()).as(code + " multiplier").isEqualTo(pinned[0]);
            assertThat(i.precision()).as(code + " precision").isEqualTo(pinned[1]);
        });
        assertThat(IndicatorPrecision.DEFAULT).as("the derived precision of the kinds indicators.md names none for").isEqualTo(UNNAMED);
    }

    @Test
    @DisplayName("every shipped indicator has its declared precision, or the default when it declares none")
    void everyIndicatorDeclaresOrDerives() throws Exception {
        var files = IndicatorCatalogueTest.shippedFiles();
        IndicatorCatalogue cat = IndicatorCatalogue.merge(files);
        for (var f : files) {
            for (var e : f.indicators()) {
                int expected = e.precision() == null ? IndicatorPrecision.DEFAULT : e.precision();
                assertThat(cat.indicator(e.code()).orElseThrow().precision()).as(e.code()).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("a precision outside 0–4 is refused when the catalogue is built")
    void refusesBadPrecision() {
        var bad = IndicatorCatalogueTest.file(IndicatorCatalogueTest.A.replace("\"unit\":\"%\"", "\"unit\":\"%\",\"precision\":5"));
        assertThatThrownBy(() -> IndicatorCatalogue.merge(List.of(bad))).hasMessageContaining("X_RATE").hasMessageContaining("precision");
    }

    @Test
    @DisplayName("§8 half-up at the boundary: 62.45 → 62.5 at 1 decimal, 0.125 → 0.13 at 2 (half-even would give 62.4 and 0.12)")
    void roundsHalfUpAtTheBoundary() {
        assertThat(IndicatorPrecision.value(1249, 2000, 100, 1)).isEqualTo(new BigDecimal("62.5"));
        assertThat(IndicatorPrecision.value(1249, 2000, 100, 2)).isEqualTo(new BigDecimal("62.45"));
        assertThat(IndicatorPrecision.value(1, 800, 100, 2)).isEqualTo(new BigDecimal("0.13"));
        assertThat(IndicatorPrecision.value(1, 8000, 1000, 2)).isEqualTo(new BigDecimal("0.13"));
        assertThat(IndicatorPrecision.value(1249, 2000, 100, 0)).isEqualTo(new BigDecimal("62"));
        assertThat(IndicatorPrecision.value(3, 0, 100, 1)).isNull();
        assertThat(IndicatorPrecision.spreadsheetFormat(0)).isEqualTo("0");
        assertThat(IndicatorPrecision.spreadsheetFormat(1)).isEqualTo("0.0");
        assertThat(IndicatorPrecision.spreadsheetFormat(2)).isEqualTo("0.00");
    }

    @Test
    @DisplayName("the statistics API's figure of an ART rate has 1 decimal and says so; a service rate keeps 2")
    void figuresUseThePrecision() throws Exception {
        IndicatorCatalogue cat = IndicatorCatalogue.merge(IndicatorCatalogueTest.shippedFiles());
        IndicatorFigures figures = new IndicatorFigures(null, cat, null, 0);
        var art = figures.figure(cat.indicator("ART_CPR_PER_TRANSFER").orElseThrow(), Map.of("ART_CLINICAL_PREGNANCY", 1249L, "ART_TRANSFER", 2000L));
        assertThat(art.value()).isEqualTo(new BigDecimal("62.5"));
        assertThat(art.precision()).isEqualTo(1);
        var delivery = figures.figure(cat.indicator("HOSPITAL_DELIVERY").orElseThrow(),
                Map.of("HOSPITAL_LIVE_BIRTH", 1249L, "LIVE_BIRTH", 2000L));
        assertThat(delivery.value()).isEqualTo(new BigDecimal("62.45"));
        assertThat(delivery.precision()).isEqualTo(2);
    }

    @Test
    @DisplayName("the annual table's .xlsx shows each rate column with its indicator's decimals")
    void xlsxRateColumnsHaveTheirPrecision() throws Exception {
        var columns = List.of(new AnnualReports.Column("LIVE_BIRTH", "活产数", "Live births", null, null),
                new AnnualReports.Column("A", "a(%)", "a (%)", "%", 1), new AnnualReports.Column("B", "b(‰)", "b (‰)", "‰", 2));
        var row = new AnnualReports.TableRow("500112", "渝北区", "Yubei", List.of(2000L, new BigDecimal("62.5"), new BigDecimal("3.13")));
        var table = new AnnualReports.Table("MATERNAL", "500000", "重庆市", 2025, LocalDate.of(2024, 10, 1), LocalDate.of(2025, 9, 30), "x@1",
                columns, List.of(row), row);
        var out = new ByteArrayOutputStream();
        new AnnualReports(null, null).writeXlsx(table, out);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row first = wb.getSheetAt(0).getRow(3);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(62.5);
        }
    }
}
