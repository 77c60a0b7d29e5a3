package cn.fuyou.fhir;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import cn.fuyou.defects.DefectsApiTest;
import cn.fuyou.fhir.internal.DiagnosticReportTranslator;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.FhirIntegrationTest;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 17 §1 — a laboratory's DiagnosticReport + Observations received over FHIR becomes a classified screen (clinical-rules.md §7). */
class DiagnosticReportFhirTest extends FhirIntegrationTest {



    private static Observation obs(String id, String code) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(DiagnosticReportTranslator.MARKER, code, null)));
        return o;
    }

    @Test
    @DisplayName("§7: POST DiagnosticReport (triple test, T21 1:300, AFP 2.6 MoM) → INTERMEDIATE T21, HIGH ONTD → band HIGH, follow-up opened; read back")
    void receiveTripleTest() {
        ApiClient doc = signIn("cqfy-doctor");
        String w = DefectsApiTest.woman(doc, "接收", LocalDate.of(1991, 1, 1), "500112");
        DefectsApiTest.pregnancy(doc, w, 120);
        DiagnosticReport r = new DiagnosticReport();
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.setCode(new CodeableConcept(new Coding(DiagnosticReportTranslator.KIND, "SECOND_TRIMESTER_TRIPLE", null)));
        r.setSubject(new Reference("Patient/" + w));
        r.setEffective(new DateTimeType(java.sql.Date.valueOf(LocalDate.now(ChinaTime.ZONE).minusDays(3))));
        r.setIssued(new Date());
        r.addIdentifier(new Identifier().setSystem(DiagnosticReportTranslator.LAB_REPORT).setValue("LIS-" + UUID.randomUUID()));
        r.addPerformer(new Reference().setIdentifier(new Identifier().setSystem(FhirCodes.INSTITUTION).setValue("CQHCWC")));
        Observation t21 = obs("t21", "T21_ONE_IN");
        t21.setValue(new IntegerType(300));
        Observation afp = obs("afp", "AFP_MOM");
        afp.setValue(new Quantity().setValue(2.6).setSystem(FhirCodes.UCUM).setCode("1"));
        r.addContained(t21);
        r.addContained(afp);
        r.addResult(new Reference("#t21"));
        r.addResult(new Reference("#afp"));

        IGenericClient lab = client("LIS", "CQHCWC");
        var out = lab.create().resource(r).execute();
        assertThat(out.getCreated()).isTrue();
        String id = out.getId().getIdPart();
        var screen = doc.get("/api/defects/screens/" + id);
        assertThat(screen.text("/source")).isEqualTo("FHIR");
        assertThat(screen.text("/t21Band")).isEqualTo("INTERMEDIATE");
        assertThat(screen.text("/ontdBand")).isEqualTo("HIGH");
        assertThat(screen.text("/band")).isEqualTo("HIGH");
        assertThat(screen.body().hasNonNull("followUpId")).isTrue();

        DiagnosticReport back = lab.read().resource(DiagnosticReport.class).withId(id).execute();
        assertThat(back.getConclusionCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("HIGH");
        assertThat(back.getContained()).isNotEmpty();
        Bundle found = lab.search().forResource(DiagnosticReport.class).where(DiagnosticReport.SUBJECT.hasId("Patient/" + w))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);

        DiagnosticReport noRisk = r.copy();
        noRisk.getIdentifierFirstRep().setValue("LIS-" + UUID.randomUUID());
        noRisk.getContained().clear();
        noRisk.getResult().clear();
        assertThatThrownBy(() -> lab.create().resource(noRisk).execute()).isInstanceOfSatisfying(BaseServerResponseException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
}
