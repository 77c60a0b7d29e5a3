package cn.fuyou.maternal;

import java.time.LocalDate;
import java.util.UUID;

/** Published when a pregnancy ends without a delivery (miscarriage, termination, ectopic, stillbirth, death, transfer out). */
public record PregnancyEnded(UUID pregnancyId, UUID womanId, String outcome, LocalDate on) {}
