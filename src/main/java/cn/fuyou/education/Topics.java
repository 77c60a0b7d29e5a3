package cn.fuyou.education;

import java.util.List;

/** The topics an item is tagged with (codes; the UI shows their names). */
public final class Topics {

    public static final List<String> ALL = List.of("ANTENATAL_CARE", "NUTRITION", "DANGER_SIGNS", "BIRTH_DEFECTS", "PMTCT",
            "CHILDBIRTH", "POSTPARTUM", "BREASTFEEDING", "NEWBORN_CARE", "GROWTH_DEVELOPMENT", "IMMUNIZATION", "SAFETY",
            "MENTAL_HEALTH");

    public static final List<String> KINDS = List.of("ARTICLE", "HANDBOOK", "VIDEO");

    public static final List<String> LANGUAGES = List.of("zh-CN", "en");

    private Topics() {}
}
