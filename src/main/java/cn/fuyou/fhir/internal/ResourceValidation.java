package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.stereotype.Component;

/**
 * The structure a received resource must have, by HAPI's validator over the R4 base profiles
 * ({@code hapi-fhir-validation}, {@link DefaultProfileValidationSupport}) instead of hand-written rules.
 * Fast enough for a bulk import: the required elements of each resource type are read once from
 * HAPI's R4 model (cached), every resource is checked against them, and only a resource that lacks
 * one goes through the full {@link FhirInstanceValidator} (built once, no terminology checks) —
 * whose messages name the element for the 422 OperationOutcome.
 */
@Component
class ResourceValidation {

    /** A structural error in a resource: the element's path (e.g. {@code Observation.code}) and the validator's message. */
    record Problem(String element, String message) {}

    private final FhirContext fhir;
    private final DefaultProfileValidationSupport profiles;
    private final FhirValidator validator;
    private final Map<String, List<String>> required = new ConcurrentHashMap<>();

    ResourceValidation(FhirContext fhir) {
        this.fhir = fhir;
        this.profiles = new DefaultProfileValidationSupport(fhir);
        FhirInstanceValidator instance = new FhirInstanceValidator(new ValidationSupportChain(profiles));
        instance.setNoTerminologyChecks(true);
        instance.setAnyExtensionsAllowed(true);
        instance.setErrorForUnknownProfiles(false);
        instance.setBestPracticeWarningLevel(org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel.Ignore);
        this.validator = fhir.newValidator().setValidateAgainstStandardSchema(false).setValidateAgainstStandardSchematron(false)
                .registerValidatorModule(instance);
    }

    /**
     * The top-level elements a resource of this type must have (R4 min ≥ 1): HAPI's model of the
     * type, generated from the same R4 StructureDefinitions the validator uses; read once per type.
     */
    List<String> requiredElements(String type) {
        return required.computeIfAbsent(type, t -> {
            ca.uhn.fhir.context.RuntimeResourceDefinition def;
            try {
                def = fhir.getResourceDefinition(t);
            } catch (ca.uhn.fhir.parser.DataFormatException unknown) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (var child : def.getChildren()) {
                if (child.getMin() >= 1) out.add(child.getElementName() + (child instanceof ca.uhn.fhir.context.RuntimeChildChoiceDefinition && !child.getElementName().endsWith("[x]") ? "[x]" : ""));
            }
            return List.copyOf(out);
        });
    }

    /**
     * The structural errors of a received resource: none when it has every required element;
     * otherwise the validator's errors (each naming the element), at least the missing elements.
     */
    List<Problem> problems(IncomingResource r) {
        if (r.type() == null) return List.of(new Problem("resourceType", "resourceType is required"));
        List<String> missing = requiredElements(r.type()).stream().filter(e -> !r.has(e)).toList();
        if (missing.isEmpty()) return List.of();
        List<Problem> out = new ArrayList<>();
        try {
            for (SingleValidationMessage m : validator.validateWithResult(r.text()).getMessages()) {
                if (m.getSeverity().ordinal() < ResultSeverityEnum.ERROR.ordinal()) continue;
                String at = m.getLocationString() == null ? r.type() : m.getLocationString().replaceAll("\\[\\d+\\]$", "");
                out.add(new Problem(at, m.getMessage()));
            }
        } catch (RuntimeException | LinkageError e) {
            // not parseable, or the validator failed: the missing elements below say enough
            org.slf4j.LoggerFactory.getLogger(ResourceValidation.class).warn("FHIR validator: {}", e.toString());
        }
        for (String e : missing) {
            String path = r.type() + "." + e.replace("[x]", "");
            if (out.stream().noneMatch(p -> p.message().contains(path) || p.element().endsWith("." + e.replace("[x]", "")))) {
                out.add(new Problem(path, path + ": minimum required = 1, but only found 0 (FHIR R4 " + r.type() + ")"));
            }
        }
        return out;
    }
}
