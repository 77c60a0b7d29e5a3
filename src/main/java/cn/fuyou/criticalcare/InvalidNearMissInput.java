package cn.fuyou.criticalcare;

/** A checklist the policy refuses: an unknown finding code or an impossible measured value, naming the field. */
public class InvalidNearMissInput extends RuntimeException {

    private final String field;

    public InvalidNearMissInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
