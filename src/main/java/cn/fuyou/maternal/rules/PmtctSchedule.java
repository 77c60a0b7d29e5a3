package cn.fuyou.maternal.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Follow-up of an exposed infant (clinical-rules.md §5). The due times come from the source; the
 * end of each window (how late an item may still be done before it counts as overdue) is a fuyou
 * rule, written next to each item.
 */
public final class PmtctSchedule {

    private PmtctSchedule() {}

    public record Item(String code, String labelZh, String labelEn, OffsetDateTime dueFrom, OffsetDateTime dueUntil) {}

    /** What decides the HIV regimen. {@code foundAtStage}: PREGNANCY, LABOUR or POSTPARTUM. */
    public record HivExposure(Integer lateViralLoadCopies, LocalDate maternalArtStart, LocalDate deliveryDate, String foundAtStage) {}

    public record Regimen(boolean highExposure, String reasonZh, String reasonEn) {}

    /**
     * High exposure: late-pregnancy viral load > 50 copies/ml; or no viral load and < 12 weeks of
     * maternal ART before delivery; or HIV found at labour or after. Otherwise standard.
     */
    public static Regimen hivRegimen(HivExposure e) {
        if ("LABOUR".equals(e.foundAtStage()) || "POSTPARTUM".equals(e.foundAtStage())) {
            return new Regimen(true, "产时或产后发现HIV感染", "HIV found at labour or after");
        }
        if (e.lateViralLoadCopies() != null) {
            return e.lateViralLoadCopies() > 50
                    ? new Regimen(true, "孕晚期病毒载量 " + e.lateViralLoadCopies() + " > 50 copies/ml", "late viral load " + e.lateViralLoadCopies() + " > 50 copies/ml")
                    : new Regimen(false, "孕晚期病毒载量 ≤ 50 copies/ml", "late viral load ≤ 50 copies/ml");
        }
        long artDays = e.maternalArtStart() == null ? 0 : ChronoUnit.DAYS.between(e.maternalArtStart(), e.deliveryDate());
        return artDays < 12 * 7
                ? new Regimen(true, "无病毒载量且孕期抗病毒治疗不足12周", "no viral load and < 12 weeks of maternal ART")
                : new Regimen(false, "无病毒载量，孕期抗病毒治疗≥12周", "no viral load, ≥ 12 weeks of maternal ART");
    }

    public static List<Item> hiv(OffsetDateTime birth, Regimen regimen) {
        List<Item> out = new ArrayList<>();
        out.add(new Item("HIV_ARV_START", "出生后6小时内开始抗病毒预防", "ARV prophylaxis started within 6 hours", birth, birth.plusHours(6)));
        if (regimen.highExposure()) {
            out.add(new Item("HIV_ARV_TRIPLE_6W", "三联抗病毒预防用至6周", "Triple ARV prophylaxis to 6 weeks", birth, birth.plusWeeks(6)));
        } else {
            out.add(new Item("HIV_ARV_SINGLE_4W", "单药抗病毒预防用至4周", "Single-drug ARV prophylaxis to 4 weeks", birth, birth.plusWeeks(4)));
        }
        // Windows: 48 h test until day 7; 6 weeks until 8 weeks; 3 months until 4 months (fuyou rule).
        out.add(new Item("HIV_NAT_48H", "出生48小时核酸检测", "Nucleic-acid test at 48 hours", birth.plusHours(48), birth.plusDays(7)));
        out.add(new Item("HIV_NAT_6W", "6周核酸检测", "Nucleic-acid test at 6 weeks", birth.plusWeeks(6), birth.plusWeeks(8)));
        out.add(new Item("HIV_NAT_3M", "3月龄核酸检测", "Nucleic-acid test at 3 months", birth.plusMonths(3), birth.plusMonths(4)));
        // Antibody tests when early diagnosis was negative or not done: 12 and 18 months (window one month).
        out.add(new Item("HIV_AB_12M", "12月龄抗体检测", "Antibody test at 12 months", birth.plusMonths(12), birth.plusMonths(13)));
        out.add(new Item("HIV_AB_18M", "18月龄抗体检测（12月龄阳性时）", "Antibody test at 18 months (if positive at 12)", birth.plusMonths(18), birth.plusMonths(19)));
        return out;
    }

    public static List<Item> syphilis(OffsetDateTime birth) {
        List<Item> out = new ArrayList<>();
        out.add(new Item("SYPH_BENZATHINE", "苄星青霉素5万U/kg预防性治疗1次", "Benzathine penicillin 50,000 U/kg once", birth, birth.plusDays(7)));
        for (int m : new int[]{3, 6, 9, 12, 15, 18}) {
            out.add(new Item("SYPH_NONTREP_" + m + "M", m + "月龄非梅毒螺旋体抗原血清学试验", "Non-treponemal test at " + m + " months",
                    birth.plusMonths(m), birth.plusMonths(m + 1)));
        }
        out.add(new Item("SYPH_TREP_18M", "18月龄梅毒螺旋体抗原血清学试验", "Treponemal test at 18 months", birth.plusMonths(18), birth.plusMonths(19)));
        return out;
    }

    public static List<Item> hepatitisB(OffsetDateTime birth) {
        return List.of(
                new Item("HBV_HBIG_AND_VACCINE", "出生12小时内注射乙肝免疫球蛋白100 IU及乙肝疫苗", "HBIG 100 IU and hepatitis B vaccine within 12 hours",
                        birth, birth.plusHours(12)),
                new Item("HBV_VACCINE_1M", "1月龄乙肝疫苗第2针", "Hepatitis B vaccine dose 2 at 1 month", birth.plusMonths(1), birth.plusMonths(2)),
                new Item("HBV_VACCINE_6M", "6月龄乙肝疫苗第3针", "Hepatitis B vaccine dose 3 at 6 months", birth.plusMonths(6), birth.plusMonths(7)),
                new Item("HBV_SEROLOGY", "7–12月龄HBsAg及抗-HBs检测", "Infant HBsAg and anti-HBs at 7–12 months", birth.plusMonths(7), birth.plusMonths(12)));
    }

    /** §5: HBV DNA > 2×10⁵ IU/ml or HBeAg-positive mother: antiviral from 28–32 weeks. */
    public static boolean maternalAntiviralIndicated(java.math.BigDecimal hbvDnaIuPerMl, Boolean hbeagPositive) {
        return Boolean.TRUE.equals(hbeagPositive)
                || (hbvDnaIuPerMl != null && hbvDnaIuPerMl.compareTo(new java.math.BigDecimal("200000")) > 0);
    }


    /** The exposed infant's §5 schedule for one of her mother's infections (HIV, SYPHILIS, HBV); none for others. */
    public static List<Item> infantItems(String infection, HivExposure exposure, OffsetDateTime birth) {
        return switch (infection) {
            case "HIV" -> hiv(birth, hivRegimen(exposure));
            case "SYPHILIS" -> syphilis(birth);
            case "HBV" -> hepatitisB(birth);
            default -> List.of();
        };
    }
}
