package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.network.Referrals;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/** A referral → ServiceRequest: requester and performer institutions, priority from the urgency, state mapped to status. */
public final class ServiceRequestTranslator {

    private ServiceRequestTranslator() {}

    public static ServiceRequest toFhir(Referrals.ReferralView r) {
        ServiceRequest s = new ServiceRequest();
        s.setId(r.id().toString());
        s.getMeta().setVersionId(Long.toString(r.version()));
        var changed = r.transitions().isEmpty() ? r.createdAt() : r.transitions().get(r.transitions().size() - 1).at();
        if (changed != null) s.getMeta().setLastUpdated(Date.from(changed.toInstant()));
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
        s.setAuthoredOn(Date.from(r.createdAt().toInstant()));
        s.addReasonCode().setText(r.reason());
        if (r.summary() != null) s.addNote().setText(r.summary());
        if (r.outcome() != null) s.addNote().setText("outcome: " + r.outcome());
        if (r.backReferralPlan() != null) s.addNote().setText("back-referral plan: " + r.backReferralPlan());
        return s;
    }
}
