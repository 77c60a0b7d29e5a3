package cn.fuyou.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the API reports as RFC 9457 problem+json. {@code code} is a stable machine
 * key (the UI translates it); {@code fieldErrors} name the offending request fields.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> properties;
    private final Object[] args;

    public ApiException(HttpStatus status, String code, String message,
                        List<FieldError> fieldErrors, Map<String, Object> properties) {
        this(status, code, message, fieldErrors, properties, new Object[0]);
    }

    /** {@code message} may be a message-bundle key; {@code args} fill its placeholders. */
    public ApiException(HttpStatus status, String code, String message,
                        List<FieldError> fieldErrors, Map<String, Object> properties, Object... args) {
        super(message);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.properties = Map.copyOf(properties);
        this.args = args == null ? new Object[0] : args.clone();
    }

    /**
     * 400 naming {@code field}. {@code message} is a message-bundle key (e.g.
     * {@code "art.cycle.retrieval-before-start"}, resolved by the reader's language with
     * {@code args}), or, in older code, literal text.
     */
    public static ApiException badField(String field, String message, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field", message,
                List.of(new FieldError(field, message, args)), Map.of(), args);
    }

    /** A rule's refusal of one input, as the API reports it. */
    public static ApiException of(InvalidFieldException e) {
        return badField(e.field(), e.getMessage(), e.args());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " not found", List.of(), Map.of());
    }

    public static ApiException forbidden(String message, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message, List.of(), Map.of(), args);
    }

    /** A write based on a version that is no longer current: never overwrite silently. */
    public static ApiException staleVersion(String what, Object id, long expected, long actual) {
        return new ApiException(HttpStatus.CONFLICT, "stale-version",
                what + " " + id + " was changed by someone else (your version " + expected + ", current " + actual + "); reload and retry",
                List.of(new FieldError("version", "stale version " + expected + ", current is " + actual)),
                Map.of("currentVersion", actual));
    }

    public static ApiException conflict(String code, String message, Map<String, Object> properties) {
        return new ApiException(HttpStatus.CONFLICT, code, message, List.of(), properties);
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
    public List<FieldError> fieldErrors() { return fieldErrors; }
    public Map<String, Object> properties() { return properties; }
    public Object[] args() { return args.clone(); }

    /** {@code message} may be a message-bundle key filled with {@code args}. */
    public record FieldError(String field, String message, Object[] args) {
        public FieldError(String field, String message) {
            this(field, message, new Object[0]);
        }
    }
}
