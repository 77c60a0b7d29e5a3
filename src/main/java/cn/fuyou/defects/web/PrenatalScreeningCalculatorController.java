package cn.fuyou.defects.web;

import cn.fuyou.defects.PriorRisk;
import cn.fuyou.defects.RiskBand;
import cn.fuyou.defects.ScreeningPolicy;
import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public prenatal screening calculator (issue 17 §6; clinical-rules.md §7): the trisomy 21 age
 * prior at term and at a gestation, and the HIGH / INTERMEDIATE / LOW band of each result given.
 * Stores nothing, no login, rate-limited like the other calculators under {@code /api/calculators/}.
 */
@RestController
class PrenatalScreeningCalculatorController {

    private final ScreeningPolicy policy;

    PrenatalScreeningCalculatorController(ScreeningPolicy policy) {
        this.policy = policy;
    }

    record Request(LocalDate maternalBirthDate, LocalDate edd, BigDecimal gestationalWeeks, BigDecimal t21OneIn, BigDecimal t18OneIn,
                   BigDecimal afpMom) {}

    record Risk(double p, long oneIn) {
        static Risk of(PriorRisk r) {
            return new Risk(r.p(), r.oneIn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Response(int maternalAgeAtEdd, Risk ageRiskT21AtTerm, Risk ageRiskT21AtGestation, Map<String, RiskBand> classification) {}

    @PostMapping("/api/calculators/prenatal-screening")
    Response calculate(@RequestBody Request r) {
        if (r.maternalBirthDate() == null) throw ApiException.badField("maternalBirthDate", "defects.error.required");
        if (r.edd() == null) throw ApiException.badField("edd", "defects.error.required");
        if (!r.maternalBirthDate().isBefore(r.edd())) throw ApiException.badField("edd", "defects.calculator.edd-before-birth");
        int age = ScreeningPolicy.maternalAgeAtEdd(r.maternalBirthDate(), r.edd());
        if (age < 10 || age > 60) throw ApiException.badField("maternalBirthDate", "defects.calculator.age-range", age);
        PriorRisk term = policy.t21AtTerm(age);
        Risk atGestation = null;
        if (r.gestationalWeeks() != null) {
            int weeks = whole(r.gestationalWeeks(), "gestationalWeeks", 8, 42);
            atGestation = Risk.of(policy.atGestation(term, weeks));
        }
        Map<String, RiskBand> classification = new LinkedHashMap<>();
        if (r.t21OneIn() != null) classification.put("t21", policy.t21(whole(r.t21OneIn(), "t21OneIn", 1, 1_000_000_000)));
        if (r.t18OneIn() != null) classification.put("t18", policy.t18(whole(r.t18OneIn(), "t18OneIn", 1, 1_000_000_000)));
        if (r.afpMom() != null) {
            if (r.afpMom().signum() <= 0 || r.afpMom().compareTo(BigDecimal.valueOf(50)) > 0) throw ApiException.badField("afpMom", "defects.screen.afp-range");
            classification.put("ontd", policy.ontd(r.afpMom(), null));
        }
        return new Response(age, Risk.of(term), atGestation, classification);
    }

    private static int whole(BigDecimal v, String field, int min, int max) {
        if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiException.badField(field, "defects.calculator.whole-range", min, max);
        }
        return v.intValueExact();
    }
}
