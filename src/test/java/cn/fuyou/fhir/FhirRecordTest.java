package cn.fuyou.fhir;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import cn.fuyou.support.FhirIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 16 §6 (coded Conditions grade her), §7 (read and search), §8 (keep what a hospital sends, import report). */
class FhirRecordTest extends FhirIntegrationTest {

    private static final String HIV_SNOMED = "86406008";


    private static Bundle transaction() {
        return new Bundle().setType(Bundle.BundleType.TRANSACTION);
    }

    private static String patient(Bundle b, String mrn) {
        Patient p = new Patient();
        p.addIdentifier().setSystem("urn:test:emr").setValue(mrn);
        p.addName().setFamily("Wang").addGiven("Fang");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1993-05-06"));
        b.addEntry().setFullUrl("urn:uuid:" + mrn).setResource(p).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        return "urn:uuid:" + mrn;
    }

    private static void add(Bundle b, Resource r) {
        b.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }

    private static Condition condition(String subject, String system, String code, LocalDate onset) {
        Condition c = new Condition().setSubject(new Reference(subject)).setCode(new CodeableConcept(new Coding(system, code, null)));
        c.setOnset(new DateTimeType(onset.toString()));
        return c;
    }

    private UUID personOf(String mrn) {
        return jdbc.sql("select id from person where id_number = ?").param("urn:test:emr|" + mrn).query(UUID.class).single();
    }

    record Colour(String colour, boolean purple) {}

    private Colour pregnancyOf(UUID woman) {
        return jdbc.sql("select colour, purple from pregnancy where woman_id = ? order by registered_on desc limit 1").param(woman)
                .query(Colour.class).single();
    }

    @Test
    @DisplayName("§6: a pregnancy and an HIV Condition, no Observation: she is graded at once and purple")
    void hivConditionMakesHerPurple() {
        IGenericClient c = client("CQHCWC");
        String mrn = "hiv-" + UUID.randomUUID();
        Bundle b = transaction();
        String subject = patient(b, mrn);
        add(b, condition(subject, FhirCodes.SNOMED, "72892002", LocalDate.now(ChinaTime.ZONE).minusDays(70)));
        add(b, condition(subject, FhirCodes.SNOMED, HIV_SNOMED, LocalDate.now(ChinaTime.ZONE).minusYears(3)));
        c.transaction().withBundle(b).execute();
        assertThat(pregnancyOf(personOf(mrn)).purple()).as("HIV diagnosed before the pregnancy: purple at registration").isTrue();
    }

    @Test
    @DisplayName("§6: an HIV Condition alone, for a woman fuyou already holds pregnant, grades her purple at once")
    void hivConditionForAnOpenPregnancy() {
        IGenericClient c = client("CQHCWC");
        String mrn = "open-" + UUID.randomUUID();
        Bundle first = transaction();
        String subject = patient(first, mrn);
        add(first, condition(subject, FhirCodes.SNOMED, "72892002", LocalDate.now(ChinaTime.ZONE).minusDays(60)));
        c.transaction().withBundle(first).execute();
        UUID woman = personOf(mrn);
        assertThat(pregnancyOf(woman).purple()).isFalse();

        Bundle second = transaction();
        add(second, condition("Patient/" + woman, FhirCodes.ICD10, "B20", LocalDate.now(ChinaTime.ZONE).minusDays(2)));
        c.transaction().withBundle(second).execute();
        assertThat(pregnancyOf(woman).purple()).as("B20 received on its own").isTrue();
    }

    @Test
    @DisplayName("§8: clinical resources are kept as received and readable; Claim and Provenance are not kept, and the report says why")
    void keepsWhatAHospitalSends() {
        IGenericClient c = client("CQHCWC");
        String mrn = "keep-" + UUID.randomUUID();
        Bundle b = transaction();
        String subject = patient(b, mrn);
        Procedure proc = new Procedure().setSubject(new Reference(subject)).setStatus(Procedure.ProcedureStatus.COMPLETED)
                .setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "76601001", "Intramuscular injection")));
        proc.setPerformed(new DateTimeType("2026-03-02T10:00:00+08:00"));
        add(b, proc);
        Immunization imm = new Immunization().setPatient(new Reference(subject)).setStatus(Immunization.ImmunizationStatus.COMPLETED)
                .setVaccineCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/cvx", "140", "Influenza")));
        imm.setOccurrence(new DateTimeType("2026-01-15"));
        add(b, imm);
        add(b, new org.hl7.fhir.r4.model.Claim().setPatient(new Reference(subject)));
        add(b, new org.hl7.fhir.r4.model.Provenance().addTarget(new Reference(subject)));
        add(b, new org.hl7.fhir.r4.model.Organization().setName("Somewhere General"));
        Bundle response = c.transaction().withBundle(b).execute();

        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(3).getResponse().getStatus()).contains("not kept").contains("financial");
        OperationOutcome report = (OperationOutcome) response.getEntry().get(response.getEntry().size() - 1).getResource();
        assertThat(report.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .contains("Procedure: 0 mapped, 1 kept as received, 0 not kept", "Immunization: 0 mapped, 1 kept as received, 0 not kept",
                        "Patient: 1 mapped, 0 kept as received, 0 not kept")
                .anySatisfy(d -> assertThat(d).startsWith("Claim: 0 mapped, 0 kept as received, 1 not kept (administrative or financial"))
                .anySatisfy(d -> assertThat(d).startsWith("Provenance: 0 mapped, 0 kept as received, 1 not kept"))
                .anySatisfy(d -> assertThat(d).startsWith("Organization: 0 mapped, 0 kept as received, 1 not kept (directory data"));

        String id = personOf(mrn).toString();
        Bundle byCode = c.search().forResource(Procedure.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new TokenClientParam("code").exactly().systemAndCode(FhirCodes.SNOMED, "76601001")).returnBundle(Bundle.class).execute();
        assertThat(byCode.getEntry()).hasSize(1);
        Procedure kept = (Procedure) byCode.getEntryFirstRep().getResource();
        assertThat(kept.getSubject().getReference()).isEqualTo("Patient/" + id);
        assertThat(kept.getPerformedDateTimeType().getValueAsString()).isEqualTo("2026-03-02T10:00:00+08:00");
        assertThat(c.search().forResource(Procedure.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new TokenClientParam("code").exactly().code("0000")).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        assertThat(c.search().forResource(Immunization.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new DateClientParam("date").after().day("2026-02-01")).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        assertThat(c.search().forResource(Immunization.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new DateClientParam("date").before().day("2026-02-01")).returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
        Procedure read = c.read().resource(Procedure.class).withId(kept.getIdElement().getIdPart()).execute();
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("76601001");
        assertThat(jdbc.sql("select count(*) from received_resource where person_id = ?::uuid and resource_type in ('Claim', 'Provenance')")
                .param(id).query(Long.class).single()).isZero();

        Bundle all = c.operation().onInstance("Patient/" + id).named("$everything").withNoParameters(Parameters.class)
                .returnResourceType(Bundle.class).execute();
        assertThat(all.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "Procedure", "Immunization")
                .doesNotContain("Claim", "Provenance");

        // Another institution without a relationship to her sees nothing.
        IGenericClient other = client("CHC-500117-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.read().resource(Procedure.class).withId(kept.getIdElement().getIdPart()).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException.class);
    }

    @Test
    @DisplayName("§7: read for Condition, Encounter, Observation, RelatedPerson, ServiceRequest; patient as well as subject; date and _lastUpdated")
    void readAndSearch() {
        IGenericClient c = client("CQHCWC");
        String mrn = "read-" + UUID.randomUUID();
        Bundle b = transaction();
        String subject = patient(b, mrn);
        add(b, condition(subject, FhirCodes.SNOMED, "72892002", LocalDate.now(ChinaTime.ZONE).minusDays(100)));
        for (int daysAgo : new int[] {40, 10}) {
            Observation w = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(subject))
                    .setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, "29463-7", "Body weight")));
            w.setEffective(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(daysAgo).toString()));
            w.setValue(new Quantity().setValue(60 + daysAgo / 10).setUnit("kg"));
            add(b, w);
        }
        // Encounter.class is 1..1 in R4 (the validator refuses an Encounter without it).
        Encounter enc = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(new Reference(subject))
                .setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setPeriod(new Period().setStartElement(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(10).toString())));
        add(b, enc);
        c.transaction().withBundle(b).execute();
        String id = personOf(mrn).toString();

        Bundle byPatient = c.search().forResource(Observation.class).where(new ReferenceClientParam("patient").hasId(id))
                .returnBundle(Bundle.class).execute();
        Bundle bySubject = c.search().forResource(Observation.class).where(new ReferenceClientParam("subject").hasId(id))
                .returnBundle(Bundle.class).execute();
        assertThat(byPatient.getTotal()).isEqualTo(bySubject.getTotal()).isEqualTo(4); // 2 received + 2 contact weights
        Bundle recent = c.search().forResource(Observation.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new DateClientParam("date").afterOrEquals().day(LocalDate.now(ChinaTime.ZONE).minusDays(20).toString())).returnBundle(Bundle.class).execute();
        assertThat(recent.getTotal()).isEqualTo(2);
        assertThat(c.search().forResource(Observation.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new DateClientParam("_lastUpdated").after().day(LocalDate.now(ChinaTime.ZONE).plusDays(2).toString())).returnBundle(Bundle.class)
                .execute().getTotal()).isZero();
        Bundle encounters = c.search().forResource(Encounter.class).where(new ReferenceClientParam("patient").hasId(id))
                .and(new DateClientParam("date").before().day(LocalDate.now(ChinaTime.ZONE).minusDays(20).toString())).returnBundle(Bundle.class).execute();
        assertThat(encounters.getEntry()).hasSize(1); // the contact 40 days ago; the received one and the contact 10 days ago are later

        for (var e : byPatient.getEntry()) {
            Observation o = c.read().resource(Observation.class).withId(e.getResource().getIdElement().getIdPart()).execute();
            assertThat(o.getValueQuantity().getValue()).isEqualByComparingTo(((Observation) e.getResource()).getValueQuantity().getValue());
        }
        Bundle allEncounters = c.search().forResource(Encounter.class).where(new ReferenceClientParam("subject").hasId(id)).returnBundle(Bundle.class).execute();
        for (var e : allEncounters.getEntry()) {
            assertThat(c.read().resource(Encounter.class).withId(e.getResource().getIdElement().getIdPart()).execute().getSubject().getReference())
                    .isEqualTo("Patient/" + id);
        }
        Bundle conditions = c.search().forResource(Condition.class).where(new ReferenceClientParam("subject").hasId(id)).returnBundle(Bundle.class).execute();
        assertThat(c.read().resource(Condition.class).withId(conditions.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute()
                .getCode().getCodingFirstRep().getCode()).isEqualTo("72892002");

        // RelatedPerson and ServiceRequest on the showcase woman (partner, daughter, a referral).
        ApiClientHelper.referral(signIn("cqfy-doctor"), id);
        Bundle requests = c.search().forResource(ServiceRequest.class).where(new ReferenceClientParam("patient").hasId(id)).returnBundle(Bundle.class).execute();
        ServiceRequest sr = c.read().resource(ServiceRequest.class).withId(requests.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute();
        assertThat(sr.getSubject().getReference()).isEqualTo("Patient/" + id);
        String showcase = jdbc.sql("select id from person where id_number = ?").param(cn.fuyou.registry.internal.DemoData.SHOWCASE_ID_NUMBER)
                .query(UUID.class).single().toString();
        Bundle related = c.search().forResource(RelatedPerson.class).where(new ReferenceClientParam("patient").hasId(showcase)).returnBundle(Bundle.class).execute();
        assertThat(related.getEntry()).isNotEmpty();
        for (var e : related.getEntry()) {
            RelatedPerson r = c.read().resource(RelatedPerson.class).withId(e.getResource().getIdElement().getIdPart()).execute();
            assertThat(r.getPatient().getReference()).isEqualTo("Patient/" + showcase);
        }
    }

    @Test
    @DisplayName("§7: $everything pages with _count and next links; the pages together hold every resource once")
    void everythingPages() {
        IGenericClient c = client("CQHCWC");
        String mrn = "page-" + UUID.randomUUID();
        Bundle b = transaction();
        String subject = patient(b, mrn);
        for (int i = 0; i < 12; i++) {
            Procedure p = new Procedure().setSubject(new Reference(subject)).setStatus(Procedure.ProcedureStatus.COMPLETED)
                    .setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "7100" + i, null)));
            p.setPerformed(new DateTimeType("2026-0" + (1 + i % 9) + "-10"));
            add(b, p);
        }
        c.transaction().withBundle(b).execute();
        String id = personOf(mrn).toString();
        Parameters in = new Parameters();
        in.addParameter().setName("_count").setValue(new org.hl7.fhir.r4.model.IntegerType(5));
        Bundle page = c.operation().onInstance("Patient/" + id).named("$everything").withParameters(in).useHttpGet()
                .returnResourceType(Bundle.class).execute();
        assertThat(page.getEntry()).hasSize(5);
        assertThat(page.getTotal()).isEqualTo(13);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int pages = 0;
        while (true) {
            page.getEntry().forEach(e -> assertThat(seen.add(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())).isTrue());
            pages++;
            if (page.getLink(Bundle.LINK_NEXT) == null) break;
            page = c.loadPage().next(page).execute();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(13);
    }

    @Test
    @DisplayName("§7 / audit: $everything returns each of her pregnancies, and each pregnancy's read is audited once against her")
    void everythingAuditsEachPregnancy() {
        var doctor = signIn("cqfy-doctor");
        var w = doctor.post("/api/persons", cn.fuyou.registry.PersonApiTest.woman("孕", "两次", null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        String woman = w.text("/id");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        var first = doctor.post("/api/pregnancies", Map.of("womanId", woman, "gravida", 1, "para", 0,
                "lmp", today.minusDays(400).toString(), "registeredOn", today.minusDays(330).toString()));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var ended = doctor.post("/api/pregnancies/" + first.text("/id") + "/end", Map.of("outcome", "MISCARRIAGE",
                "outcomeDate", today.minusDays(300).toString(), "version", first.body().path("version").asLong()));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        var second = doctor.post("/api/pregnancies", Map.of("womanId", woman, "gravida", 2, "para", 0, "lmp", today.minusDays(60).toString()));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);

        Bundle all = client("CQHCWC").operation().onInstance("Patient/" + woman).named("$everything").withNoParameters(Parameters.class)
                .returnResourceType(Bundle.class).execute();
        assertThat(all.getEntry().stream().filter(e -> e.getResource().fhirType().equals("EpisodeOfCare")).count()).isEqualTo(2);
        List<String> audited = jdbc.sql("""
                select entity_id from audit_event where action = 'READ' and entity_type = 'Pregnancy' and person_id = ?::uuid
                   and outcome = 'ALLOWED' and username like 'token:%'""").param(woman).query(String.class).list();
        assertThat(audited).containsExactlyInAnyOrder(first.text("/id"), second.text("/id"));
    }

    @Test
    @DisplayName("§7: a child's growth as Observations — weight 29463-7, length 8302-2, head circumference 9843-4 — with z-scores")
    void childGrowth() {
        record Visit(UUID childId, String code) {}
        var doctor = signIn("cqfy-doctor");
        LocalDate birth = LocalDate.now(ChinaTime.ZONE).minusDays(200);
        Map<String, Object> child = new java.util.HashMap<>(Map.of("familyName", "周", "givenName", "小雨", "sex", "F",
                "birthDate", birth.toString(), "idType", "RESIDENT_ID", "addressAreaCode", "500112",
                "idNumber", cn.fuyou.registry.ResidentIdNumber.compose("500112", birth, new java.util.Random().nextInt(400) * 2)));
        var person = doctor.post("/api/persons", child);
        assertThat(person.status()).as(person.toString()).isEqualTo(201);
        UUID childId = UUID.fromString(person.text("/id"));
        assertThat(doctor.post("/api/children", Map.of("childId", childId, "birthGaDays", 280, "birthWeightG", 3300)).status()).isEqualTo(201);
        // A girl at 6 months at the WHO medians: 7.3 kg, 65.7 cm, head circumference 42.2 cm.
        var visit = doctor.post("/api/children/" + childId + "/visits", Map.of("visitDate", birth.plusDays(183).toString(),
                "weightKg", 7.3, "lengthCm", 65.7, "measurement", "RECUMBENT", "headCircumferenceCm", 42.2));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        Visit v = new Visit(childId, "CQHCWC");
        IGenericClient c = client(v.code());
        Bundle weights = c.search().forResource(Observation.class).where(new ReferenceClientParam("patient").hasId(v.childId().toString()))
                .and(new TokenClientParam("code").exactly().systemAndCode(FhirCodes.LOINC, "29463-7")).returnBundle(Bundle.class).execute();
        assertThat(weights.getEntry()).isNotEmpty();
        Observation w = (Observation) weights.getEntryFirstRep().getResource();
        assertThat(w.getComponent()).anySatisfy(comp -> {
            assertThat(comp.getCode().getCodingFirstRep().getCode()).isEqualTo("WAZ");
            assertThat(comp.getValueQuantity().getValue()).isNotNull();
        });
        for (String loinc : List.of("8302-2", "9843-4")) {
            Bundle found = c.search().forResource(Observation.class).where(new ReferenceClientParam("patient").hasId(v.childId().toString()))
                    .and(new TokenClientParam("code").exactly().code(loinc)).returnBundle(Bundle.class).execute();
            assertThat(found.getEntry()).as(loinc).isNotEmpty();
            assertThat(((Observation) found.getEntryFirstRep().getResource()).getComponent()).as(loinc + " z-score").isNotEmpty();
        }
        Observation read = c.read().resource(Observation.class).withId(w.getIdElement().getIdPart()).execute();
        assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo(w.getValueQuantity().getValue());
    }

    /** Makes a referral for a woman through the API. */
    static final class ApiClientHelper {
        static void referral(cn.fuyou.support.ApiClient doctor, String personId) {
            String pregnancyId = doctor.get("/api/pregnancies?womanId=" + personId).body().get(0).path("id").asText();
            doctor.post("/api/referrals", Map.of("personId", personId, "pregnancyId", pregnancyId, "kind", "MATERNAL", "urgency", "URGENT",
                    "toInstitutionCode", "CQMU-FH1", "reason", "会诊"));
        }
    }
}
