package cn.fuyou.shared;

/**
 * A pure rule's refusal of one input, naming the input. Rule classes throw it without knowing
 * about HTTP; the error handler turns it into a 400 problem+json with that field (once, for all).
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final Object[] args;

    /** {@code message} is a message-bundle key (older rules: literal text); {@code args} fill its placeholders. */
    public InvalidFieldException(String field, String message, Object... args) {
        super(message);
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }
}
