package cn.fuyou.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 16 (review: required elements by HAPI's validator, not a hand-written rule) — FHIR R4 base StructureDefinitions. */
class ResourceValidationTest {

    private static final ResourceValidation VALIDATION = new ResourceValidation(FhirContext.forR4Cached());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IncomingResource resource(String json) throws Exception {
        return IncomingResource.of(0, null, JSON.readTree(json));
    }

    @Test
    @DisplayName("the required elements of each type come from its R4 StructureDefinition (min ≥ 1)")
    void requiredElementsFromProfiles() {
        assertThat(VALIDATION.requiredElements("Observation")).containsExactlyInAnyOrder("status", "code");
        assertThat(VALIDATION.requiredElements("Condition")).containsExactly("subject");
        assertThat(VALIDATION.requiredElements("Encounter")).containsExactlyInAnyOrder("status", "class");
        assertThat(VALIDATION.requiredElements("MedicationRequest")).containsExactlyInAnyOrder("status", "intent", "medication[x]", "subject");
        assertThat(VALIDATION.requiredElements("Procedure")).containsExactlyInAnyOrder("status", "subject");
    }

    @Test
    @DisplayName("a complete resource passes without the full validator; a choice element counts by its prefix")
    void completePasses() throws Exception {
        assertThat(VALIDATION.problems(resource("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
                 "subject":{"reference":"Patient/1"}}"""))).isEmpty();
        assertThat(VALIDATION.problems(resource("""
                {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/1"},
                 "medicationCodeableConcept":{"text":"folic acid"}}"""))).isEmpty();
    }

    @Test
    @DisplayName("a missing required element is named by the validator (Observation.code, Condition.subject, MedicationRequest.medication[x])")
    void missingNamed() throws Exception {
        assertThat(VALIDATION.problems(resource("""
                {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/1"}}""")))
                .anySatisfy(p -> assertThat(p.message()).contains("Observation.code"));
        assertThat(VALIDATION.problems(resource("""
                {"resourceType":"Condition","code":{"text":"x"}}""")))
                .anySatisfy(p -> assertThat(p.message()).contains("Condition.subject"));
        assertThat(VALIDATION.problems(resource("""
                {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/1"}}""")))
                .anySatisfy(p -> assertThat(p.message()).contains("MedicationRequest.medication"));
    }
}
