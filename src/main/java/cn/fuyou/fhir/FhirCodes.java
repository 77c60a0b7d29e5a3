package cn.fuyou.fhir;

/** The identifier systems and code systems fuyou uses on the wire. */
public final class FhirCodes {

    private FhirCodes() {}

    /** GB 11643 resident identity card number. */
    public static final String RESIDENT_ID = "urn:fuyou:sid:resident-id";
    public static final String PASSPORT = "urn:fuyou:sid:passport";
    public static final String BIRTH_RECORD = "urn:fuyou:sid:birth-record";
    public static final String INSTITUTION = "urn:fuyou:sid:institution";
    /** The five colours and the purple flag (clinical-rules.md §1). */
    public static final String RISK_COLOUR = "urn:fuyou:cs:risk-colour";
    public static final String RISK_FACTOR = "urn:fuyou:cs:risk-factor";
    public static final String DESIGNATION = "urn:fuyou:cs:designation";
    public static final String INSTITUTION_LEVEL = "urn:fuyou:cs:institution-level";
    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String UCUM = "http://unitsofmeasure.org";
}
