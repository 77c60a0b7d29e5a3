package cn.fuyou.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An institution of the network as the API shows it. */
public record Institution(UUID id, String code, String nameZh, String nameEn, String areaCode, String areaNameZh,
                          String areaNameEn, String zoneCode, int level, InstitutionType type,
                          List<Designation> designations, List<String> serviceAreas, Alliance alliance, long version) {

    /** Membership of the Chongqing MCH Specialty Alliance (重庆市妇幼专科联盟). */
    public record Alliance(String status, LocalDate joined, String agreement) {}
}
