package cn.fuyou.maternal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One antenatal contact. The ranges refuse values no living pregnant woman can have (typing
 * errors), with a message the clerk understands; clinical thresholds are the grading's business.
 */
public record ContactForm(
        @NotNull(message = "检查日期必填 / contact date is required")
        @PastOrPresent(message = "检查日期不能晚于今天 / contact date cannot be in the future") LocalDate contactDate,
        @DecimalMin(value = "25", message = "体重应在25–250 kg / weight must be 25–250 kg")
        @DecimalMax(value = "250", message = "体重应在25–250 kg / weight must be 25–250 kg") BigDecimal weightKg,
        @Min(value = 50, message = "收缩压应在50–300 mmHg / systolic must be 50–300")
        @Max(value = 300, message = "收缩压应在50–300 mmHg / systolic must be 50–300") Integer systolic,
        @Min(value = 20, message = "舒张压应在20–200 mmHg / diastolic must be 20–200")
        @Max(value = 200, message = "舒张压应在20–200 mmHg / diastolic must be 20–200") Integer diastolic,
        @DecimalMin(value = "5", message = "宫高应在5–50 cm / fundal height must be 5–50 cm")
        @DecimalMax(value = "50", message = "宫高应在5–50 cm / fundal height must be 5–50 cm") BigDecimal fundalHeightCm,
        @Min(value = 50, message = "胎心应在50–240次/分 / fetal heart rate must be 50–240")
        @Max(value = 240, message = "胎心应在50–240次/分 / fetal heart rate must be 50–240") Integer fetalHeartRate,
        @Pattern(regexp = "CEPHALIC|BREECH|TRANSVERSE|OBLIQUE|UNKNOWN", message = "胎位取值无效 / presentation is not valid") String presentation,
        @Pattern(regexp = "NONE|\\+|\\+\\+|\\+\\+\\+|\\+\\+\\+\\+", message = "水肿取值无效 / oedema is not valid") String oedema,
        @Pattern(regexp = "NEGATIVE|TRACE|1\\+|2\\+|3\\+|4\\+", message = "尿蛋白取值无效 / urine protein is not valid") String urineProtein,
        @DecimalMin(value = "20", message = "血红蛋白应在20–250 g/L / haemoglobin must be 20–250 g/L")
        @DecimalMax(value = "250", message = "血红蛋白应在20–250 g/L / haemoglobin must be 20–250 g/L") BigDecimal hemoglobinGPerL,
        @DecimalMin(value = "1", message = "血小板应在1–1500 ×10⁹/L / platelets must be 1–1500")
        @DecimalMax(value = "1500", message = "血小板应在1–1500 ×10⁹/L / platelets must be 1–1500") BigDecimal plateletsE9PerL,
        @DecimalMin(value = "1", message = "空腹血糖应在1–40 mmol/L / fasting glucose must be 1–40 mmol/L")
        @DecimalMax(value = "40", message = "空腹血糖应在1–40 mmol/L / fasting glucose must be 1–40 mmol/L") BigDecimal glucoseFasting,
        @DecimalMin("1") @DecimalMax("40") BigDecimal ogtt1h,
        @DecimalMin("1") @DecimalMax("40") BigDecimal ogtt2h,
        @Pattern(regexp = "A|B|AB|O", message = "血型为A/B/AB/O / blood group is A, B, AB or O") String bloodGroup,
        @Pattern(regexp = "POSITIVE|NEGATIVE", message = "Rh为POSITIVE或NEGATIVE") String rh,
        @Pattern(regexp = "POSITIVE|NEGATIVE", message = "HIV结果为POSITIVE或NEGATIVE") String hiv,
        @Pattern(regexp = "POSITIVE|NEGATIVE", message = "梅毒结果为POSITIVE或NEGATIVE") String syphilis,
        @Pattern(regexp = "POSITIVE|NEGATIVE", message = "HBsAg结果为POSITIVE或NEGATIVE") String hbsag,
        @DecimalMin(value = "0.1", message = "肌酐倍数应在0.1–20 / creatinine ×ULN must be 0.1–20")
        @DecimalMax(value = "20", message = "肌酐倍数应在0.1–20 / creatinine ×ULN must be 0.1–20") BigDecimal creatinineTimesUpperLimit,
        @Min(value = 5, message = "肺动脉收缩压应在5–200 mmHg / PASP must be 5–200")
        @Max(value = 200, message = "肺动脉收缩压应在5–200 mmHg / PASP must be 5–200") Integer pulmonaryArterySystolicMmHg,
        @Min(value = 1, message = "NYHA分级为1–4 / NYHA class is 1–4") @Max(value = 4, message = "NYHA分级为1–4 / NYHA class is 1–4") Integer nyhaClass,
        @Min(value = 5, message = "射血分数应在5–90% / ejection fraction must be 5–90%")
        @Max(value = 90, message = "射血分数应在5–90% / ejection fraction must be 5–90%") Integer ejectionFractionPercent,
        @Size(max = 2000) String ultrasound,
        List<String> factors,
        @Size(max = 2000) String plan,
        LocalDate nextAppointment) {

    public List<String> factorsOrEmpty() {
        return factors == null ? List.of() : factors;
    }
}
