package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import cn.fuyou.defects.PrenatalScreens;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * DiagnosticReport: prenatal screening results (issue 17) received from laboratories ({@code POST
 * /fhir/DiagnosticReport}, see {@link DiagnosticReportTranslator}) and read back; other reports stay
 * as received (read and searched like every received clinical resource).
 */
@Component
public class DiagnosticReportProvider implements IResourceProvider {

    private final PrenatalScreens screens;
    private final PersonRecords records;
    private final ReceivedResources received;

    DiagnosticReportProvider(PrenatalScreens screens, PersonRecords records, ReceivedResources received) {
        this.screens = screens;
        this.records = records;
        this.received = received;
    }

    @Override
    public Class<DiagnosticReport> getResourceType() {
        return DiagnosticReport.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam DiagnosticReport report) {
        if (!DiagnosticReportTranslator.isPrenatalScreen(report)) {
            throw new InvalidRequestException("DiagnosticReport.code: only prenatal screening reports (" + DiagnosticReportTranslator.KIND
                    + ") are created here; send other reports in a transaction Bundle");
        }
        if (!report.hasSubject() || !report.getSubject().getReference().startsWith("Patient/")) {
            throw new InvalidRequestException("DiagnosticReport.subject must reference a Patient");
        }
        UUID woman = PatientProvider.uuid(new IdType(report.getSubject().getReference()));
        PrenatalScreens.ScreenView stored = screens.receive(DiagnosticReportTranslator.toForm(report, woman));
        MethodOutcome out = new MethodOutcome(new IdType("DiagnosticReport", stored.id().toString()), true);
        out.setResource(DiagnosticReportTranslator.toFhir(stored));
        return out;
    }

    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        if (!DerivedIds.isUuid(id.getIdPart())) throw new ResourceNotFoundException(id);
        UUID uuid = UUID.fromString(id.getIdPart());
        if (received.personOf("DiagnosticReport", uuid).isPresent()) return Received.read(received, records, "DiagnosticReport", id, null);
        try {
            return DiagnosticReportTranslator.toFhir(screens.open(uuid));
        } catch (cn.fuyou.shared.ApiException e) {
            if (e.status().value() == 404) throw new ResourceNotFoundException(id);
            throw e;
        }
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = DiagnosticReport.SP_CODE) TokenOrListParam code,
                                  @OptionalParam(name = DiagnosticReport.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, code, date, lastUpdated);
        records.open(q.person());
        List<DiagnosticReport> derived = screens.forWoman(q.person()).stream().map(DiagnosticReportTranslator::toFhir)
                .filter(r -> q.matches(r, r.getCode().getCoding(), r.getEffectiveDateTimeType().getValue())).toList();
        return new SearchResults(derived, received.find("DiagnosticReport", q.person(), code, date, lastUpdated));
    }
}
