package cn.fuyou.births;

import jakarta.validation.Valid;
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
import java.util.UUID;

/** Requests of the screening pages. */
public final class ScreeningForms {

    private ScreeningForms() {}

    public record BloodSpot(
            @NotNull(message = "采血时间必填 / collectedAt is required") OffsetDateTime collectedAt,
            @NotNull(message = "哺乳次数必填 / feeds is required") @Min(value = 0, message = "哺乳次数0–60 / feeds 0–60")
            @Max(value = 60, message = "哺乳次数0–60 / feeds 0–60") Integer feeds,
            Boolean transfused,
            @Pattern(regexp = "PRETERM|TRANSFERRED|SICK|EARLY_DISCHARGE", message = "延迟原因为PRETERM/TRANSFERRED/SICK/EARLY_DISCHARGE") String lateReason) {}

    public record Batch(@NotEmpty(message = "至少选择一份标本 / choose at least one sample") @Size(max = 500) List<UUID> sampleIds,
                        @Size(max = 32) String labInstitutionCode) {}

    public record Version(@NotNull(message = "版本必填 / version is required") Long version) {}

    public record Result(@NotNull(message = "检测项目必填 / analyte is required")
                         @Pattern(regexp = "PHE|TSH", message = "检测项目为PHE或TSH / analyte is PHE or TSH") String analyte,
                         @NotNull(message = "结果必填 / value is required") @DecimalMin(value = "0", message = "结果 ≥ 0 / value ≥ 0")
                         @jakarta.validation.constraints.DecimalMax(value = "99999", message = "结果过大 / value too large") BigDecimal value,
                         @DecimalMin(value = "0", inclusive = false, message = "切值 > 0 / cutoff > 0") BigDecimal cutoff) {}

    public record Results(@NotEmpty(message = "至少一项结果 / at least one result") @Size(max = 10) List<@Valid Result> results) {}

    public record CaseStep(
            @NotNull(message = "步骤必填 / step is required")
            @Pattern(regexp = "RECALL|ECHO_REFERRAL|CONFIRMATION|TREATMENT|FOLLOW_UP", message = "步骤为RECALL/ECHO_REFERRAL/CONFIRMATION/TREATMENT/FOLLOW_UP") String step,
            @NotNull(message = "日期必填 / date is required") LocalDate date,
            @Pattern(regexp = "CONFIRMED|EXCLUDED", message = "确诊结果为CONFIRMED或EXCLUDED") String confirmation,
            @Size(max = 300) String diagnosis,
            @Size(max = 300) String treatment,
            @Size(max = 1000) String note,
            @NotNull(message = "版本必填 / version is required") Long version) {}

    public record Hearing(
            @NotNull(message = "阶段必填 / stage is required")
            @Pattern(regexp = "FIRST|RESCREEN|DIAGNOSIS|INTERVENTION", message = "阶段为FIRST/RESCREEN/DIAGNOSIS/INTERVENTION") String stage,
            @NotNull(message = "方法必填 / method is required")
            @Pattern(regexp = "OAE|AABR|OAE_AABR|ABR_DIAGNOSTIC|HEARING_AID|COCHLEAR_IMPLANT|OTHER", message = "方法不正确 / unknown method") String method,
            @NotNull(message = "日期必填 / doneOn is required") LocalDate doneOn,
            @Pattern(regexp = "PASS|REFER", message = "左耳为PASS或REFER") String leftEar,
            @Pattern(regexp = "PASS|REFER", message = "右耳为PASS或REFER") String rightEar,
            @Pattern(regexp = "NORMAL|HEARING_LOSS", message = "诊断为NORMAL或HEARING_LOSS") String diagnosis,
            @Size(max = 500) String note) {}

    public record Chd(
            @NotNull(message = "筛查时间必填 / screenedAt is required") OffsetDateTime screenedAt,
            @NotNull(message = "右手血氧必填 / spo2Hand is required") @Min(value = 50, message = "血氧50–100% / SpO₂ 50–100%")
            @Max(value = 100, message = "血氧50–100% / SpO₂ 50–100%") Integer spo2Hand,
            @NotNull(message = "足部血氧必填 / spo2Foot is required") @Min(value = 50, message = "血氧50–100% / SpO₂ 50–100%")
            @Max(value = 100, message = "血氧50–100% / SpO₂ 50–100%") Integer spo2Foot,
            @NotNull(message = "杂音分级必填（无杂音填0） / murmurGrade is required (0 = none)") @Min(value = 0, message = "杂音0–6级")
            @Max(value = 6, message = "杂音0–6级") Integer murmurGrade) {}
}
