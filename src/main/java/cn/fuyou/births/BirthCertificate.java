package cn.fuyou.births;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One issued birth medical certificate (出生医学证明) with everything printed on it. */
public record BirthCertificate(UUID id, String number, UUID childId, String institutionCode, String institutionNameZh,
                               String institutionNameEn, String kind, String reason, String status, String statusReason,
                               UUID replacesId, String childName, String sex, OffsetDateTime bornAt, String birthPlace, int gaDays,
                               int weightG, BigDecimal lengthCm, String motherName, String motherNationality, String motherEthnicity,
                               String motherIdType, String motherIdNumber, String fatherName, String fatherNationality,
                               String fatherEthnicity, String fatherIdType, String fatherIdNumber, OffsetDateTime issuedAt,
                               String issuedBy, long version) {}
