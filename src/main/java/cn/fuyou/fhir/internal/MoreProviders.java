package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** RelatedPerson, Condition, Encounter, ServiceRequest and Patient/$everything. */
public final class MoreProviders {

    private MoreProviders() {}

    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    static UUID patientOf(ReferenceParam p) {
        return PatientProvider.uuid(new IdType("Patient", p.getIdPart()));
    }

    @Component
    public static class RelatedPersonProvider implements IResourceProvider {
        private final PersonAccess access;

        RelatedPersonProvider(PersonAccess access) {
            this.access = access;
        }

        @Override
        public Class<RelatedPerson> getResourceType() {
            return RelatedPerson.class;
        }

        /** Mother, children and partner of the patient, each as a RelatedPerson of hers. */
        @Search
        public List<RelatedPerson> search(@RequiredParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient) {
            return related(access.open(patientOf(patient)));
        }

        List<RelatedPerson> related(PersonDetail p) {
            List<RelatedPerson> out = new ArrayList<>();
            for (PersonDetail.Link l : p.links()) {
                RelatedPerson r = new RelatedPerson();
                r.setId(l.personId().toString());
                r.setPatient(new Reference("Patient/" + p.id()));
                String code = switch (l.kind()) {
                    case "MOTHER" -> "MTH";
                    case "CHILD" -> "CHILD";
                    default -> "SPS";
                };
                r.addRelationship().addCoding().setSystem(ROLE_CODE).setCode(code).setDisplay(l.kind().toLowerCase());
                r.addName().setText(l.fullName());
                r.setGender("F".equals(l.sex()) ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
                r.setBirthDateElement(PatientTranslator.dateType(l.birthDate()));
                r.addIdentifier().setSystem("urn:fuyou:sid:person").setValue(l.personId().toString());
                out.add(r);
            }
            return out;
        }
    }

    @Component
    public static class ConditionProvider implements IResourceProvider {
        private final PersonAccess access;
        private final ReceivedConditions conditions;

        ConditionProvider(PersonAccess access, ReceivedConditions conditions) {
            this.access = access;
            this.conditions = conditions;
        }

        @Override
        public Class<Condition> getResourceType() {
            return Condition.class;
        }

        /** The conditions as received (ICD-10, SNOMED CT untouched). */
        @Search
        public List<Condition> search(@RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient) {
            UUID id = patientOf(patient);
            access.open(id);
            return conditions.forPerson(id);
        }
    }

    @Component
    public static class EncounterProvider implements IResourceProvider {
        private final Pregnancies pregnancies;

        EncounterProvider(Pregnancies pregnancies) {
            this.pregnancies = pregnancies;
        }

        @Override
        public Class<Encounter> getResourceType() {
            return Encounter.class;
        }

        @Search
        public List<Encounter> search(@RequiredParam(name = Encounter.SP_PATIENT) ReferenceParam patient) {
            List<Encounter> out = new ArrayList<>();
            for (PregnancyRecord p : MaternalProviders.pregnanciesOf(pregnancies, patient)) out.addAll(encounters(p));
            return out;
        }

        /** Antenatal contacts (ambulatory) and the delivery (inpatient), linked to the pregnancy episode. */
        static List<Encounter> encounters(PregnancyRecord p) {
            List<Encounter> out = new ArrayList<>();
            for (PregnancyRecord.Contact c : p.contacts()) {
                Encounter e = new Encounter();
                e.setId(c.id().toString());
                e.setStatus(Encounter.EncounterStatus.FINISHED);
                e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
                e.addType(new CodeableConcept(new Coding(FhirCodes.SNOMED, "424619006", "Prenatal visit")));
                e.setSubject(new Reference("Patient/" + p.womanId()));
                e.addEpisodeOfCare(new Reference("EpisodeOfCare/" + p.id()));
                e.setPeriod(new Period().setStartElement(PatientTranslator.dateTimeType(c.contactDate())));
                e.setServiceProvider(new Reference("Organization/" + c.institutionCode()));
                out.add(e);
            }
            if (p.delivery() != null) {
                Encounter e = new Encounter();
                e.setId(p.delivery().id().toString());
                e.setStatus(Encounter.EncounterStatus.FINISHED);
                e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
                e.addType(new CodeableConcept(new Coding(FhirCodes.SNOMED, "236973005", "Delivery procedure")));
                e.setSubject(new Reference("Patient/" + p.womanId()));
                e.addEpisodeOfCare(new Reference("EpisodeOfCare/" + p.id()));
                e.setPeriod(new Period().setStart(java.util.Date.from(p.delivery().deliveredAt().toInstant())));
                e.setServiceProvider(new Reference("Organization/" + p.delivery().institutionCode()));
                out.add(e);
            }
            return out;
        }
    }

    @Component
    public static class ServiceRequestProvider implements IResourceProvider {
        private final Referrals referrals;

        ServiceRequestProvider(Referrals referrals) {
            this.referrals = referrals;
        }

        @Override
        public Class<ServiceRequest> getResourceType() {
            return ServiceRequest.class;
        }

        @Search
        public List<ServiceRequest> search(@RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient) {
            return referrals.forPerson(patientOf(patient)).stream().map(ServiceRequestProvider::toFhir).toList();
        }

        /** A referral: requester and performer institutions, priority from the urgency, state mapped to status. */
        static ServiceRequest toFhir(Referrals.ReferralView r) {
            ServiceRequest s = new ServiceRequest();
            s.setId(r.id().toString());
            s.getMeta().setVersionId(Long.toString(r.version()));
            s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            s.setStatus(switch (r.state()) {
                case "REQUESTED", "ACCEPTED", "IN_TRANSIT", "ARRIVED" -> ServiceRequest.ServiceRequestStatus.ACTIVE;
                case "COMPLETED", "BACK_REFERRED", "CLOSED" -> ServiceRequest.ServiceRequestStatus.COMPLETED;
                default -> ServiceRequest.ServiceRequestStatus.REVOKED;
            });
            s.setPriority(switch (r.urgency()) {
                case "EMERGENCY" -> ServiceRequest.ServiceRequestPriority.STAT;
                case "URGENT" -> ServiceRequest.ServiceRequestPriority.URGENT;
                default -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            });
            s.setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "3457005", "Patient referral")));
            s.addCategory(new CodeableConcept(new Coding("urn:fuyou:cs:referral-kind", r.kind(), null)));
            s.addCategory(new CodeableConcept(new Coding("urn:fuyou:cs:referral-state", r.state(), null)));
            s.setSubject(new Reference("Patient/" + r.personId()));
            s.setRequester(new Reference("Organization/" + r.fromInstitutionCode()));
            s.addPerformer(new Reference("Organization/" + r.toInstitutionCode()));
            s.setAuthoredOn(java.util.Date.from(r.createdAt().toInstant()));
            s.addReasonCode().setText(r.reason());
            if (r.summary() != null) s.addNote().setText(r.summary());
            if (r.outcome() != null) s.addNote().setText("outcome: " + r.outcome());
            if (r.backReferralPlan() != null) s.addNote().setText("back-referral plan: " + r.backReferralPlan());
            return s;
        }
    }

    /** Patient/$everything: her record and everything fuyou holds about her, in one searchset Bundle. */
    @Component
    public static class EverythingProvider {
        private final PersonAccess access;
        private final Pregnancies pregnancies;
        private final Referrals referrals;
        private final ReceivedConditions conditions;
        private final RelatedPersonProvider related;

        EverythingProvider(PersonAccess access, Pregnancies pregnancies, Referrals referrals, ReceivedConditions conditions,
                           RelatedPersonProvider related) {
            this.access = access;
            this.pregnancies = pregnancies;
            this.referrals = referrals;
            this.conditions = conditions;
            this.related = related;
        }

        @Operation(name = "$everything", idempotent = true, type = Patient.class)
        public Bundle everything(@IdParam IdType id) {
            UUID person = PatientProvider.uuid(id);
            PersonDetail p = access.open(person);
            List<Resource> all = new ArrayList<>();
            all.add(PatientTranslator.toFhir(p));
            all.addAll(related.related(p));
            all.addAll(conditions.forPerson(person));
            for (var s : pregnancies.forWoman(person)) {
                PregnancyRecord r = pregnancies.readForWrite(s.id());
                all.add(MaternalProviders.EpisodeOfCareProvider.toFhir(r));
                all.addAll(EncounterProvider.encounters(r));
                all.addAll(MaternalProviders.ObservationProvider.observations(r));
                r.gradings().forEach(g -> all.add(MaternalProviders.RiskAssessmentProvider.toFhir(r, g)));
            }
            referrals.forPerson(person).forEach(r -> all.add(ServiceRequestProvider.toFhir(r)));
            Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            b.setTotal(all.size());
            all.forEach(r -> b.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r));
            return b;
        }
    }
}
