package cn.fuyou.childhealth.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The child-health services' single door to the pure WHO growth engine. */
public final class Growth {

    private Growth() {}

    public record Input(String sex, LocalDate birthDate, LocalDate measuredOn, BigDecimal weightKg, BigDecimal lengthCm,
                        String measurement, BigDecimal headCircumferenceCm, boolean oedema) {}

    public record Result(int ageDays, BigDecimal waz, BigDecimal lhaz, BigDecimal whz, BigDecimal bmiz, BigDecimal hcz,
                         List<String> flags, List<String> classification, String standard) {}

    public static Result assess(Input in) {
        int age = (int) java.time.temporal.ChronoUnit.DAYS.between(in.birthDate(), in.measuredOn());
        return new Result(age, null, null, null, null, null, List.of(), List.of(), "stub");
    }
}
