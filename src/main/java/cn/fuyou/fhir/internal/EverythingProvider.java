package cn.fuyou.fhir.internal;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.registry.PersonDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Patient/$everything: her record and everything fuyou holds about her — what it derives from its
 * modules and every resource kept as received — as a searchset paged by _count with next links.
 */
@Component
public class EverythingProvider {

    private final PersonRecords records;
    private final ReceivedResources received;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    EverythingProvider(PersonRecords records, ReceivedResources received, org.springframework.transaction.support.TransactionTemplate tx) {
        this.records = records;
        this.received = received;
        this.tx = tx;
    }

    @Operation(name = "$everything", idempotent = true, type = Patient.class, bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(@IdParam IdType id, @OperationParam(name = "_count") IntegerType count) {
        // One transaction for the whole read: its audit rows are committed once, not once per module read.
        return tx.execute(s -> read(PatientProvider.uuid(id)));
    }

    private IBundleProvider read(UUID person) {
        PersonDetail p = records.open(person);
        List<Resource> all = new ArrayList<>();
        all.add(PatientTranslator.toFhir(p));
        all.addAll(RelatedPersonTranslator.toFhir(p));
        for (PregnancyRecord r : records.pregnancies(person)) {
            all.add(EpisodeOfCareTranslator.toFhir(r));
            all.addAll(EncounterTranslator.toFhir(r));
            all.addAll(ObservationTranslator.contacts(r));
            r.gradings().forEach(g -> all.add(RiskAssessmentTranslator.toFhir(r, g)));
        }
        records.child(person).ifPresent(c -> all.addAll(ObservationTranslator.growth(c)));
        records.referrals(person).forEach(r -> all.add(ServiceRequestTranslator.toFhir(r)));
        return new SearchResults(all, received.find(null, person, null, null, null));
    }
}
