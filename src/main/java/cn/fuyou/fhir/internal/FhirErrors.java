package cn.fuyou.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome;

/** fuyou's refusals leave the FHIR server as OperationOutcomes with the matching HTTP status, naming the field. */
@Interceptor
public class FhirErrors {

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException map(RequestDetails request, Throwable error, HttpServletRequest servlet) {
        Throwable t = error;
        while (t != null && !(t instanceof ApiException) && !(t instanceof InvalidFieldException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof InvalidFieldException invalid) t = ApiException.of(invalid);
        if (!(t instanceof ApiException api)) return error instanceof BaseServerResponseException b ? b : null;
        OperationOutcome oo = outcome(api);
        BaseServerResponseException mapped = switch (api.status().value()) {
            case 401 -> new AuthenticationException(api.getMessage());
            case 403 -> new ForbiddenOperationException(api.getMessage(), oo);
            case 404 -> new ResourceNotFoundException(api.getMessage());
            case 409 -> new ResourceVersionConflictException(api.getMessage(), oo);
            default -> new InvalidRequestException(api.getMessage(), oo);
        };
        mapped.setOperationOutcome(oo);
        return mapped;
    }

    public static OperationOutcome outcome(ApiException api) {
        OperationOutcome oo = new OperationOutcome();
        if (api.fieldErrors().isEmpty()) {
            oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics(api.getMessage());
        }
        api.fieldErrors().forEach(f -> oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID).setDiagnostics(f.message()).addExpression(f.field()));
        return oo;
    }
}
