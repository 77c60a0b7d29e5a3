package cn.fuyou.maternal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: clinical-rules.md §3 — Naegele; Robinson CRL (BMUS 2009); ACOG Committee Opinion 700 redating; ART. */
class PregnancyDatingTest {

    private static final LocalDate LMP = LocalDate.of(2026, 1, 1);

    @Test
    @DisplayName("Naegele: EDD = LMP + 280 days; GA in completed weeks+days")
    void naegele() {
        var r = PregnancyDating.date(LMP, null, null);
        assertThat(r.edd()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(r.method()).isEqualTo(PregnancyDating.Method.LMP);
        assertThat(r.gestationalAgeDays(LMP.plusDays(93))).isEqualTo(93); // 13+2
        assertThat(r.suboptimallyDated()).as("no ultrasound before 22+0 weeks").isTrue();
    }

    @ParameterizedTest(name = "CRL {0} mm → {1} days")
    @CsvSource({"10, 50", "45, 79", "60, 87", "84, 99"}) // 49.66, 78.74, 87.24, 98.88
    @DisplayName("Robinson (BMUS 2009): GA days = 8.052·√(1.037·CRL) + 23.73, nearest day")
    void robinson(String crl, int days) {
        assertThat(PregnancyDating.gestationalAgeFromCrl(new BigDecimal(crl))).isEqualTo(days);
    }

    @Test
    @DisplayName("Robinson: CRL above 84 mm is refused (84.1), 84 is accepted")
    void crlLimit() {
        assertThat(PregnancyDating.gestationalAgeFromCrl(new BigDecimal("84"))).isEqualTo(99);
        assertThatThrownBy(() -> PregnancyDating.gestationalAgeFromCrl(new BigDecimal("84.1")))
                .isInstanceOf(PregnancyDating.DatingException.class).hasMessageContaining("84");
    }

    /**
     * ACOG CO 700 bands by GA by LMP on the scan date. For each band: a difference equal to the
     * threshold keeps the LMP dating; one day more redates to the ultrasound.
     */
    @ParameterizedTest(name = "GA by LMP {0} days, threshold {1}: diff {1} keeps LMP, {1}+1 redates")
    @CsvSource({
            "62, 5",    // 8+6
            "63, 7",    // 9+0
            "97, 7",    // 13+6
            "98, 7",    // 14+0
            "111, 7",   // 15+6
            "112, 10",  // 16+0
            "153, 10",  // 21+6
            "154, 14",  // 22+0
            "195, 14",  // 27+6
            "196, 21"}) // 28+0
    void acogBands(int gaByLmp, int threshold) {
        assertThat(PregnancyDating.redatingThresholdDays(gaByLmp)).isEqualTo(threshold);
        LocalDate scan = LMP.plusDays(gaByLmp);
        var keep = PregnancyDating.date(LMP, new PregnancyDating.Ultrasound(scan, null, gaByLmp - threshold), null);
        assertThat(keep.redated()).isFalse();
        assertThat(keep.edd()).isEqualTo(LMP.plusDays(280));
        int usGa = gaByLmp + threshold + 1;
        var redate = PregnancyDating.date(LMP, new PregnancyDating.Ultrasound(scan, null, usGa), null);
        assertThat(redate.redated()).isTrue();
        assertThat(redate.method()).isEqualTo(PregnancyDating.Method.ULTRASOUND);
        assertThat(redate.edd()).as("scan date + (280 − US GA)").isEqualTo(scan.plusDays(280 - usGa));
    }

    @Test
    @DisplayName("an ultrasound before 22+0 weeks makes the dating optimal; at 22+0 or later it stays suboptimal")
    void suboptimal() {
        assertThat(PregnancyDating.date(LMP, new PregnancyDating.Ultrasound(LMP.plusDays(153), null, 153), null).suboptimallyDated()).isFalse();
        assertThat(PregnancyDating.date(LMP, new PregnancyDating.Ultrasound(LMP.plusDays(154), null, 154), null).suboptimallyDated()).isTrue();
    }

    @Test
    @DisplayName("with no LMP the ultrasound dates the pregnancy (CRL 45 mm = 79 days)")
    void noLmp() {
        LocalDate scan = LocalDate.of(2026, 3, 20);
        var r = PregnancyDating.date(null, new PregnancyDating.Ultrasound(scan, new BigDecimal("45"), null), null);
        assertThat(r.method()).isEqualTo(PregnancyDating.Method.ULTRASOUND);
        assertThat(r.edd()).isEqualTo(scan.plusDays(280 - 79));
        assertThat(r.suboptimallyDated()).isFalse();
    }

    @ParameterizedTest(name = "day-{0} embryo → EDD = transfer + {1}")
    @CsvSource({"3, 263", "5, 261"})
    @DisplayName("ART: EDD = transfer date + 266 − embryo age in days")
    void art(int embryoAge, int plus) {
        LocalDate transfer = LocalDate.of(2026, 2, 10);
        var r = PregnancyDating.date(null, null, new PregnancyDating.Art(transfer, embryoAge));
        assertThat(r.edd()).isEqualTo(transfer.plusDays(plus));
        assertThat(r.method()).isEqualTo(PregnancyDating.Method.ART);
    }
}
