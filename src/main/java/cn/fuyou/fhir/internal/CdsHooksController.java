package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import cn.fuyou.childhealth.GrowthAssessment;
import cn.fuyou.childhealth.GrowthStandard;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.fhir.GradingInputMapping;
import cn.fuyou.maternal.rules.RiskColour;
import cn.fuyou.maternal.rules.RiskGrading;
import cn.fuyou.maternal.rules.RiskFindings;
import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDS Hooks 2.0 at /cds-services: how an EMR in a member hospital asks fuyou for a card. The
 * services compute from the prefetched FHIR resources only (no lookup in fuyou's records).
 */
@RestController
class CdsHooksController {

    private final FhirContext fhir;
    private final RiskGradingPolicy policy;

    private final java.time.Clock clock;

    CdsHooksController(FhirContext fhir, RiskGradingPolicy policy, java.time.Clock clock) {
        this.clock = clock;
        this.fhir = fhir;
        this.policy = policy;
    }

    static final Map<String, String> PREFETCH = Map.of(
            "patient", "Patient/{{context.patientId}}",
            "conditions", "Condition?patient={{context.patientId}}",
            "observations", "Observation?patient={{context.patientId}}");

    @GetMapping("/cds-services")
    Map<String, Object> discovery() {
        return Map.of("services", List.of(
                Map.of("hook", "patient-view", "id", "fuyou-pregnancy-risk", "title", "妊娠风险五色评估 Pregnancy risk (five colours)",
                        "description", "NHC 2017 five-colour pregnancy risk grading from the patient's conditions and observations",
                        "prefetch", PREFETCH),
                Map.of("hook", "patient-view", "id", "fuyou-child-growth", "title", "儿童生长评价 Child growth (WHO 2006)",
                        "description", "WHO Child Growth Standards z-scores from the latest weight, length and head circumference",
                        "prefetch", Map.of("patient", PREFETCH.get("patient"), "observations", PREFETCH.get("observations")))));
    }

    record Prefetched(Patient patient, List<Condition> conditions, List<Observation> observations) {}

    private Prefetched prefetched(JsonNode request) {
        JsonNode prefetch = request.path("prefetch");
        if (!request.path("hook").asText().equals("patient-view")) throw ApiException.badField("hook", "only patient-view is supported");
        if (prefetch.path("patient").isMissingNode()) throw ApiException.badField("prefetch.patient", "prefetch.patient is required");
        try {
            Patient patient = (Patient) parse(prefetch.path("patient"));
            List<Condition> conditions = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            for (String key : List.of("conditions", "observations")) {
                if (prefetch.path(key).isMissingNode() || prefetch.path(key).isNull()) continue;
                IBaseResource r = parse(prefetch.path(key));
                if (r instanceof Bundle b) {
                    b.getEntry().forEach(e -> {
                        if (e.getResource() instanceof Condition c) conditions.add(c);
                        if (e.getResource() instanceof Observation o) observations.add(o);
                    });
                }
            }
            return new Prefetched(patient, conditions, observations);
        } catch (DataFormatException | ClassCastException e) {
            throw ApiException.badField("prefetch", "prefetch is not valid FHIR R4 JSON: " + e.getMessage());
        }
    }

    private IBaseResource parse(JsonNode node) {
        return fhir.newJsonParser().parseResource(node.toString());
    }

    @PostMapping("/cds-services/fuyou-pregnancy-risk")
    Map<String, Object> pregnancyRisk(@RequestBody JsonNode request) {
        Prefetched p = prefetched(request);
        Set<String> factors = new LinkedHashSet<>();
        boolean pregnant = false;
        for (Condition c : p.conditions()) {
            if (c.hasAbatement()) continue;
            for (var code : c.getCode().getCoding()) {
                var f = GradingInputMapping.condition(code.getSystem(), code.getCode());
                if (f.isPresent() && f.get().equals(GradingInputMapping.PREGNANCY)) pregnant = true;
                else f.ifPresent(factors::add);
            }
        }
        Map<String, BigDecimal> latest = latestValues(p.observations());
        LocalDate birth = PatientTranslator.localDate(p.patient().getBirthDateElement());
        RiskFindings findings = RiskFindings.of().ageOn(birth, cn.fuyou.shared.ChinaTime.today(clock)).factors(factors);
        latest.forEach(findings::measured);
        RiskGrading g = policy.grade(findings.toInputs());
        String indicator = g.colour() == RiskColour.RED ? "critical" : g.colour() == RiskColour.ORANGE || g.purple() ? "warning" : "info";
        String summary = "妊娠风险 " + zh(g.colour()) + (g.purple() ? " + 紫色" : "") + " / pregnancy risk " + g.colour().name().toLowerCase()
                + (g.purple() ? " + purple" : "") + (pregnant ? "" : " (no active pregnancy condition)");
        StringBuilder detail = new StringBuilder();
        g.factors().forEach(f -> detail.append("- ").append(f.reason()).append('\n'));
        if (detail.isEmpty()) detail.append("无风险因素 / no risk factor found");
        return Map.of("cards", List.of(Map.of("summary", summary.length() > 140 ? summary.substring(0, 140) : summary,
                "indicator", indicator, "detail", detail.toString(),
                "source", Map.of("label", "fuyou 妇幼 · " + g.ruleSetVersion(), "topic", Map.of("system", FhirCodes.RISK_COLOUR, "code", g.colour().name())))));
    }

    @PostMapping("/cds-services/fuyou-child-growth")
    Map<String, Object> childGrowth(@RequestBody JsonNode request) {
        Prefetched p = prefetched(request);
        LocalDate birth = PatientTranslator.localDate(p.patient().getBirthDateElement());
        String sex = PatientTranslator.sex(p.patient());
        if (birth == null || sex == null) throw ApiException.badField("prefetch.patient", "birthDate and gender are required");
        Map<String, BigDecimal> latest = latestValues(p.observations());
        int days = (int) ChronoUnit.DAYS.between(birth, cn.fuyou.shared.ChinaTime.today(clock));
        if (latest.isEmpty() || days / GrowthStandard.DAYS_PER_MONTH >= 60) return Map.of("cards", List.of());
        var r = GrowthAssessment.assess(GrowthStandard.who(), new GrowthAssessment.Measurement(
                sex.equals("M") ? GrowthStandard.Sex.MALE : GrowthStandard.Sex.FEMALE, days, dbl(latest.get("weightKg")),
                dbl(latest.get("heightCm")), null, dbl(latest.get("headCircumferenceCm")), false));
        StringBuilder detail = new StringBuilder();
        r.scores().forEach((k, v) -> detail.append("- ").append(k).append(": z = ").append(v.z()).append(" (P").append(v.percentile()).append(")\n"));
        String indicator = r.classification().stream().anyMatch(c -> c.startsWith("SEVERE")) ? "critical"
                : r.classification().isEmpty() ? "info" : "warning";
        return Map.of("cards", List.of(Map.of("summary", "儿童生长 / child growth: " + (r.classification().isEmpty() ? "正常范围 within −2…+2" : String.join(", ", r.classification())),
                "indicator", indicator, "detail", detail.toString(), "source", Map.of("label", "fuyou 妇幼 · " + GrowthStandard.VERSION))));
    }

    /** The newest value of each LOINC-mapped measurement, in fuyou's units. */
    static Map<String, BigDecimal> latestValues(List<Observation> observations) {
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, java.util.Date> when = new HashMap<>();
        for (Observation o : observations) {
            java.util.Date at = o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().getValue() : new java.util.Date(0);
            for (var c : o.getCode().getCoding()) {
                String field = "9843-4".equals(c.getCode()) ? "headCircumferenceCm" : null;
                var m = GradingInputMapping.LOINC.get(c.getCode());
                if (m != null) field = m.field();
                if (field == null || !o.hasValueQuantity() || !FhirCodes.LOINC.equals(c.getSystem())) continue;
                if (when.containsKey(field) && when.get(field).after(at)) continue;
                out.put(field, m != null ? m.convert(o.getValueQuantity().getValue()) : o.getValueQuantity().getValue());
                when.put(field, at);
            }
        }
        return out;
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static String zh(RiskColour c) {
        return switch (c) {
            case GREEN -> "绿色";
            case YELLOW -> "黄色";
            case ORANGE -> "橙色";
            case RED -> "红色";
        };
    }
}
