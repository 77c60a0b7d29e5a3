package cn.fuyou.maternal.web;

import cn.fuyou.maternal.rules.PregnancyDating;
import cn.fuyou.maternal.rules.RiskGrading;
import cn.fuyou.maternal.rules.RiskFindings;
import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.shared.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calculators for member hospitals (and the UI): they store nothing and hold no personal data, so
 * they answer without login (rate-limited per client address by the security module).
 */
@RestController
class CalculatorController {

    private final RiskGradingPolicy policy;

    private final java.time.Clock clock;

    CalculatorController(RiskGradingPolicy policy, java.time.Clock clock) {
        this.clock = clock;
        this.policy = policy;
    }

    record RiskRequest(
            @Min(value = 10, message = "年龄10–60岁 / age 10–60") @Max(value = 60, message = "年龄10–60岁 / age 10–60") Integer ageYears,
            LocalDate birthDate, LocalDate assessmentDate,
            @DecimalMin(value = "100", message = "身高100–220 cm / height 100–220 cm") @DecimalMax(value = "220", message = "身高100–220 cm / height 100–220 cm") BigDecimal heightCm,
            @DecimalMin(value = "25", message = "体重25–250 kg / weight 25–250 kg") @DecimalMax(value = "250", message = "体重25–250 kg / weight 25–250 kg") BigDecimal prePregnancyWeightKg,
            @DecimalMin(value = "20", message = "血红蛋白20–250 g/L") @DecimalMax(value = "250", message = "血红蛋白20–250 g/L") BigDecimal hemoglobinGPerL,
            @DecimalMin(value = "1", message = "血小板1–1500") @DecimalMax(value = "1500", message = "血小板1–1500") BigDecimal plateletsE9PerL,
            @DecimalMin(value = "5", message = "肺动脉收缩压5–200 mmHg") @DecimalMax(value = "200", message = "肺动脉收缩压5–200 mmHg") BigDecimal pulmonaryArterySystolicMmHg,
            @Min(value = 1, message = "NYHA 1–4") @Max(value = 4, message = "NYHA 1–4") Integer nyhaClass,
            @DecimalMin(value = "5", message = "射血分数5–90%") @DecimalMax(value = "90", message = "射血分数5–90%") BigDecimal ejectionFractionPercent,
            @DecimalMin(value = "0.1", message = "肌酐倍数0.1–20") @DecimalMax(value = "20", message = "肌酐倍数0.1–20") BigDecimal creatinineTimesUpperLimit,
            @Min(value = 1, message = "胎数1–6") @Max(value = 6, message = "胎数1–6") Integer fetusCount,
            @Min(value = 0, message = "子宫手术次数0–10") @Max(value = 10, message = "子宫手术次数0–10") Integer uterineSurgeries,
            @Min(value = 0, message = "月数0–600") @Max(value = 600, message = "月数0–600") Integer monthsSinceLastUterineSurgery,
            List<String> factors) {}

    record FactorView(String code, String colour, String reason) {}

    record RiskResponse(String colour, boolean purple, boolean screenPositive, List<FactorView> factors, String ruleSetVersion) {}

    @PostMapping("/api/calculators/pregnancy-risk")
    RiskResponse risk(@Valid @RequestBody RiskRequest r) {
        Integer age = r.ageYears();
        if (age == null && (r.birthDate() != null || r.assessmentDate() != null)) {
            if (r.birthDate() == null) throw ApiException.badField("birthDate", "需出生日期 / birthDate is required with assessmentDate");
            LocalDate on = r.assessmentDate() == null ? cn.fuyou.shared.ChinaTime.today(clock) : r.assessmentDate();
            if (!r.birthDate().isBefore(on)) throw ApiException.badField("birthDate", "出生日期须早于评估日期 / birthDate must precede assessmentDate");
            age = Period.between(r.birthDate(), on).getYears();
            if (age < 10 || age > 60) throw ApiException.badField("birthDate", "年龄10–60岁 / age must be 10–60");
        }
        List<String> factors = r.factors() == null ? List.of() : r.factors();
        policy.checkCodes(factors, "factors");
        RiskGrading g = policy.grade(RiskFindings.of().age(age)
                .body(r.heightCm(), r.prePregnancyWeightKg())
                .bloods(r.hemoglobinGPerL(), r.plateletsE9PerL())
                .heart(r.pulmonaryArterySystolicMmHg(), r.nyhaClass(), r.ejectionFractionPercent())
                .creatinine(r.creatinineTimesUpperLimit())
                .obstetric(r.fetusCount(), r.uterineSurgeries(), r.monthsSinceLastUterineSurgery())
                .factors(factors)
                .toInputs());
        return new RiskResponse(g.colour().name().toLowerCase(), g.purple(), g.screenPositive(),
                g.factors().stream().map(f -> new FactorView(f.code(), f.colour().toLowerCase(), f.reason())).toList(),
                g.ruleSetVersion());
    }

    record Factor(String code, String colour, String name, String nameZh, String nameEn) {}

    /**
     * The codes a clinician may record, with their colour (for pickers and member EMRs), and each
     * factor's name in the request's language ({@code Accept-Language}, zh-CN by default) and in both.
     */
    @GetMapping("/api/calculators/pregnancy-risk/factors")
    Map<String, Object> factors(Locale locale) {
        var names = policy.names();
        boolean english = "en".equals(locale.getLanguage());
        List<Factor> factors = policy.rules().codes().entrySet().stream()
                .map(e -> new Factor(e.getKey(), e.getValue(), english ? names.en(e.getKey()) : names.zh(e.getKey()),
                        names.zh(e.getKey()), names.en(e.getKey())))
                .toList();
        return Map.of("ruleSetVersion", policy.rules().version(), "codes", policy.rules().codes(), "factors", factors);
    }

    record UltrasoundInput(@NotNull(message = "超声日期必填 / ultrasound date is required") LocalDate date,
                           @DecimalMin(value = "1", message = "CRL须为正数 / CRL must be positive") BigDecimal crlMm,
                           @Min(value = 35, message = "超声孕龄35–300天") @Max(value = 300, message = "超声孕龄35–300天") Integer gestationalAgeDays) {}

    record ArtInput(@NotNull(message = "移植日期必填 / transferDate is required") LocalDate transferDate,
                    @NotNull(message = "胚胎日龄必填 / embryoAgeDays is required") @Min(value = 2, message = "胚胎日龄2–7") @Max(value = 7, message = "胚胎日龄2–7") Integer embryoAgeDays) {}

    record AgeRequest(LocalDate lmp, LocalDate onDate, @Valid UltrasoundInput ultrasound, @Valid ArtInput art) {}

    record Weeks(int weeks, int days) {}

    record AgeResponse(LocalDate edd, int gestationalAgeDays, Weeks gestationalAge, String datingMethod, boolean redated,
                       boolean suboptimallyDated) {}

    @PostMapping("/api/calculators/gestational-age")
    AgeResponse gestationalAge(@Valid @RequestBody AgeRequest r) {
        if (r.lmp() == null && r.ultrasound() == null && r.art() == null) {
            throw ApiException.badField("lmp", "需末次月经、超声或移植日期之一 / give lmp, ultrasound or art");
        }
        if (r.ultrasound() != null && r.ultrasound().crlMm() == null && r.ultrasound().gestationalAgeDays() == null) {
            throw ApiException.badField("ultrasound.crlMm", "需CRL或超声孕龄 / give crlMm or gestationalAgeDays");
        }
        if (r.ultrasound() != null && r.lmp() != null && r.ultrasound().date().isBefore(r.lmp())) {
            throw ApiException.badField("ultrasound.date", "超声日期早于末次月经 / the scan is before the LMP");
        }
        LocalDate on = r.onDate() == null ? cn.fuyou.shared.ChinaTime.today(clock) : r.onDate();
        PregnancyDating.Result d = PregnancyDating.date(r.lmp(),
                r.ultrasound() == null ? null : new PregnancyDating.Ultrasound(r.ultrasound().date(), r.ultrasound().crlMm(),
                        r.ultrasound().gestationalAgeDays()),
                r.art() == null ? null : new PregnancyDating.Art(r.art().transferDate(), r.art().embryoAgeDays()));
        int ga = d.gestationalAgeDays(on);
        if (ga < 0) {
            throw ApiException.badField("onDate", "计算日期早于妊娠开始（孕周为负）/ the date is before the pregnancy began (negative gestational age)");
        }
        if (ga > 45 * 7) throw ApiException.badField("onDate", "孕周超过45周，不可能 / a gestational age over 45 weeks is impossible");
        if (r.art() != null && r.lmp() != null && r.art().transferDate().isBefore(r.lmp())) {
            throw ApiException.badField("art.transferDate", "移植日期早于末次月经 / the transfer is before the LMP");
        }
        return new AgeResponse(d.edd(), ga, new Weeks(Math.floorDiv(ga, 7), Math.floorMod(ga, 7)), d.method().name(), d.redated(),
                d.suboptimallyDated());
    }
}
