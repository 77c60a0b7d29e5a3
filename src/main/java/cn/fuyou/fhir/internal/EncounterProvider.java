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
import cn.fuyou.maternal.PregnancyRecord;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Encounter: antenatal contacts and deliveries from fuyou's record, and the Encounters kept as received. */
@Component
public class EncounterProvider implements IResourceProvider {

    private final PersonRecords records;
    private final ReceivedResources received;

    EncounterProvider(PersonRecords records, ReceivedResources received) {
        this.records = records;
        this.received = received;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        return Received.read(received, records, "Encounter", id, (owner, part) -> EncounterTranslator.toFhir(records.pregnancy(owner)));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Encounter.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = Encounter.SP_TYPE) TokenOrListParam type,
                                  @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, type, date, lastUpdated);
        records.open(q.person());
        List<Encounter> derived = new ArrayList<>();
        for (PregnancyRecord p : records.pregnancies(q.person())) derived.addAll(EncounterTranslator.toFhir(p));
        List<Encounter> matching = derived.stream().filter(e -> q.matches(e, e.getTypeFirstRep().getCoding(), e.getPeriod().getStart())).toList();
        return new SearchResults(matching, received.find(List.of("Encounter"), q.person(), type, date, lastUpdated), received);
    }
}
