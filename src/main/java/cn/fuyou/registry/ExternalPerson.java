package cn.fuyou.registry;

import java.time.LocalDate;

/** A person received from another system without a Chinese document (identifier "system|value"). */
public record ExternalPerson(String identifier, String familyName, String givenName, String sex, LocalDate birthDate,
                             String phone, String addressAreaCode) {}
