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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FhirErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException map(RequestDetails request, Throwable error, HttpServletRequest servlet) {
        Throwable t = error;
        while (t != null && !(t instanceof ApiException) && !(t instanceof InvalidFieldException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof InvalidFieldException invalid) t = ApiException.of(invalid);
        Throwable root = error;
        while ((root instanceof java.lang.reflect.InvocationTargetException || root instanceof ca.uhn.fhir.rest.server.exceptions.InternalErrorException
                || root instanceof java.lang.reflect.UndeclaredThrowableException) && root.getCause() != null) root = root.getCause();
        if (!(t instanceof ApiException api)) return root instanceof BaseServerResponseException b && b != error ? unexpected(b) : unexpected(root);
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

    /**
     * Anything that is not fuyou's own refusal (issue 15 §3: never a 500 for bad input, never
     * exception text or SQL in the answer): the database refusing a value → 400, the database
     * away → 503, a malformed number or date in the request → 400, HAPI's own answers unchanged,
     * a genuine bug → 500 with a neutral text (details only in the log).
     */
    static BaseServerResponseException unexpected(Throwable error) {
        if (error instanceof BaseServerResponseException b && !(b instanceof ca.uhn.fhir.rest.server.exceptions.InternalErrorException)) return b;
        Throwable root = error;
        switch (cn.fuyou.shared.web.DatabaseFailure.of(root)) {
            case UNAVAILABLE -> {
                log.warn("FHIR: database unavailable: {}", root.toString());
                var e = new ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException(503,
                        "数据库暂时不可用，请稍后重试 / the database is unavailable for a moment; retry shortly") {};
                e.addResponseHeader("Retry-After", "5");
                return e;
            }
            case BAD_REFERENCE -> {
                return invalid("a record the request refers to does not exist / 引用的记录不存在");
            }
            case BAD_VALUE -> {
                return invalid("a value is out of range, too long or has a forbidden character / 值超出范围、过长或含非法字符");
            }
            default -> { }
        }
        if (root instanceof NumberFormatException || root instanceof java.time.DateTimeException
                || root instanceof ca.uhn.fhir.parser.DataFormatException) {
            log.info("FHIR: bad input: {}", root.toString());
            return invalid("a number, date or element of the request is malformed / 请求中的数字、日期或元素格式错误");
        }
        if (error instanceof BaseServerResponseException b && root == error) return neutral500(b);
        log.error("FHIR: unexpected error", root);
        return neutral500(null);
    }

    private static BaseServerResponseException invalid(String message) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID).setDiagnostics(message);
        var e = new InvalidRequestException(message, oo);
        e.setOperationOutcome(oo);
        return e;
    }

    private static BaseServerResponseException neutral500(BaseServerResponseException original) {
        if (original != null) log.error("FHIR: internal error", original);
        return new ca.uhn.fhir.rest.server.exceptions.InternalErrorException("Unexpected error; it has been logged / 服务器内部错误，已记录");
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
