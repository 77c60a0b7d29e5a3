package cn.fuyou.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person's identity record with family links. */
public record PersonDetail(UUID id, String familyName, String givenName, String fullName, String sex, LocalDate birthDate,
                           String idType, String idNumber, String nationality, String phone, String addressAreaCode,
                           String addressText, InstitutionRef registeredInstitution, List<Link> links, UUID mergedInto,
                           boolean voided, String voidReason, long version, OffsetDateTime createdAt, String createdBy,
                           OffsetDateTime changedAt, String changedBy) {

    public record InstitutionRef(String code, String nameZh, String nameEn) {}

    public record Link(String kind, UUID personId, String fullName, LocalDate birthDate, String sex) {}
}
