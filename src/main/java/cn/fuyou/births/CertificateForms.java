package cn.fuyou.births;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Requests of the certificate pages. */
public final class CertificateForms {

    private CertificateForms() {}

    /** A range of numbered blanks received, e.g. prefix Q, 500000001–500000500 → Q500000001…Q500000500. */
    public record StockReceipt(
            @NotBlank(message = "字头必填 / prefix is required")
            @Pattern(regexp = "[A-Z]{1,4}", message = "字头为1–4个大写字母 / prefix is 1–4 capital letters") String prefix,
            @NotNull(message = "起始号必填 / firstSeq is required") @Min(value = 0, message = "起始号 ≥ 0 / firstSeq ≥ 0")
            @Max(value = 999_999_999L, message = "编号最多9位 / at most 9 digits") Long firstSeq,
            @NotNull(message = "终止号必填 / lastSeq is required") @Min(value = 0, message = "终止号 ≥ 0 / lastSeq ≥ 0")
            @Max(value = 999_999_999L, message = "编号最多9位 / at most 9 digits") Long lastSeq,
            @NotNull(message = "入库日期必填 / receivedOn is required") LocalDate receivedOn,
            @Size(max = 500) String note,
            @Size(max = 32) String institutionCode) {}

    public record Reason(@NotBlank(message = "须填写原因 / a reason is required") @Size(max = 500) String reason, Long version) {}

    /** What the clerk completes on the certificate; the birth facts come from the delivery record. */
    public record Issue(
            @NotBlank(message = "新生儿姓名必填 / child's name is required") @Size(max = 40) String childName,
            @Size(max = 200) String birthPlace,
            @Size(max = 40) String motherNationality,
            @NotBlank(message = "母亲民族必填 / mother's ethnicity is required") @Size(max = 40) String motherEthnicity,
            @Size(max = 40) String fatherName,
            @Size(max = 40) String fatherNationality,
            @Size(max = 40) String fatherEthnicity,
            @Pattern(regexp = "RESIDENT_ID|PASSPORT|OTHER", message = "证件类型为RESIDENT_ID/PASSPORT/OTHER") String fatherIdType,
            @Size(max = 40) String fatherIdNumber) {}

    /** Reissue (补发, the original lost) or replacement (换发, the original damaged or wrong), always with a reason. */
    public record Reissue(
            @NotNull(message = "类型必填 / kind is required")
            @Pattern(regexp = "REISSUE|REPLACEMENT", message = "类型为REISSUE或REPLACEMENT") String kind,
            @NotBlank(message = "须填写原因 / a reason is required") @Size(max = 500) String reason,
            @NotNull(message = "版本必填 / version is required") Long version,
            @Valid Issue corrections) {}
}
