package cn.fuyou.shared.web;

import cn.fuyou.shared.DatabaseFailure;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as RFC 9457 problem+json; bad input names its field and is never a 500. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ReaderText text;

    ApiErrors(ReaderText text) {
        this.text = text;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail pd = problem(e.status(), e.code(), text.of(e.getMessage(), e.args()), e.fieldErrors());
        e.properties().forEach(pd::setProperty);
        return ResponseEntity.status(e.status()).body(pd);
    }

    /** A pure rule refused one input (an unknown factor code, a CRL above 84 mm): 400 naming the field. */
    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return api(ApiException.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String msg = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-field", msg,
                List.of(new ApiException.FieldError(e.getName(), msg))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-field", summary(errors), errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this", List.of()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        log.info("duplicate key: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "duplicate", "A record with the same key already exists", List.of()));
    }

    /**
     * The database refused the values (no such referenced record, a value out of range, a NUL
     * character…): that is bad input, 400 — and the SQL and its message never leave the server.
     * The database unreachable (restarting, failing over): 503 with Retry-After, and the pool
     * reconnects by itself once it is back.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> database(org.springframework.dao.DataAccessException e) {
        DatabaseFailure f = DatabaseFailure.of(e);
        if (f == DatabaseFailure.UNAVAILABLE) {
            log.warn("database unavailable: {}", e.getMostSpecificCause().toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                            "数据库暂时不可用，请稍后重试 / the database is unavailable for a moment; retry shortly", List.of()));
        }
        if (f == DatabaseFailure.BAD_REFERENCE) {
            log.info("refused reference: {}", e.getMostSpecificCause().getMessage());
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "reference-not-found",
                    "引用的记录不存在 / a record the request refers to does not exist", List.of()));
        }
        if (f == DatabaseFailure.BAD_VALUE) {
            log.info("refused value: {}", e.getMostSpecificCause().getMessage());
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-value",
                    "请求中的值无法保存（超出范围、过长或含非法字符）/ a value is out of range, too long or has a forbidden character", List.of()));
        }
        if (e instanceof DuplicateKeyException d) return duplicate(d);
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailure.of(e) == DatabaseFailure.UNAVAILABLE) return database(new org.springframework.dao.DataAccessResourceFailureException("wrapped", e));
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Unexpected error; it has been logged", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new ApiException.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-field", summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiException.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-field", summary(errors), errors));
    }

    /** Unreadable JSON: name the field Jackson stopped at (e.g. a date that is not a date). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof ApiException api) {
            return ResponseEntity.status(api.status()).body(problem(api.status(), api.code(), text.of(api.getMessage(), api.args()), api.fieldErrors()));
        }
        if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            if (jme.getCause() instanceof ApiException api) {
                return ResponseEntity.status(api.status()).body(problem(api.status(), api.code(), text.of(api.getMessage(), api.args()), api.fieldErrors()));
            }
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String msg;
            if (cause instanceof UnrecognizedPropertyException) {
                msg = "unknown field " + field;
            } else if (cause instanceof InvalidFormatException ife) {
                msg = "'" + ife.getValue() + "' is not a valid " + ife.getTargetType().getSimpleName() + " for " + field;
            } else if (jme.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                msg = iae.getMessage();
            } else {
                msg = "invalid value for " + field;
            }
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-field", msg,
                    List.of(new ApiException.FieldError(field, msg))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable",
                "The request body is not valid JSON", List.of()));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getProperties() == null) {
            pd.setProperty("code", HttpStatus.valueOf(statusCode.value()).name().toLowerCase().replace('_', '-'));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Texts are bundle keys or literals; either way the reader gets them in her language. */
    ProblemDetail problem(HttpStatusCode status, String code, String detail, List<ApiException.FieldError> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, text.of(detail));
        pd.setType(URI.create("urn:fuyou:problem:" + code));
        pd.setProperty("code", code);
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", text.of(f.message(), f.args()))).toList());
        }
        return pd;
    }

    private String summary(List<ApiException.FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + text.of(f.message(), f.args())).collect(Collectors.joining("; "));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
