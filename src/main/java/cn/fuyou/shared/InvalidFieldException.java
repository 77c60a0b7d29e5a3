package cn.fuyou.shared;

/**
 * A pure rule's refusal of one input, naming the input. Rule classes throw it without knowing
 * about HTTP; the error handler turns it into a 400 problem+json with that field (once, for all).
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
