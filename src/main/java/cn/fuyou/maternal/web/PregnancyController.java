package cn.fuyou.maternal.web;

import cn.fuyou.maternal.AntenatalCare;
import cn.fuyou.maternal.ContactForm;
import cn.fuyou.maternal.Deliveries;
import cn.fuyou.maternal.DeliveryForm;
import cn.fuyou.maternal.Pmtct;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.maternal.RiskAssessments;
import cn.fuyou.maternal.rules.RiskColour;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The pregnancy record: registration, contacts, gradings, delivery, postpartum and PMTCT. */
@RestController
class PregnancyController {

    private final Pregnancies pregnancies;
    private final AntenatalCare care;
    private final RiskAssessments risk;
    private final Deliveries deliveries;
    private final Pmtct pmtct;

    PregnancyController(Pregnancies pregnancies, AntenatalCare care, RiskAssessments risk, Deliveries deliveries, Pmtct pmtct) {
        this.pregnancies = pregnancies;
        this.care = care;
        this.risk = risk;
        this.deliveries = deliveries;
        this.pmtct = pmtct;
    }

    @PostMapping("/api/pregnancies")
    @ResponseStatus(HttpStatus.CREATED)
    PregnancyRecord register(@Valid @RequestBody PregnancyRegistration r) {
        return pregnancies.register(r);
    }

    @GetMapping("/api/pregnancies/{id}")
    PregnancyRecord open(@PathVariable UUID id) {
        return pregnancies.open(id);
    }

    @GetMapping("/api/pregnancies")
    List<Pregnancies.PregnancySummary> forWoman(@RequestParam UUID womanId) {
        return pregnancies.forWoman(womanId);
    }

    @PostMapping("/api/pregnancies/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    PregnancyRecord contact(@PathVariable UUID id, @Valid @RequestBody ContactForm f) {
        return care.recordContact(id, f);
    }

    record EndRequest(String outcome, LocalDate outcomeDate, Long version) {}

    @PostMapping("/api/pregnancies/{id}/end")
    PregnancyRecord end(@PathVariable UUID id, @RequestBody EndRequest r) {
        if (r.version() == null) throw cn.fuyou.shared.ApiException.badField("version", "版本号必填 / version is required");
        return pregnancies.end(id, r.outcome(), r.outcomeDate(), r.version());
    }

    record Confirmation(RiskColour colour, String reason) {}

    @PostMapping("/api/gradings/{id}/confirm")
    ResponseEntity<Void> confirm(@PathVariable UUID id, @RequestBody Confirmation c) {
        risk.confirm(id, c.colour(), c.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/pregnancies/{id}/delivery")
    @ResponseStatus(HttpStatus.CREATED)
    PregnancyRecord delivery(@PathVariable UUID id, @Valid @RequestBody DeliveryForm f) {
        return deliveries.record(id, f);
    }

    @PostMapping("/api/pregnancies/{id}/postpartum-visits")
    @ResponseStatus(HttpStatus.CREATED)
    PregnancyRecord postpartum(@PathVariable UUID id, @Valid @RequestBody Deliveries.PostpartumForm f) {
        return deliveries.recordPostpartum(id, f);
    }

    @PutMapping("/api/pmtct-cases/{id}")
    ResponseEntity<Void> treatment(@PathVariable UUID id, @Valid @RequestBody Pmtct.Treatment t) {
        pmtct.updateTreatment(id, t);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/pmtct-items/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable UUID id, @Valid @RequestBody Pmtct.ItemResult r) {
        pmtct.completeItem(id, r);
        return ResponseEntity.noContent().build();
    }
}
