package cn.fuyou.criticalcare;

import java.util.regex.Pattern;

/**
 * The WHO ICD-MM (2012) groups of the underlying cause of a maternal death, and whether each is a direct
 * or indirect obstetric death. Group 9 (coincidental) is not a maternal death (clinical-rules.md §6: "not
 * accidental") and is kept out of MMR.
 */
public enum IcdMmGroup {
    ABORTIVE_OUTCOME(1, Type.DIRECT, "妊娠伴流产结局", "Pregnancy with abortive outcome"),
    HYPERTENSIVE_DISORDERS(2, Type.DIRECT, "妊娠期高血压疾病", "Hypertensive disorders"),
    OBSTETRIC_HAEMORRHAGE(3, Type.DIRECT, "产科出血", "Obstetric haemorrhage"),
    PREGNANCY_RELATED_INFECTION(4, Type.DIRECT, "妊娠相关感染", "Pregnancy-related infection"),
    OTHER_OBSTETRIC_COMPLICATIONS(5, Type.DIRECT, "其他产科并发症", "Other obstetric complications"),
    MANAGEMENT_COMPLICATIONS(6, Type.DIRECT, "意外的处置并发症", "Unanticipated complications of management"),
    NON_OBSTETRIC_COMPLICATIONS(7, Type.INDIRECT, "非产科并发症", "Non-obstetric complications"),
    UNKNOWN(8, Type.UNSPECIFIED, "原因不明", "Unknown / undetermined"),
    COINCIDENTAL(9, Type.COINCIDENTAL, "偶然原因", "Coincidental causes");

    public enum Type { DIRECT, INDIRECT, UNSPECIFIED, COINCIDENTAL }

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?");

    private final int number;
    private final Type type;
    private final String nameZh;
    private final String nameEn;

    IcdMmGroup(int number, Type type, String nameZh, String nameEn) {
        this.number = number;
        this.type = type;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public int number() { return number; }
    public Type type() { return type; }
    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }

    /** Whether a death of this group counts as a maternal death (all but coincidental causes). */
    public boolean maternal() {
        return this != COINCIDENTAL;
    }

    public static boolean validIcd10(String code) {
        return code != null && ICD10.matcher(code).matches();
    }

    /** ICD-MM: the direct groups 1–6 are coded in ICD-10 chapter XV (O00–O95). */
    public boolean accepts(String icd10) {
        if (!validIcd10(icd10)) return false;
        if (type == Type.DIRECT) {
            if (icd10.charAt(0) != 'O') return false;
            int n = Integer.parseInt(icd10.substring(1, 3));
            return n <= 95;
        }
        return true;
    }
}
