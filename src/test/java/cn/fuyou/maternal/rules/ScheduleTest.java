package cn.fuyou.maternal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: clinical-rules.md §2 (national 5-visit schedule, postpartum) and §5 (PMTCT follow-up of exposed infants). */
class ScheduleTest {

    private static final LocalDate EDD = LocalDate.of(2026, 10, 8); // LMP 2026-01-01
    private static final LocalDate LMP = EDD.minusDays(280);

    @Test
    @DisplayName("§2: visit 2 (16–20 weeks) is upcoming before 16+0, due from 16+0 to 20+6, overdue from 21+0")
    void windowEdges() {
        assertThat(status(2, LMP.plusDays(111))).isEqualTo(PrenatalSchedule.Status.UPCOMING);
        assertThat(status(2, LMP.plusDays(112))).isEqualTo(PrenatalSchedule.Status.DUE);
        assertThat(status(2, LMP.plusDays(146))).isEqualTo(PrenatalSchedule.Status.DUE);
        assertThat(status(2, LMP.plusDays(147))).isEqualTo(PrenatalSchedule.Status.OVERDUE);
    }

    @Test
    @DisplayName("§2: the first visit must be before 13+0 weeks; a contact inside a window marks it done")
    void firstVisitAndDone() {
        assertThat(status(1, LMP.plusDays(90))).isEqualTo(PrenatalSchedule.Status.DUE);
        assertThat(status(1, LMP.plusDays(91))).isEqualTo(PrenatalSchedule.Status.OVERDUE);
        var visits = PrenatalSchedule.visits(EDD, List.of(LMP.plusDays(80), LMP.plusDays(130)), LMP.plusDays(200));
        assertThat(visits).extracting(PrenatalSchedule.Visit::status).containsExactly(PrenatalSchedule.Status.DONE,
                PrenatalSchedule.Status.DONE, PrenatalSchedule.Status.OVERDUE, PrenatalSchedule.Status.DUE, PrenatalSchedule.Status.UPCOMING);
    }

    private static PrenatalSchedule.Status status(int number, LocalDate today) {
        return PrenatalSchedule.visits(EDD, List.of(), today).get(number - 1).status();
    }

    @Test
    @DisplayName("§2: home visit within 1 week of discharge; 42-day check from day 42")
    void postpartum() {
        LocalDate delivered = LocalDate.of(2026, 5, 1);
        var items = PostpartumSchedule.items(delivered, delivered.plusDays(3));
        assertThat(items.get(0).dueUntil()).isEqualTo(delivered.plusDays(10));
        assertThat(items.get(1).dueFrom()).isEqualTo(delivered.plusDays(42));
    }

    private static final OffsetDateTime BIRTH = OffsetDateTime.of(2026, 5, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));

    @Test
    @DisplayName("§5 HIV: high exposure when late viral load > 50; 50 itself is standard")
    void hivViralLoad() {
        LocalDate d = BIRTH.toLocalDate();
        assertThat(PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(51, d.minusWeeks(30), d, "PREGNANCY")).highExposure()).isTrue();
        assertThat(PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(50, d.minusWeeks(30), d, "PREGNANCY")).highExposure()).isFalse();
    }

    @Test
    @DisplayName("§5 HIV: no viral load → high exposure under 12 weeks of maternal ART, standard at 12 weeks")
    void hivArtDuration() {
        LocalDate d = BIRTH.toLocalDate();
        assertThat(PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(null, d.minusDays(83), d, "PREGNANCY")).highExposure()).isTrue();
        assertThat(PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(null, d.minusDays(84), d, "PREGNANCY")).highExposure()).isFalse();
        assertThat(PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(null, null, d, "PREGNANCY")).highExposure()).isTrue();
    }

    @Test
    @DisplayName("§5 HIV: found at labour → high exposure → triple ARV to 6 weeks; otherwise one drug to 4 weeks")
    void hivRegimenItems() {
        var high = PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(20, null, BIRTH.toLocalDate(), "LABOUR"));
        assertThat(high.highExposure()).isTrue();
        var items = PmtctSchedule.hiv(BIRTH, high);
        assertThat(items).extracting(PmtctSchedule.Item::code).contains("HIV_ARV_START", "HIV_ARV_TRIPLE_6W", "HIV_NAT_48H",
                "HIV_NAT_6W", "HIV_NAT_3M", "HIV_AB_12M", "HIV_AB_18M");
        assertThat(items.get(0).dueUntil()).isEqualTo(BIRTH.plusHours(6));
        var standard = PmtctSchedule.hiv(BIRTH, new PmtctSchedule.Regimen(false, "", ""));
        assertThat(standard).extracting(PmtctSchedule.Item::code).contains("HIV_ARV_SINGLE_4W").doesNotContain("HIV_ARV_TRIPLE_6W");
    }

    @Test
    @DisplayName("§5 syphilis: non-treponemal at 3, 6, 9, 12, 15, 18 months, treponemal at 18, benzathine penicillin once")
    void syphilis() {
        var items = PmtctSchedule.syphilis(BIRTH);
        assertThat(items).extracting(PmtctSchedule.Item::code).containsExactly("SYPH_BENZATHINE", "SYPH_NONTREP_3M", "SYPH_NONTREP_6M",
                "SYPH_NONTREP_9M", "SYPH_NONTREP_12M", "SYPH_NONTREP_15M", "SYPH_NONTREP_18M", "SYPH_TREP_18M");
    }

    @Test
    @DisplayName("§5 hepatitis B: HBIG 100 IU + vaccine within 12 h, vaccine at 1 and 6 months, serology at 7–12 months")
    void hepatitisB() {
        var items = PmtctSchedule.hepatitisB(BIRTH);
        assertThat(items.get(0).dueUntil()).isEqualTo(BIRTH.plusHours(12));
        assertThat(items.get(3).dueFrom()).isEqualTo(BIRTH.plusMonths(7));
        assertThat(items.get(3).dueUntil()).isEqualTo(BIRTH.plusMonths(12));
    }

    @Test
    @DisplayName("§5 maternal antiviral when HBV DNA > 2×10⁵ IU/ml or HBeAg-positive")
    void maternalAntiviral() {
        assertThat(PmtctSchedule.maternalAntiviralIndicated(new BigDecimal("200000"), false)).isFalse();
        assertThat(PmtctSchedule.maternalAntiviralIndicated(new BigDecimal("200001"), false)).isTrue();
        assertThat(PmtctSchedule.maternalAntiviralIndicated(null, true)).isTrue();
    }
}
