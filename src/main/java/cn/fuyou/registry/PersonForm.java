package cn.fuyou.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Registration or correction of a person's identity. {@code version} is required for corrections. */
public record PersonForm(
        @NotBlank(message = "姓必填 / family name is required") @Size(max = 50) String familyName,
        @NotBlank(message = "名必填 / given name is required") @Size(max = 50) String givenName,
        @NotNull(message = "性别必填 / sex is required") @Pattern(regexp = "F|M", message = "性别为F或M / sex is F or M") String sex,
        @NotNull(message = "出生日期必填 / birth date is required") @Past(message = "出生日期须早于今天 / birth date must be in the past") LocalDate birthDate,
        @NotNull(message = "证件类型必填 / document type is required") @Pattern(regexp = "RESIDENT_ID|PASSPORT", message = "证件类型为RESIDENT_ID或PASSPORT") String idType,
        @NotBlank(message = "证件号码必填 / document number is required") String idNumber,
        @Size(max = 60) String nationality,
        @Pattern(regexp = "1\\d{10}|\\+?[0-9 -]{6,20}", message = "电话号码格式不正确 / phone number is not valid") String phone,
        String addressAreaCode,
        @Size(max = 300) String addressText,
        UUID motherId,
        UUID partnerId,
        Boolean confirmNotDuplicate,
        Long version) {

    public String fullName() {
        // Chinese names are written family name first without a space; Latin names get one.
        boolean latin = familyName.chars().allMatch(c -> c < 0x2E80);
        return latin ? familyName.trim() + " " + givenName.trim() : familyName.trim() + givenName.trim();
    }
}
