package cn.fuyou.hospital;

import cn.fuyou.registry.PersonDetail;
import java.util.Locale;
import java.util.Set;

/** A child identified by a foreign passport (issue 11 §4): such children go to the hospital designated for foreign nationals. */
public final class ForeignNational {

    private static final Set<String> CHINESE = Set.of("CN", "CHN", "CHINA", "中国", "中华人民共和国");

    private ForeignNational() {}

    public static boolean is(PersonDetail p) {
        if (!"PASSPORT".equals(p.idType())) return false;
        String n = p.nationality() == null ? "" : p.nationality().strip().toUpperCase(Locale.ROOT);
        return !CHINESE.contains(n);
    }
}
