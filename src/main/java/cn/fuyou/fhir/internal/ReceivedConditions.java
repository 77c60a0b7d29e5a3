package cn.fuyou.fhir.internal;

import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Conditions as received over FHIR (the codes untouched), once per person, code and onset. */
@Component
public class ReceivedConditions {

    private final JdbcClient jdbc;

    ReceivedConditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(UUID person, Condition c) {
        Coding code = c.getCode().getCodingFirstRep();
        jdbc.sql("""
                insert into received_condition (id, person_id, system, code, display, onset, abatement, clinical_status, source_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(UUID.randomUUID(), person, code.getSystem(), code.getCode(), code.getDisplay() != null ? code.getDisplay() : c.getCode().getText(),
                        c.hasOnsetDateTimeType() ? PatientTranslator.localDate(c.getOnsetDateTimeType()) : null,
                        c.hasAbatementDateTimeType() ? PatientTranslator.localDate(c.getAbatementDateTimeType()) : null,
                        c.getClinicalStatus().getCodingFirstRep().getCode(), c.getIdElement().getIdPart(), CurrentActor.get().username())
                .update();
    }

    public List<Condition> forPerson(UUID person) {
        return jdbc.sql("select * from received_condition where person_id = ? order by onset nulls last, created_at").param(person)
                .query((rs, n) -> {
                    Condition c = new Condition();
                    c.setId(rs.getObject("id", UUID.class).toString());
                    c.setSubject(new Reference("Patient/" + person));
                    c.setCode(new CodeableConcept(new Coding(rs.getString("system"), rs.getString("code"), rs.getString("display"))));
                    LocalDate onset = rs.getObject("onset", LocalDate.class);
                    LocalDate abatement = rs.getObject("abatement", LocalDate.class);
                    if (onset != null) c.setOnset(PatientTranslator.dateTimeType(onset));
                    if (abatement != null) c.setAbatement(PatientTranslator.dateTimeType(abatement));
                    String status = rs.getString("clinical_status");
                    c.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                            status != null ? status : abatement != null ? "resolved" : "active", null)));
                    return c;
                }).list();
    }
}
