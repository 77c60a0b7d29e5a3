package cn.fuyou.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What an admin may set on an institution; {@code version} is the one they read (optimistic lock). */
public record InstitutionChange(
        @Pattern(regexp = "[A-Z0-9-]{2,32}", message = "代码为2–32位大写字母、数字或- / code: 2–32 of A–Z, 0–9, -") String code,
        @NotBlank(message = "中文名称必填 / Chinese name is required") @Size(max = 200) String nameZh,
        @NotBlank(message = "英文名称必填 / English name is required") @Size(max = 200) String nameEn,
        @NotBlank(message = "所在地区必填 / area is required") String areaCode,
        String zoneCode,
        @NotNull(message = "级别必填 / level is required") @Min(1) @Max(3) Integer level,
        @NotNull(message = "类型必填 / type is required") InstitutionType type,
        List<Designation> designations,
        List<String> serviceAreas,
        @Valid AllianceChange alliance,
        Long version) {

    public record AllianceChange(@NotNull @Pattern(regexp = "ACTIVE|SUSPENDED|LEFT") String status,
                                 LocalDate joined, @Size(max = 500) String agreement) {}

    public List<Designation> designationsOrEmpty() { return designations == null ? List.of() : designations; }
    public List<String> serviceAreasOrEmpty() { return serviceAreas == null ? List.of() : serviceAreas; }
}
