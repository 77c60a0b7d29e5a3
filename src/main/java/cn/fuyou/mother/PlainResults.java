package cn.fuyou.mother;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Her results in plain words (issue 12 §1): each measurement becomes a code and a level the app
 * words calmly — never the clinician's factor codes. Thresholds: haemoglobin < 110 g/L is anaemia in
 * pregnancy (clinical-rules.md §1, HEMOGLOBIN yellow band); blood pressure ≥ 140/90 mmHg is high;
 * gestational diabetes by the IADPSG 75 g OGTT cut-offs (fasting ≥ 5.1, 1 h ≥ 10.0, 2 h ≥ 8.5 mmol/L);
 * urine protein anything but negative needs attention; infection screens are negative or "follow your
 * doctor's plan".
 */
public final class PlainResults {

    private PlainResults() {}

    public enum Level { NORMAL, ATTENTION }

    /** {@code code} names the test (BLOOD_PRESSURE, HEMOGLOBIN, …); {@code value} is shown as measured. */
    public record Result(String code, LocalDate date, String value, Level level) {}

    public record Measurements(LocalDate date, Integer systolic, Integer diastolic, BigDecimal hemoglobinGPerL, String urineProtein,
                               BigDecimal glucoseFasting, BigDecimal ogtt1h, BigDecimal ogtt2h, BigDecimal weightKg) {}

    public record Screens(LocalDate date, String hiv, String syphilis, String hbsag) {}

    public static List<Result> of(Measurements m, Screens s) {
        List<Result> out = new ArrayList<>();
        if (m != null) {
            if (m.systolic() != null && m.diastolic() != null) {
                boolean high = m.systolic() >= 140 || m.diastolic() >= 90;
                out.add(new Result("BLOOD_PRESSURE", m.date(), m.systolic() + "/" + m.diastolic() + " mmHg", high ? Level.ATTENTION : Level.NORMAL));
            }
            if (m.hemoglobinGPerL() != null) {
                boolean low = m.hemoglobinGPerL().compareTo(new BigDecimal("110")) < 0;
                out.add(new Result("HEMOGLOBIN", m.date(), m.hemoglobinGPerL().stripTrailingZeros().toPlainString() + " g/L",
                        low ? Level.ATTENTION : Level.NORMAL));
            }
            if (m.urineProtein() != null && !m.urineProtein().isBlank()) {
                boolean negative = m.urineProtein().equalsIgnoreCase("NEGATIVE") || m.urineProtein().equals("-");
                out.add(new Result("URINE_PROTEIN", m.date(), m.urineProtein(), negative ? Level.NORMAL : Level.ATTENTION));
            }
            if (m.glucoseFasting() != null || m.ogtt1h() != null || m.ogtt2h() != null) {
                boolean high = over(m.glucoseFasting(), "5.1") || over(m.ogtt1h(), "10.0") || over(m.ogtt2h(), "8.5");
                String value = String.join(" / ", List.of(show(m.glucoseFasting()), show(m.ogtt1h()), show(m.ogtt2h()))) + " mmol/L";
                out.add(new Result("GLUCOSE", m.date(), value, high ? Level.ATTENTION : Level.NORMAL));
            }
            if (m.weightKg() != null) {
                out.add(new Result("WEIGHT", m.date(), m.weightKg().stripTrailingZeros().toPlainString() + " kg", Level.NORMAL));
            }
        }
        if (s != null) {
            screen(out, "HIV", s.date(), s.hiv());
            screen(out, "SYPHILIS", s.date(), s.syphilis());
            screen(out, "HBSAG", s.date(), s.hbsag());
        }
        return out;
    }

    private static void screen(List<Result> out, String code, LocalDate date, String result) {
        if (result == null) return;
        out.add(new Result(code, date, result, "NEGATIVE".equals(result) ? Level.NORMAL : Level.ATTENTION));
    }

    private static boolean over(BigDecimal v, String limit) {
        return v != null && v.compareTo(new BigDecimal(limit)) >= 0;
    }

    private static String show(BigDecimal v) {
        return v == null ? "–" : v.stripTrailingZeros().toPlainString();
    }
}
