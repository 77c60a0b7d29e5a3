package cn.fuyou.childhealth.web;

import cn.fuyou.childhealth.GrowthAssessment;
import cn.fuyou.childhealth.GrowthStandard;
import cn.fuyou.childhealth.GrowthStandard.Indicator;
import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public growth calculator and the WHO curves for charts (no personal data; rate-limited). */
@RestController
class GrowthController {

    private final java.time.Clock clock;

    GrowthController(java.time.Clock clock) {
        this.clock = clock;
    }

    record GrowthRequest(@NotNull(message = "性别必填 / sex is required") @Pattern(regexp = "male|female", message = "sex is male or female") String sex,
                         @NotNull(message = "出生日期必填 / birthDate is required") LocalDate birthDate,
                         @NotNull(message = "测量日期必填 / measurementDate is required") LocalDate measurementDate,
                         @DecimalMin(value = "0.3", message = "体重0.3–80 kg / weight 0.3–80 kg") @DecimalMax(value = "80", message = "体重0.3–80 kg / weight 0.3–80 kg") BigDecimal weightKg,
                         @DecimalMin(value = "25", message = "身长25–140 cm / length 25–140 cm") @DecimalMax(value = "140", message = "身长25–140 cm / length 25–140 cm") BigDecimal lengthCm,
                         @Pattern(regexp = "recumbent|standing", message = "measurement is recumbent or standing") String measurement,
                         @DecimalMin(value = "20", message = "头围20–65 cm") @DecimalMax(value = "65", message = "头围20–65 cm") BigDecimal headCircumferenceCm,
                         Boolean oedema) {}

    record Score(BigDecimal z, BigDecimal percentile) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GrowthResponse(int ageDays, Score weightForAge, Score lengthForAge, Score weightForLength, Score weightForHeight,
                          Score bmiForAge, Score headCircumferenceForAge, List<String> flags, List<String> classification,
                          String standard) {}

    @PostMapping("/api/calculators/growth")
    GrowthResponse growth(@Valid @RequestBody GrowthRequest r) {
        if (r.measurementDate().isBefore(r.birthDate())) {
            throw ApiException.badField("measurementDate", "测量日期早于出生日期 / measurement before birth");
        }
        if (r.measurementDate().isAfter(cn.fuyou.shared.ChinaTime.today(clock))) {
            throw ApiException.badField("measurementDate", "测量日期不能晚于今天 / the measurement cannot be in the future");
        }
        if (r.birthDate().isBefore(r.measurementDate().minusYears(19))) {
            throw ApiException.badField("birthDate", "年龄超过19岁，不是儿童 / an age over 19 years is not a child's");
        }
        int days = (int) ChronoUnit.DAYS.between(r.birthDate(), r.measurementDate());
        var result = GrowthAssessment.assess(GrowthStandard.who(), new GrowthAssessment.Measurement(
                r.sex().equals("male") ? GrowthStandard.Sex.MALE : GrowthStandard.Sex.FEMALE, days,
                r.weightKg() == null ? null : r.weightKg().doubleValue(), r.lengthCm() == null ? null : r.lengthCm().doubleValue(),
                r.measurement() == null ? null : GrowthAssessment.Position.valueOf(r.measurement().toUpperCase()),
                r.headCircumferenceCm() == null ? null : r.headCircumferenceCm().doubleValue(), Boolean.TRUE.equals(r.oedema())));
        var s = result.scores();
        return new GrowthResponse(days, score(s.get(Indicator.WEIGHT_FOR_AGE)), score(s.get(Indicator.LENGTH_FOR_AGE)),
                score(s.get(Indicator.WEIGHT_FOR_LENGTH)), score(s.get(Indicator.WEIGHT_FOR_HEIGHT)), score(s.get(Indicator.BMI_FOR_AGE)),
                score(s.get(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE)), result.flags(), result.classification(), GrowthStandard.VERSION);
    }

    private static Score score(GrowthAssessment.Score s) {
        return s == null ? null : new Score(s.z(), s.percentile());
    }

    record Point(double x, BigDecimal sd3neg, BigDecimal sd2neg, BigDecimal sd1neg, BigDecimal median, BigDecimal sd1, BigDecimal sd2, BigDecimal sd3) {}

    record Curves(String indicator, String sex, String xUnit, List<Point> points) {}

    /** −3…+3 SD curves: by age in days (step 7) or, for weight-for-length/height, by length in cm (step 1). */
    @GetMapping("/api/growth/curves")
    Curves curves(@RequestParam String indicator, @RequestParam String sex,
                  @RequestParam(required = false, defaultValue = "0") int fromDays,
                  @RequestParam(required = false, defaultValue = "1095") int toDays) {
        Indicator ind = switch (indicator) {
            case "weightForAge" -> Indicator.WEIGHT_FOR_AGE;
            case "lengthForAge" -> Indicator.LENGTH_FOR_AGE;
            case "bmiForAge" -> Indicator.BMI_FOR_AGE;
            case "headCircumferenceForAge" -> Indicator.HEAD_CIRCUMFERENCE_FOR_AGE;
            case "weightForLength" -> Indicator.WEIGHT_FOR_LENGTH;
            case "weightForHeight" -> Indicator.WEIGHT_FOR_HEIGHT;
            default -> throw ApiException.badField("indicator", "unknown indicator " + indicator);
        };
        if (!sex.equals("male") && !sex.equals("female")) throw ApiException.badField("sex", "sex is male or female");
        if (fromDays < 0 || toDays > GrowthStandard.MAX_DAYS || fromDays >= toDays) {
            throw ApiException.badField("toDays", "0 ≤ fromDays < toDays ≤ " + GrowthStandard.MAX_DAYS);
        }
        var s = sex.equals("male") ? GrowthStandard.Sex.MALE : GrowthStandard.Sex.FEMALE;
        boolean byLength = ind == Indicator.WEIGHT_FOR_LENGTH || ind == Indicator.WEIGHT_FOR_HEIGHT;
        List<Point> points = new ArrayList<>();
        double from = byLength ? (ind == Indicator.WEIGHT_FOR_LENGTH ? 45 : 65) : fromDays;
        double to = byLength ? (ind == Indicator.WEIGHT_FOR_LENGTH ? 110 : 120) : toDays;
        double step = byLength ? 1 : 7;
        for (double x = from; x <= to + 1e-9; x += step) {
            double[] v = GrowthStandard.who().sdLine(s, ind, x);
            if (v != null) points.add(new Point(x, r(v[0]), r(v[1]), r(v[2]), r(v[3]), r(v[4]), r(v[5]), r(v[6])));
        }
        return new Curves(indicator, sex, byLength ? "cm" : "days", points);
    }

    private static BigDecimal r(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
