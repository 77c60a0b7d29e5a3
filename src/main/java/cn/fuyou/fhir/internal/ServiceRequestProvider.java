package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** ServiceRequest: referrals (readable by the two institutions of the referral), and ServiceRequests kept as received. */
@Component
public class ServiceRequestProvider implements IResourceProvider {

    private final PersonRecords records;
    private final ReceivedResources received;

    ServiceRequestProvider(PersonRecords records, ReceivedResources received) {
        this.records = records;
        this.received = received;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        if (!DerivedIds.isUuid(id.getIdPart())) throw new ResourceNotFoundException(id);
        UUID uuid = UUID.fromString(id.getIdPart());
        if (received.personOf("ServiceRequest", uuid).isPresent()) return Received.read(received, records, "ServiceRequest", id, null);
        try {
            return ServiceRequestTranslator.toFhir(records.referral(uuid));
        } catch (cn.fuyou.shared.ApiException e) {
            if (e.status().value() == 404) throw new ResourceNotFoundException(id);
            throw e;
        }
    }

    /** date = authored. */
    @Search
    public IBundleProvider search(@OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = ServiceRequest.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = ServiceRequest.SP_CODE) TokenOrListParam code,
                                  @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, code, authored, lastUpdated);
        records.open(q.person());
        List<ServiceRequest> derived = records.referrals(q.person()).stream().map(ServiceRequestTranslator::toFhir)
                .filter(s -> q.matches(s, s.getCode().getCoding(), s.getAuthoredOn())).toList();
        return new SearchResults(derived, received.find("ServiceRequest", q.person(), code, authored, lastUpdated));
    }
}
