package cn.fuyou.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A search hit. {@code restricted} marks an exact ID-number match the user may not open yet:
 * the name is masked and only break-the-glass opens it.
 */
public record PersonSummary(UUID id, String fullName, String sex, LocalDate birthDate, String idType, String idNumber,
                            String phone, String addressAreaCode, String registeredInstitutionCode, boolean restricted) {}
