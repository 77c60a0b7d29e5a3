package cn.fuyou.maternal.rules;

import cn.fuyou.shared.InvalidFieldException;

/** §1: an unknown factor code is an error naming the code (and where it was given), never silently ignored. */
public class UnknownFactorException extends InvalidFieldException {

    private final String code;

    public UnknownFactorException(String code) {
        this(code, "factors");
    }

    public UnknownFactorException(String code, String field) {
        super(field, "未知的风险因素代码 " + code + " / unknown risk factor code: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
