package cn.fuyou.fhir;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.FhirIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 5 — Done when: a real FHIR client (HAPI IGenericClient) against /fhir; CDS Hooks 2.0. */
class FhirApiTest extends FhirIntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger(300);


    private IGenericClient cqhcwc;

    @BeforeEach
    void client() {
        cqhcwc = client("CQHCWC");
    }

    private static Patient chineseWoman(String family, String given) {
        LocalDate birth = LocalDate.of(1993, 2, 1).plusDays(SEQ.incrementAndGet());
        Patient p = new Patient();
        p.addIdentifier().setSystem(FhirCodes.RESIDENT_ID).setValue(ResidentIdNumber.compose("500105", birth, 2 * SEQ.incrementAndGet() % 1000));
        p.addName().setFamily(family).addGiven(given);
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birth.toString()));
        p.addAddress().setDistrict("500105");
        return p;
    }

    @Test
    @DisplayName("metadata is public and lists the resources")
    void metadata() {
        // The statement lists ~45 resource types (issue 16 §8: every clinical type kept as received); building it
        // the first time can take longer than the client's 10 s default on a loaded machine.
        CTX.getRestfulClientFactory().setSocketTimeout(120_000);
        IGenericClient anonymous = CTX.newRestfulGenericClient(fhirBase());
        CapabilityStatement cs = anonymous.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Organization", "EpisodeOfCare", "RiskAssessment", "Observation");
    }

    @Test
    @DisplayName("Patient: create, read, search by identifier and name, update with version; a stale version is 409")
    void patientCrud() {
        Patient p = chineseWoman("邱", "婉清");
        var created = cqhcwc.create().resource(p).execute();
        assertThat(created.getCreated()).isTrue();
        String id = created.getId().getIdPart();
        Patient read = cqhcwc.read().resource(Patient.class).withId(id).execute();
        assertThat(read.getNameFirstRep().getText()).isEqualTo("邱婉清");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(p.getIdentifierFirstRep().getValue());

        Bundle byId = cqhcwc.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(FhirCodes.RESIDENT_ID, p.getIdentifierFirstRep().getValue()))
                .returnBundle(Bundle.class).execute();
        assertThat(byId.getEntry()).hasSize(1);
        Bundle byName = cqhcwc.search().forResource(Patient.class).where(Patient.NAME.matches().value("邱婉")).returnBundle(Bundle.class).execute();
        assertThat(byName.getEntry()).isNotEmpty();

        read.getTelecomFirstRep().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("13912345678");
        read.setId(new IdType("Patient", id, "0"));
        var updated = cqhcwc.update().resource(read).execute();
        assertThat(updated.getId().getVersionIdPart()).isEqualTo("1");
        read.setId(new IdType("Patient", id, "0"));
        assertThatThrownBy(() -> cqhcwc.update().resource(read).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));

        var again = cqhcwc.create().resource(p).execute();
        assertThat(again.getId().getIdPart()).as("the same ID number is the same person").isEqualTo(id);
    }

    @Test
    @DisplayName("invalid resources get a 4xx OperationOutcome naming the problem")
    void invalid() {
        Patient p = chineseWoman("蒋", "月");
        p.getIdentifierFirstRep().setValue("500105199001010000");
        assertThatThrownBy(() -> cqhcwc.create().resource(p).execute()).isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
            assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("idNumber");
        });
    }

    @Test
    @DisplayName("search paging with _count")
    void paging() {
        for (int i = 0; i < 3; i++) cqhcwc.create().resource(chineseWoman("欧阳", "分页" + i)).execute();
        Bundle page1 = cqhcwc.search().forResource(Patient.class).where(Patient.NAME.matches().value("欧阳")).count(2)
                .returnBundle(Bundle.class).execute();
        assertThat(page1.getEntry()).hasSize(2);
        assertThat(page1.getLink(Bundle.LINK_NEXT)).isNotNull();
        Bundle page2 = cqhcwc.loadPage().next(page1).execute();
        assertThat(page2.getEntry()).isNotEmpty();
    }

    @Test
    @DisplayName("scoping holds over FHIR: another institution's token is refused (403)")
    void scoping() {
        String id = cqhcwc.create().resource(chineseWoman("彭", "静")).execute().getId().getIdPart();
        IGenericClient children = client("CQMU-CH");
        assertThatThrownBy(() -> children.read().resource(Patient.class).withId(id).execute()).isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    @DisplayName("Organization carries level and designations")
    void organization() {
        Organization o = cqhcwc.read().resource(Organization.class).withId("CQHCWC").execute();
        assertThat(o.getType()).anySatisfy(t -> assertThat(t.getCodingFirstRep().getCode()).isEqualTo("CRITICAL_MATERNAL_CARE_CENTRE"));
    }

    private static Bundle synthealike(String mrn, boolean broken) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient p = new Patient();
        p.addIdentifier().setSystem("https://github.com/synthetichealth/synthea").setValue(mrn);
        p.addName().setFamily("Lind").addGiven("Maria");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-06-01"));
        b.addEntry().setFullUrl("urn:uuid:" + mrn).setResource(p).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        Condition preg = new Condition();
        preg.setSubject(new Reference("urn:uuid:" + mrn));
        preg.setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "72892002", "Normal pregnancy")));
        preg.setOnset(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(100).toString()));
        b.addEntry().setFullUrl("urn:uuid:c-" + mrn).setResource(preg).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
        Observation hb = new Observation();
        hb.setStatus(Observation.ObservationStatus.FINAL);
        hb.setSubject(new Reference("urn:uuid:" + mrn));
        hb.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, "718-7", "Hemoglobin")));
        hb.setEffective(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(20).toString()));
        hb.setValue(new Quantity().setValue(new BigDecimal("5.5")).setUnit("g/dL"));
        b.addEntry().setFullUrl("urn:uuid:o-" + mrn).setResource(hb).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        if (broken) {
            Patient bad = new Patient();
            bad.addIdentifier().setSystem("urn:x").setValue("y");
            b.addEntry().setFullUrl("urn:uuid:bad").setResource(bad).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        }
        return b;
    }

    @Test
    @DisplayName("a transaction imports a woman, her pregnancy and Hb 5.5 g/dL (= 55 g/L): graded orange; re-import creates no duplicates")
    void transactionImport() {
        String mrn = "mrn-" + UUID.randomUUID();
        cqhcwc.transaction().withBundle(synthealike(mrn, false)).execute();
        Bundle found = cqhcwc.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("https://github.com/synthetichealth/synthea", mrn))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);
        String patient = found.getEntryFirstRep().getResource().getIdElement().getIdPart();
        Bundle episodes = cqhcwc.search().forResource(EpisodeOfCare.class).where(EpisodeOfCare.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute();
        assertThat(episodes.getEntry()).hasSize(1);
        Bundle risks = cqhcwc.search().forResource(RiskAssessment.class).where(RiskAssessment.SUBJECT.hasId(patient)).returnBundle(Bundle.class).execute();
        assertThat(risks.getEntry()).anySatisfy(e -> assertThat(((RiskAssessment) e.getResource()).getPredictionFirstRep().getOutcome()
                .getCodingFirstRep().getCode()).isEqualTo("ORANGE"));

        cqhcwc.transaction().withBundle(synthealike(mrn, false)).execute();
        assertThat(jdbc.sql("select count(*) from person where id_number = ?").param("https://github.com/synthetichealth/synthea|" + mrn)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(cqhcwc.search().forResource(EpisodeOfCare.class).where(EpisodeOfCare.PATIENT.hasId(patient)).returnBundle(Bundle.class)
                .execute().getEntry()).hasSize(1);
    }

    @Test
    @DisplayName("issue 16 §8: an imported pregnancy with contacts on three days is graded once (as of the last contact), not once per contact")
    void importGradesOncePerPregnancy() {
        String mrn = "mrn-" + UUID.randomUUID();
        Bundle b = synthealike(mrn, false);
        for (int days : new int[] {50, 35}) {
            Observation hb = new Observation();
            hb.setStatus(Observation.ObservationStatus.FINAL);
            hb.setSubject(new Reference("urn:uuid:" + mrn));
            hb.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, "718-7", "Hemoglobin")));
            hb.setEffective(new DateTimeType(LocalDate.now(ChinaTime.ZONE).minusDays(days).toString()));
            hb.setValue(new Quantity().setValue(new BigDecimal("12.5")).setUnit("g/dL"));
            b.addEntry().setFullUrl("urn:uuid:o" + days + "-" + mrn).setResource(hb).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        }
        cqhcwc.transaction().withBundle(b).execute();
        UUID pregnancy = jdbc.sql("""
                select p.id from pregnancy p join person w on w.id = p.woman_id where w.id_number = ?""")
                .param("https://github.com/synthetichealth/synthea|" + mrn).query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from antenatal_contact where pregnancy_id = ?").param(pregnancy).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from risk_grading where pregnancy_id = ?").param(pregnancy).query(Long.class).single()).isEqualTo(1);
        // The one grading is the last contact's: Hb 5.5 g/dL 20 days ago (the latest value) → orange.
        assertThat(jdbc.sql("select assessed_on from risk_grading where pregnancy_id = ?").param(pregnancy).query(LocalDate.class).single())
                .isEqualTo(LocalDate.now(ChinaTime.ZONE).minusDays(20));
        assertThat(jdbc.sql("select colour from pregnancy where id = ?").param(pregnancy).query(String.class).single()).isEqualTo("ORANGE");
    }

    @Test
    @DisplayName("issue 16: a received resource without a required element (Procedure.status, R4 1..1) is refused by HAPI's validator: 422 naming the element, nothing stored")
    void requiredElementsByValidator() {
        String mrn = "mrn-" + UUID.randomUUID();
        Bundle b = synthealike(mrn, false);
        org.hl7.fhir.r4.model.Procedure noStatus = new org.hl7.fhir.r4.model.Procedure();
        noStatus.setSubject(new Reference("urn:uuid:" + mrn));
        noStatus.setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "76601001", "Intramuscular injection")));
        b.addEntry().setFullUrl("urn:uuid:p-" + mrn).setResource(noStatus).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Procedure");
        CTX.getRestfulClientFactory().setSocketTimeout(120_000); // the validator's first use loads the R4 profiles: slow on a busy machine
        IGenericClient patient = client("CQHCWC");
        assertThatThrownBy(() -> patient.transaction().withBundle(b).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
                    assertThat(oo.getIssue()).anySatisfy(i -> {
                        assertThat(i.getExpression().get(0).getValue()).isEqualTo("Bundle.entry[3].resource.status");
                        assertThat(i.getDiagnostics()).contains("Procedure.status");
                    });
                });
        assertThat(jdbc.sql("select count(*) from person where id_number like ?").param("%" + mrn).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("a transaction that fails half-way leaves nothing")
    void allOrNothing() {
        String mrn = "mrn-" + UUID.randomUUID();
        assertThatThrownBy(() -> cqhcwc.transaction().withBundle(synthealike(mrn, true)).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(422));
        assertThat(jdbc.sql("select count(*) from person where id_number like ?").param("%" + mrn).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("CDS Hooks: discovery lists the services; patient-view with prefetch returns a card (warning for orange + purple)")
    void cdsHooks() {
        var discovery = anonymous().get("/cds-services");
        assertThat(discovery.body().at("/services").findValuesAsText("id")).contains("fuyou-pregnancy-risk", "fuyou-child-growth");
        Patient p = chineseWoman("韩", "雪");
        Bundle conditions = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        conditions.addEntry().setResource(new Condition().setCode(new CodeableConcept(new Coding(FhirCodes.ICD10, "O14.1", null))));
        conditions.addEntry().setResource(new Condition().setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, "86406008", null))));
        var parser = CTX.newJsonParser();
        String body = "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID() + "\",\"context\":{\"patientId\":\"x\",\"userId\":\"Practitioner/1\"},"
                + "\"prefetch\":{\"patient\":" + parser.encodeResourceToString(p) + ",\"conditions\":" + parser.encodeResourceToString(conditions) + "}}";
        var card = anonymous().postRaw("/cds-services/fuyou-pregnancy-risk", body);
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        assertThat(card.text("/cards/0/indicator")).isEqualTo("warning");
        assertThat(card.text("/cards/0/summary")).contains("橙色").contains("紫色");
    }

    @Test
    @DisplayName("$export (FHIR Bulk Data): 202 + Content-Location, a manifest, then NDJSON files of the institution's records")
    void bulkExport() throws Exception {
        UUID inst = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        String token = tx.execute(s -> tokens.issue("regional data centre", inst, StaffRole.SYSTEM_ADMIN, null)).token();
        var http = java.net.http.HttpClient.newHttpClient();
        var kick = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/fhir/$export?institution=CQHCWC"))
                .header("Authorization", "Bearer " + token).header("Prefer", "respond-async").header("Accept", "application/fhir+json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(kick.statusCode()).isEqualTo(202);
        String status = kick.headers().firstValue("Content-Location").orElseThrow();
        java.net.http.HttpResponse<String> manifest;
        int polls = 0;
        do {
            Thread.sleep(200);
            manifest = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(status)).header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } while (manifest.statusCode() == 202 && ++polls < 100);
        assertThat(manifest.statusCode()).isEqualTo(200);
        var m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.body());
        String patients = null;
        for (var o : m.path("output")) if (o.path("type").asText().equals("Patient")) patients = o.path("url").asText();
        var file = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(patients)).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String first = file.body().lines().findFirst().orElseThrow();
        assertThat(CTX.newJsonParser().parseResource(Patient.class, first).getIdentifier()).isNotEmpty();
        var noPrefer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/fhir/$export?institution=CQHCWC"))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(noPrefer.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("issue 5 §6: every factor the mapping table produces is a code of the active rule set")
    void mappingTable() {
        var rules = cn.fuyou.maternal.rules.RiskRuleSet.load("NHC-2017-CQ-1");
        Map<String, String> all = new java.util.HashMap<>(GradingInputMapping.SNOMED);
        all.putAll(GradingInputMapping.ICD10);
        all.values().stream().filter(v -> !v.equals(GradingInputMapping.PREGNANCY))
                .forEach(code -> assertThat(rules.knows(code)).as(code).isTrue());
        assertThat(GradingInputMapping.condition(FhirCodes.ICD10, "O14.1")).contains("SEVERE_PREECLAMPSIA");
        assertThat(GradingInputMapping.condition(FhirCodes.ICD10, "O14.0")).contains("HYPERTENSIVE_DISORDER");
        assertThat(GradingInputMapping.LOINC.get("718-7").convert(new BigDecimal("5.5"))).isEqualByComparingTo("55");
    }
}
