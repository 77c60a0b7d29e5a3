package cn.fuyou.criticalcare.web;

import cn.fuyou.criticalcare.Checklist;
import cn.fuyou.criticalcare.InvalidNearMissInput;
import cn.fuyou.criticalcare.NearMissAssessment;
import cn.fuyou.criticalcare.NearMissInputs;
import cn.fuyou.criticalcare.NearMissPolicy;
import cn.fuyou.criticalcare.NearMissRuleSet;
import cn.fuyou.shared.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public WHO near-miss calculator (clinical-rules.md §6): stores nothing, no login, rate-limited like the other calculators. */
@RestController
class NearMissCalculatorController {

    private final NearMissPolicy policy;

    NearMissCalculatorController(NearMissPolicy policy) {
        this.policy = policy;
    }

    record Request(List<String> findings, BigDecimal ph, BigDecimal lactateMmolL, BigDecimal respiratoryRate, BigDecimal minutesSpo2Below90,
                   BigDecimal pao2Fio2, BigDecimal creatinineUmolL, BigDecimal plateletsE9L, BigDecimal transfusionUnits,
                   BigDecimal bilirubinUmolL, BigDecimal unconsciousHours, String outcome) {}

    record Response(List<String> criteria, List<String> organSystems, boolean lifeThreatening, String classification, String ruleVersion) {}

    @PostMapping("/api/calculators/near-miss")
    Response calculate(@RequestBody Request r) {
        NearMissInputs.Outcome outcome = null;
        if (r.outcome() != null) {
            try {
                outcome = NearMissInputs.Outcome.valueOf(r.outcome());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("outcome", "结局为SURVIVED、DIED或null / outcome is SURVIVED, DIED or null");
            }
        }
        Checklist c = new Checklist(r.findings(), r.ph(), r.lactateMmolL(), r.respiratoryRate(), r.minutesSpo2Below90(), r.pao2Fio2(),
                r.creatinineUmolL(), r.plateletsE9L(), r.transfusionUnits(), r.bilirubinUmolL(), r.unconsciousHours());
        try {
            NearMissAssessment a = policy.assess(c.inputs(outcome));
            return new Response(a.criteria(), a.organSystems(), a.lifeThreatening(), a.classification().name(), a.ruleVersion());
        } catch (InvalidNearMissInput e) {
            throw ApiException.badField(e.field(), e.getMessage());
        }
    }

    record Criterion(String code, String kind, String field, String system, String nameZh, String nameEn) {}

    /** The checklist: findings and value criteria with their organ systems and names, for forms and member EMRs. */
    @GetMapping("/api/calculators/near-miss/criteria")
    Map<String, Object> criteria() {
        NearMissRuleSet rules = policy.rules();
        List<Criterion> out = new ArrayList<>();
        rules.findings().values().forEach(f -> out.add(new Criterion(f.code(), "FINDING", null, f.system(), f.nameZh(), f.nameEn())));
        rules.values().forEach(v -> out.add(new Criterion(v.code(), "VALUE", v.field(), v.system(), v.nameZh(), v.nameEn())));
        out.sort(java.util.Comparator.comparing((Criterion c) -> rules.systems().indexOf(c.system())).thenComparing(Criterion::kind)
                .thenComparing(Criterion::code));
        Map<String, Object> plausible = new LinkedHashMap<>();
        rules.plausible().forEach((k, v) -> plausible.put(k, List.of(v.min(), v.max())));
        return Map.of("ruleVersion", rules.version(), "systems", rules.systems(), "criteria", out, "plausible", plausible);
    }
}
