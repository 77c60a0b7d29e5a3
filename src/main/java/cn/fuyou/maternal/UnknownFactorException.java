package cn.fuyou.maternal;

/** §1: an unknown factor code is an error naming the code, never silently ignored. */
public class UnknownFactorException extends IllegalArgumentException {

    private final String code;

    public UnknownFactorException(String code) {
        super("未知的风险因素代码 / unknown risk factor code: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
