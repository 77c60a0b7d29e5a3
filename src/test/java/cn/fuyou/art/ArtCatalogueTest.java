package cn.fuyou.art;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.reporting.IndicatorCatalogue;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: spec/indicators.md (the ART_* codes) and clinical-rules.md §8: the catalogue divides exactly what the counting policy divides. */
class ArtCatalogueTest {

    @Test
    @DisplayName("§8 indicators/art.json declares every ART_* code of indicators.md over the policy's own numerator and denominator")
    void catalogueMatchesPolicy() throws Exception {
        IndicatorCatalogue.CatalogueFile file;
        try (InputStream in = getClass().getResourceAsStream("/indicators/art.json")) {
            file = IndicatorCatalogue.read(in, "art.json");
        }
        assertThat(file.indicators()).extracting(IndicatorCatalogue.IndicatorEntry::code).containsExactly(
                "ART_CPR_PER_CYCLE", "ART_CPR_PER_RETRIEVAL", "ART_CPR_PER_TRANSFER", "ART_LBR_PER_CYCLE", "ART_LBR_PER_RETRIEVAL",
                "ART_LBR_PER_TRANSFER", "ART_CUMULATIVE_LBR", "ART_IMPLANTATION", "ART_MULTIPLE", "ART_OHSS");
        for (ArtOutcomeCounting.Definition d : ArtOutcomeCounting.INDICATORS) {
            var e = file.indicators().stream().filter(i -> i.code().equals(d.code())).findFirst().orElseThrow();
            assertThat(e.numerator()).as(d.code()).isEqualTo(d.numerator().name());
            assertThat(e.denominator()).as(d.code()).isEqualTo(d.denominator().name());
            assertThat(e.multiplier()).isEqualTo(100);
        }
        assertThat(file.measures()).extracting(IndicatorCatalogue.Measure::code)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ArtOutcomeCounting.Measure.values()).map(Enum::name).toList());
        // merges with nothing else declared twice
        assertThat(IndicatorCatalogue.merge(List.of(file)).indicators()).hasSize(10);
    }
}
