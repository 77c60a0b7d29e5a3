package cn.fuyou.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 9 — the catalogue is versioned data merged from every module's file; duplicates are refused. */
class IndicatorCatalogueTest {

    static IndicatorCatalogue.CatalogueFile file(String json) {
        return IndicatorCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    static final String A = """
            {"module":"a","edition":"1","measures":[{"code":"LIVE_BIRTH","nameZh":"活产数","nameEn":"Live births","definition":"x"},
             {"code":"X_DONE","nameZh":"x","nameEn":"x","definition":"x"}],
             "indicators":[{"code":"X_RATE","nameZh":"x率","nameEn":"x rate","numerator":"X_DONE","denominator":"LIVE_BIRTH","multiplier":100,"unit":"%","source":"s","group":"maternal","order":1}]}""";

    @Test
    @DisplayName("files merge; the edition names every module's version; an indicator may divide by another module's measure")
    void merges() {
        var b = file("""
                {"module":"b","edition":"2026.1","measures":[{"code":"Y_DONE","nameZh":"y","nameEn":"y","definition":"y"}],
                 "indicators":[{"code":"Y_RATE","nameZh":"y率","nameEn":"y rate","numerator":"Y_DONE","denominator":"LIVE_BIRTH","multiplier":1000,"unit":"‰"}]}""");
        var cat = IndicatorCatalogue.merge(List.of(file(A), b));
        assertThat(cat.edition()).isEqualTo("a@1 b@2026.1");
        assertThat(cat.indicators()).extracting(IndicatorCatalogue.Indicator::code).containsExactly("X_RATE", "Y_RATE");
        assertThat(cat.indicator("Y_RATE").orElseThrow().module()).isEqualTo("b");
    }

    @Test
    @DisplayName("a duplicate indicator or measure code in two files, an undeclared measure, or a unit that disagrees with the multiplier is refused")
    void refuses() {
        var dupIndicator = file("""
                {"module":"b","edition":"1","indicators":[{"code":"X_RATE","nameZh":"x","nameEn":"x","numerator":"X_DONE","denominator":"LIVE_BIRTH","multiplier":100,"unit":"%"}]}""");
        assertThatThrownBy(() -> IndicatorCatalogue.merge(List.of(file(A), dupIndicator))).hasMessageContaining("X_RATE");
        var dupMeasure = file("""
                {"module":"b","edition":"1","measures":[{"code":"LIVE_BIRTH","nameZh":"活产","nameEn":"x","definition":"x"}]}""");
        assertThatThrownBy(() -> IndicatorCatalogue.merge(List.of(file(A), dupMeasure))).hasMessageContaining("LIVE_BIRTH");
        var dangling = file("""
                {"module":"b","edition":"1","indicators":[{"code":"Z","nameZh":"z","nameEn":"z","numerator":"NOPE","denominator":"LIVE_BIRTH","multiplier":100,"unit":"%"}]}""");
        assertThatThrownBy(() -> IndicatorCatalogue.merge(List.of(file(A), dangling))).hasMessageContaining("NOPE");
        var badUnit = file("""
                {"module":"b","edition":"1","indicators":[{"code":"Z","nameZh":"z","nameEn":"z","numerator":"X_DONE","denominator":"LIVE_BIRTH","multiplier":100,"unit":"‰"}]}""");
        assertThatThrownBy(() -> IndicatorCatalogue.merge(List.of(file(A), badUnit))).hasMessageContaining("unit");
    }

    @Test
    @DisplayName("the shipped catalogue has the codes of indicators.md exactly")
    void shipped() throws Exception {
        var cat = IndicatorCatalogue.merge(shippedFiles());
        assertThat(cat.indicators()).extracting(IndicatorCatalogue.Indicator::code).contains("PERINATAL_MR", "EARLY_REGISTRATION",
                "ANC_1", "ANC_5", "POSTPARTUM_VISIT", "MATERNAL_SYSTEMATIC_MGMT", "HOSPITAL_DELIVERY", "CAESAREAN", "CAESAREAN_QC",
                "CAESAREAN_QC_PRIMIPAROUS", "HIGH_RISK", "HIV_TESTED", "SYPHILIS_TESTED", "HBSAG_TESTED", "LBW", "MACROSOMIA", "PRETERM",
                "SEVERE_PPH", "TERM_APGAR5_LT7", "HYSTERECTOMY", "NEWBORN_VISIT", "U5_UNDERWEIGHT", "U5_STUNTING", "U5_WASTING",
                "U5_OVERWEIGHT", "U5_ANAEMIA");
        assertThat(IndicatorPrecision.value(1, 0, 100, 2)).isNull();
        assertThat(IndicatorPrecision.value(1, 3, 100, 2)).isEqualByComparingTo("33.33");
    }

    /** Every module's {@code indicators/*.json} as shipped. */
    static List<IndicatorCatalogue.CatalogueFile> shippedFiles() throws java.io.IOException {
        var files = new java.util.ArrayList<IndicatorCatalogue.CatalogueFile>();
        for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath*:indicators/*.json")) {
            try (var in = r.getInputStream()) { files.add(IndicatorCatalogue.read(in, r.getFilename())); }
        }
        return files;
    }
}
