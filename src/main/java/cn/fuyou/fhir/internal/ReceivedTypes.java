package cn.fuyou.fhir.internal;

import java.util.Set;

/**
 * What fuyou does with each resource type a hospital sends (issue 16 §8): every clinical resource
 * about a woman or child is kept as received; administrative and financial resources and directory
 * data are not kept, each with its reason.
 */
final class ReceivedTypes {

    private ReceivedTypes() {}

    /** Clinical resources about a person: kept as received (besides being mapped where a rule needs them). */
    static final Set<String> CLINICAL = Set.of(
            "AllergyIntolerance", "AdverseEvent", "BodyStructure", "CarePlan", "CareTeam", "ClinicalImpression", "Communication",
            "Composition", "Condition", "DetectedIssue", "Device", "DeviceRequest", "DeviceUseStatement", "DiagnosticReport",
            "DocumentReference", "Encounter", "EpisodeOfCare", "FamilyMemberHistory", "Flag", "Goal", "ImagingStudy", "Immunization",
            "ImmunizationEvaluation", "ImmunizationRecommendation", "Media", "MedicationAdministration", "MedicationDispense",
            "MedicationRequest", "MedicationStatement", "MolecularSequence", "NutritionOrder", "Observation", "Procedure",
            "QuestionnaireResponse", "RiskAssessment", "ServiceRequest", "Specimen");

    /** Administrative and financial: fuyou is not a claims system. */
    static final Set<String> FINANCIAL = Set.of(
            "Account", "ChargeItem", "Claim", "ClaimResponse", "Coverage", "CoverageEligibilityRequest", "CoverageEligibilityResponse",
            "EnrollmentRequest", "EnrollmentResponse", "ExplanationOfBenefit", "Invoice", "PaymentNotice", "PaymentReconciliation",
            "Provenance", "AuditEvent", "Consent", "SupplyDelivery", "SupplyRequest");

    /** The network's directory is fuyou's own registry of institutions and staff. */
    static final Set<String> DIRECTORY = Set.of(
            "Organization", "Location", "Practitioner", "PractitionerRole", "HealthcareService", "Endpoint");

    static final String NOT_KEPT_FINANCIAL = "administrative or financial resource: fuyou does not keep it";
    static final String NOT_KEPT_DIRECTORY = "directory data: institutions and staff come from fuyou's own registry";
    static final String NOT_KEPT_NO_PERSON = "not about a person fuyou holds (no subject or patient reference)";
    static final String NOT_KEPT_OTHER = "not a clinical resource about a woman or child";

    /** The reason a type is not kept, or null when it is kept. */
    static String notKeptReason(String type) {
        if (CLINICAL.contains(type)) return null;
        if (FINANCIAL.contains(type)) return NOT_KEPT_FINANCIAL;
        if (DIRECTORY.contains(type)) return NOT_KEPT_DIRECTORY;
        return NOT_KEPT_OTHER;
    }
}
