package cn.fuyou.maternal.rules;

/** The names of §1 factor codes in Chinese and English (from the message bundles); a code without a name shows as itself. */
public interface FactorNames {

    String zh(String code);

    String en(String code);

    /** Codes only (pure tests, benchmarks). */
    FactorNames CODES = new FactorNames() {
        @Override public String zh(String code) { return code; }
        @Override public String en(String code) { return code; }
    };
}
