package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * A clinical resource type fuyou keeps only as received (Procedure, Immunization, DiagnosticReport,
 * DocumentReference, Medication*, AllergyIntolerance, CarePlan, CareTeam, ImagingStudy, Device, …):
 * read, and search by patient or subject, code, date and _lastUpdated. One instance per type.
 */
public class ReceivedResourceProvider implements IResourceProvider {

    private final FhirContext fhir;
    private final String typeName;
    private final PersonRecords records;
    private final ReceivedResources received;
    private volatile Class<? extends IBaseResource> type;

    ReceivedResourceProvider(FhirContext fhir, String typeName, PersonRecords records, ReceivedResources received) {
        this.fhir = fhir;
        this.typeName = typeName;
        this.records = records;
        this.received = received;
    }

    /** Looked up in HAPI's model when the FHIR servlet initialises (after start), not when the provider is made. */
    @Override
    public Class<? extends IBaseResource> getResourceType() {
        Class<? extends IBaseResource> t = type;
        if (t == null) type = t = fhir.getResourceDefinition(typeName).getImplementingClass();
        return t;
    }

    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        return Received.read(received, records, typeName, id, null);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
                                  @OptionalParam(name = "subject") ReferenceParam subject,
                                  @OptionalParam(name = "code") TokenOrListParam code,
                                  @OptionalParam(name = "date") DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, code, date, lastUpdated);
        records.open(q.person());
        return new SearchResults(List.of(), received.find(typeName, q.person(), code, date, lastUpdated));
    }
}
