package cn.fuyou.maternal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Registration of a pregnancy (建册). Physiologically impossible values are refused at the door. */
public record PregnancyRegistration(
        @NotNull(message = "孕妇必填 / womanId is required") UUID womanId,
        UUID partnerId,
        @PastOrPresent(message = "建册日期不能晚于今天 / registration date cannot be in the future") LocalDate registeredOn,
        @NotNull(message = "孕次必填 / gravida is required") @Min(value = 1, message = "孕次≥1 / gravida ≥ 1") @Max(30) Integer gravida,
        @NotNull(message = "产次必填 / para is required") @Min(value = 0, message = "产次≥0 / para ≥ 0") @Max(30) Integer para,
        @PastOrPresent(message = "末次月经不能晚于今天 / LMP cannot be in the future") LocalDate lmp,
        @Valid Ultrasound ultrasound,
        @Valid Art art,
        @DecimalMin(value = "100", message = "身高应在100–220 cm / height must be 100–220 cm")
        @DecimalMax(value = "220", message = "身高应在100–220 cm / height must be 100–220 cm") BigDecimal heightCm,
        @DecimalMin(value = "25", message = "孕前体重应在25–250 kg / weight must be 25–250 kg")
        @DecimalMax(value = "250", message = "孕前体重应在25–250 kg / weight must be 25–250 kg") BigDecimal prePregnancyWeightKg,
        @Min(value = 1, message = "胎数1–6 / fetus count 1–6") @Max(value = 6, message = "胎数1–6 / fetus count 1–6") Integer fetusCount,
        @Min(0) @Max(10) Integer uterineSurgeries,
        @Min(0) @Max(600) Integer monthsSinceLastUterineSurgery,
        @PastOrPresent LocalDate lastBirthDate,
        List<String> historyFactors,
        @Size(max = 4000) String historyNotes) {

    /** Ultrasound dating: by crown-rump length, or a gestational age read from other biometry. */
    public record Ultrasound(@NotNull(message = "超声日期必填 / ultrasound date is required") LocalDate date,
                             @DecimalMin(value = "1", message = "CRL 1–84 mm") BigDecimal crlMm,
                             @Min(value = 35, message = "超声孕龄35–300天 / ultrasound GA 35–300 days")
                             @Max(value = 300, message = "超声孕龄35–300天 / ultrasound GA 35–300 days") Integer gestationalAgeDays) {}

    public record Art(@NotNull(message = "移植日期必填 / transfer date is required") LocalDate transferDate,
                      @NotNull @Min(value = 2, message = "胚胎日龄2–7 / embryo age 2–7 days")
                      @Max(value = 7, message = "胚胎日龄2–7 / embryo age 2–7 days") Integer embryoAgeDays) {}
}
