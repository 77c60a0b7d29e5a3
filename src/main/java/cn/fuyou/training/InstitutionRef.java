package cn.fuyou.training;

import cn.fuyou.registry.Institution;

/** An institution as training's views show it: by name, with its area by name. */
public record InstitutionRef(String code, String nameZh, String nameEn, String areaCode, String areaNameZh, String areaNameEn) {

    public static InstitutionRef of(Institution i) {
        return i == null ? null : new InstitutionRef(i.code(), i.nameZh(), i.nameEn(), i.areaCode(), i.areaNameZh(), i.areaNameEn());
    }
}
