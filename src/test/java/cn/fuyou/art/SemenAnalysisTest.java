package cn.fuyou.art;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: WHO laboratory manual, 6th edition (2021), Table 8.1 lower reference limits; issue 14 item 1; consents before a cycle. */
class SemenAnalysisTest {

    static final SemenAnalysis WHO = SemenAnalysis.load("WHO-2021");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    @DisplayName("WHO 2021: a value at the lower reference limit is not flagged, one just below it is (decimal comparison)")
    void boundaries() {
        var atLimit = WHO.assess(new SemenAnalysis.Values(d("1.4"), d("16"), d("39"), d("30"), d("42"), d("54"), d("4")));
        assertThat(atLimit.flags()).isEmpty();
        assertThat(atLimit.ruleVersion()).isEqualTo("WHO-2021");
        var below = WHO.assess(new SemenAnalysis.Values(d("1.3"), d("15.9"), d("38.9"), d("29.9"), d("41.9"), d("53.9"), d("3.9")));
        assertThat(below.flags()).containsExactly("LOW_VOLUME", "LOW_CONCENTRATION", "LOW_TOTAL_COUNT", "LOW_TOTAL_MOTILITY", "LOW_PROGRESSIVE",
                "LOW_VITALITY", "LOW_NORMAL_FORMS");
    }

    @Test
    @DisplayName("WHO 2021: no sperm is azoospermia; values not measured are not flagged")
    void azoospermiaAndMissing() {
        assertThat(WHO.assess(new SemenAnalysis.Values(d("2.5"), d("0"), d("0"), null, null, null, null)).flags())
                .containsExactly("AZOOSPERMIA", "LOW_CONCENTRATION", "LOW_TOTAL_COUNT");
        assertThat(WHO.assess(new SemenAnalysis.Values(null, null, null, null, null, null, null)).flags()).isEmpty();
    }

    @Test
    @DisplayName("the consents a cycle needs: treatment for every cycle, then by type, and donor gametes")
    void consentsRequired() {
        assertThat(Consents.required("IVF", "OWN")).containsExactly("ART_TREATMENT", "IVF_ET");
        assertThat(Consents.required("ICSI", "OWN")).containsExactly("ART_TREATMENT", "IVF_ET", "ICSI");
        assertThat(Consents.required("FET", "OWN")).containsExactly("ART_TREATMENT", "IVF_ET", "EMBRYO_FREEZING");
        assertThat(Consents.required("IUI", "DONOR_SPERM")).containsExactly("ART_TREATMENT", "IUI", "DONOR_GAMETES");
    }
}
