package cn.fuyou.hospital;

import cn.fuyou.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ICD-10 codes as China's edition (GB/T 14396) writes them: a letter, two digits, optionally a dot
 * and one to four more characters (e.g. {@code P07.3}, {@code P22.0}, {@code Q21.1}). The code's
 * form is checked; its existence is the hospital's coder's responsibility.
 */
public final class Icd10 {

    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

    private Icd10() {}

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Normalised (trimmed, upper case) codes, or a 400 naming the offending list entry. */
    public static List<String> codes(List<String> raw, String field, boolean required) {
        if (raw == null || raw.isEmpty()) {
            if (required) throw ApiException.badField(field, "至少一个ICD-10诊断 / at least one ICD-10 diagnosis");
            return List.of();
        }
        if (raw.size() > 20) throw ApiException.badField(field, "最多20个诊断 / at most 20 diagnoses");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String c = raw.get(i) == null ? null : raw.get(i).strip().toUpperCase(Locale.ROOT);
            if (!valid(c)) throw ApiException.badField(field + "[" + i + "]", "不是ICD-10编码 / not an ICD-10 code: " + raw.get(i));
            if (!out.contains(c)) out.add(c);
        }
        return out;
    }
}
