package cn.fuyou.maternal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A delivery and its babies. Apgar 0–10; weights in grams, 200–7000. */
public record DeliveryForm(
        @NotNull(message = "分娩时间必填 / delivery time is required") OffsetDateTime deliveredAt,
        @NotNull(message = "分娩方式必填 / mode is required")
        @Pattern(regexp = "VAGINAL|ASSISTED|CAESAREAN", message = "分娩方式为VAGINAL/ASSISTED/CAESAREAN") String mode,
        @Size(max = 300) String caesareanIndication,
        @Size(max = 100) String attendant,
        @Min(value = 0, message = "出血量0–20000 ml / blood loss 0–20000 ml") @Max(value = 20000, message = "出血量0–20000 ml / blood loss 0–20000 ml") Integer bloodLossMl,
        List<String> complications,
        @NotNull(message = "产妇情况必填 / maternal condition is required")
        @Pattern(regexp = "GOOD|CRITICAL|DIED", message = "产妇情况为GOOD/CRITICAL/DIED") String maternalCondition,
        LocalDate dischargedOn,
        @Pattern(regexp = "POSITIVE|NEGATIVE") String hivRapidTest,
        @Pattern(regexp = "POSITIVE|NEGATIVE") String syphilisRapidTest,
        @Pattern(regexp = "POSITIVE|NEGATIVE") String hbsagRapidTest,
        @NotEmpty(message = "至少登记一个新生儿 / at least one baby") @Size(max = 6) List<@Valid Baby> babies) {

    public record Baby(
            @NotNull(message = "性别必填 / sex is required") @Pattern(regexp = "F|M|U", message = "性别为F/M/U") String sex,
            @NotNull(message = "出生体重必填 / birth weight is required")
            @Min(value = 200, message = "出生体重200–7000 g / birth weight 200–7000 g")
            @Max(value = 7000, message = "出生体重200–7000 g / birth weight 200–7000 g") Integer weightG,
            @DecimalMin(value = "20", message = "身长20–65 cm / length 20–65 cm") @DecimalMax(value = "65", message = "身长20–65 cm / length 20–65 cm") BigDecimal lengthCm,
            @DecimalMin(value = "15", message = "头围15–45 cm / head circumference 15–45 cm") @DecimalMax(value = "45", message = "头围15–45 cm / head circumference 15–45 cm") BigDecimal headCircumferenceCm,
            @Min(0) @Max(10) Integer apgar1, @Min(0) @Max(10) Integer apgar5, @Min(0) @Max(10) Integer apgar10,
            @NotNull(message = "是否活产必填 / liveBorn is required") Boolean liveBorn,
            @Size(max = 500) String anomalies,
            Boolean nicuTransfer,
            @Size(max = 20) String givenName,
            @Size(max = 300) String implausibleReason) {

        public Baby(String sex, Integer weightG, BigDecimal lengthCm, BigDecimal headCircumferenceCm, Integer apgar1, Integer apgar5,
                    Integer apgar10, Boolean liveBorn, String anomalies, Boolean nicuTransfer, String givenName) {
            this(sex, weightG, lengthCm, headCircumferenceCm, apgar1, apgar5, apgar10, liveBorn, anomalies, nicuTransfer, givenName, null);
        }
    }

    public List<String> complicationsOrEmpty() {
        return complications == null ? List.of() : complications;
    }
}
