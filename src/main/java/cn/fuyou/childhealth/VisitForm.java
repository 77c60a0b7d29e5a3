package cn.fuyou.childhealth;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A well-child visit. Ranges refuse typing errors; the growth engine flags implausible z-scores. */
public record VisitForm(
        @NotNull(message = "随访日期必填 / visit date is required")
        @PastOrPresent(message = "随访日期不能晚于今天 / visit date cannot be in the future") LocalDate visitDate,
        @DecimalMin(value = "0.3", message = "体重0.3–40 kg / weight 0.3–40 kg") @DecimalMax(value = "40", message = "体重0.3–40 kg / weight 0.3–40 kg") BigDecimal weightKg,
        @DecimalMin(value = "25", message = "身长/身高25–130 cm / length 25–130 cm") @DecimalMax(value = "130", message = "身长/身高25–130 cm / length 25–130 cm") BigDecimal lengthCm,
        @Pattern(regexp = "RECUMBENT|STANDING", message = "测量方式为RECUMBENT或STANDING") String measurement,
        @DecimalMin(value = "20", message = "头围20–60 cm / head circumference 20–60 cm") @DecimalMax(value = "60", message = "头围20–60 cm / head circumference 20–60 cm") BigDecimal headCircumferenceCm,
        Boolean oedema,
        @DecimalMin(value = "20", message = "血红蛋白20–250 g/L") @DecimalMax(value = "250", message = "血红蛋白20–250 g/L") BigDecimal hemoglobinGPerL,
        List<String> milestones,
        @Pattern(regexp = "EXCLUSIVE_BREASTFEEDING|MIXED|FORMULA|COMPLEMENTARY|FAMILY_FOODS", message = "喂养方式无效 / feeding is not valid") String feeding,
        @Size(max = 2000) String findings,
        @Size(max = 2000) String advice) {}
