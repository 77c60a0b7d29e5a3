package cn.fuyou.childhealth.internal;

import cn.fuyou.childhealth.GrowthAssessment;
import cn.fuyou.childhealth.GrowthStandard;
import cn.fuyou.childhealth.GrowthStandard.Indicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The child-health services' single door to the pure WHO growth engine. */
public final class Growth {

    private Growth() {}

    public record Input(String sex, LocalDate birthDate, LocalDate measuredOn, BigDecimal weightKg, BigDecimal lengthCm,
                        String measurement, BigDecimal headCircumferenceCm, boolean oedema) {}

    public record Result(int ageDays, BigDecimal waz, BigDecimal lhaz, BigDecimal whz, BigDecimal bmiz, BigDecimal hcz,
                         List<String> flags, List<String> classification, String standard) {}

    public static Result assess(Input in) {
        int age = (int) ChronoUnit.DAYS.between(in.birthDate(), in.measuredOn());
        var r = GrowthAssessment.assess(GrowthStandard.who(), new GrowthAssessment.Measurement(
                "male".equals(in.sex()) ? GrowthStandard.Sex.MALE : GrowthStandard.Sex.FEMALE, age,
                in.weightKg() == null ? null : in.weightKg().doubleValue(), in.lengthCm() == null ? null : in.lengthCm().doubleValue(),
                in.measurement() == null ? null : GrowthAssessment.Position.valueOf(in.measurement().toUpperCase()),
                in.headCircumferenceCm() == null ? null : in.headCircumferenceCm().doubleValue(), in.oedema()));
        var whz = r.scores().containsKey(Indicator.WEIGHT_FOR_LENGTH) ? r.scores().get(Indicator.WEIGHT_FOR_LENGTH)
                : r.scores().get(Indicator.WEIGHT_FOR_HEIGHT);
        return new Result(age, z(r, Indicator.WEIGHT_FOR_AGE), z(r, Indicator.LENGTH_FOR_AGE), whz == null ? null : whz.z(),
                z(r, Indicator.BMI_FOR_AGE), z(r, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE), r.flags(), r.classification(),
                GrowthStandard.VERSION);
    }

    private static BigDecimal z(GrowthAssessment.Result r, Indicator i) {
        var s = r.scores().get(i);
        return s == null ? null : s.z();
    }
}
