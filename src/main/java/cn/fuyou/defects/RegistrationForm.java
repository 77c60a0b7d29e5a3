package cn.fuyou.defects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A birth defect registered by the delivering (or terminating) hospital (issue 17 §4).
 *
 * @param childId        the baby's record when born alive (goes on the high-risk infant list)
 * @param followUpId     the screening follow-up this case came from, if any (closed with the outcome)
 * @param diagnosisBasis CLINICAL, ULTRASOUND, AUTOPSY, BIOCHEMISTRY, CHROMOSOME, OTHER
 * @param prenatal       diagnosed before birth
 */
public record RegistrationForm(@NotNull UUID motherId, UUID pregnancyId, UUID childId, UUID followUpId, @NotNull LocalDate eventDate,
                               @NotNull Integer gestationalWeeks, Integer weightG, String sex, @NotNull String outcome,
                               @NotNull LocalDate diagnosedOn, @NotNull @Size(min = 1, max = 6) List<String> diagnosisBasis,
                               @NotNull Boolean prenatal, Boolean multipleBirth, @Size(max = 2000) String note,
                               @NotNull @Size(min = 1, max = 12) List<@Valid Item> items) {

    public record Item(String category, @Size(max = 10) String icd10, String side, @Size(max = 500) String description) {}
}
