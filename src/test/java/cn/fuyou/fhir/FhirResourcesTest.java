package cn.fuyou.fhir;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import cn.fuyou.registry.internal.DemoData;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.FhirIntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 5 §1 — RelatedPerson, Condition (as received), Encounter, ServiceRequest, Patient/$everything, JSON and XML. */
class FhirResourcesTest extends FhirIntegrationTest {



    @Test
    @DisplayName("RelatedPerson: the showcase woman's partner and daughter; XML works too")
    void relatedPersons() {
        IGenericClient c = client("CQHCWC");
        String id = jdbc.sql("select id from person where id_number = ?").param(DemoData.SHOWCASE_ID_NUMBER).query(UUID.class).single().toString();
        Bundle b = c.search().forResource(RelatedPerson.class).where(RelatedPerson.PATIENT.hasId(id)).returnBundle(Bundle.class).execute();
        assertThat(b.getEntry()).extracting(e -> ((RelatedPerson) e.getResource()).getRelationshipFirstRep().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("SPS", "CHILD");
        c.setEncoding(EncodingEnum.XML);
        Patient p = c.read().resource(Patient.class).withId(id).execute();
        assertThat(p.getNameFirstRep().getText()).isEqualTo(DemoData.SHOWCASE_NAME);
    }

    @Test
    @DisplayName("Condition keeps the codes as received; Encounter, ServiceRequest and Patient/$everything cover her record")
    void everything() {
        IGenericClient c = client("CQHCWC");
        String mrn = "mrn-" + UUID.randomUUID();
        Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient p = new Patient();
        p.addIdentifier().setSystem("urn:test:emr").setValue(mrn);
        p.addName().setFamily("Zhou").addGiven("Lan");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1991-03-04"));
        tx.addEntry().setFullUrl("urn:uuid:" + mrn).setResource(p).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        Condition preg = new Condition().setSubject(new Reference("urn:uuid:" + mrn))
                .setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "72892002", "Normal pregnancy")));
        preg.setOnset(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(90).toString()));
        tx.addEntry().setResource(preg).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
        Condition gdm = new Condition().setSubject(new Reference("urn:uuid:" + mrn))
                .setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "O24.4", "Gestational diabetes")));
        gdm.setOnset(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(10).toString()));
        tx.addEntry().setResource(gdm).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
        org.hl7.fhir.r4.model.Observation weight = new org.hl7.fhir.r4.model.Observation();
        weight.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL); // required (1..1) in R4: HAPI's validator refuses it missing
        weight.setSubject(new Reference("urn:uuid:" + mrn)).setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, "29463-7", "Body weight")));
        weight.setEffective(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(5).toString()));
        weight.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(62).setUnit("kg"));
        tx.addEntry().setResource(weight).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        c.transaction().withBundle(tx).execute();

        String id = jdbc.sql("select id from person where id_number = ?").param("urn:test:emr|" + mrn).query(UUID.class).single().toString();
        Bundle conditions = c.search().forResource(Condition.class).where(Condition.PATIENT.hasId(id)).returnBundle(Bundle.class).execute();
        assertThat(conditions.getEntry()).extracting(e -> ((Condition) e.getResource()).getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("72892002", "O24.4");
        Bundle encounters = c.search().forResource(Encounter.class).where(Encounter.PATIENT.hasId(id)).returnBundle(Bundle.class).execute();
        assertThat(encounters.getEntry()).isNotEmpty();

        // A referral of hers becomes a ServiceRequest.
        ApiClient doctor = signIn("cqfy-doctor");
        String pregnancyId = doctor.get("/api/pregnancies?womanId=" + id).body().get(0).path("id").asText();
        doctor.post("/api/referrals", Map.of("personId", id, "pregnancyId", pregnancyId, "kind", "MATERNAL", "urgency", "URGENT",
                "toInstitutionCode", "CQMU-FH1", "reason", "妊娠期糖尿病会诊"));
        Bundle requests = c.search().forResource(ServiceRequest.class).where(ServiceRequest.PATIENT.hasId(id)).returnBundle(Bundle.class).execute();
        assertThat(requests.getEntry()).hasSize(1);
        ServiceRequest sr = (ServiceRequest) requests.getEntryFirstRep().getResource();
        assertThat(sr.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(sr.getPerformerFirstRep().getReference()).isEqualTo("Organization/CQMU-FH1");

        Bundle all = c.operation().onInstance("Patient/" + id).named("$everything").withNoParameters(Parameters.class)
                .returnResourceType(Bundle.class).execute();
        assertThat(all.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Patient", "Condition", "EpisodeOfCare", "Encounter", "Observation", "RiskAssessment", "ServiceRequest");
    }
}
