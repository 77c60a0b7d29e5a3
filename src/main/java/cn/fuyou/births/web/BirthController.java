package cn.fuyou.births.web;

import cn.fuyou.births.BirthCertificate;
import cn.fuyou.births.BirthCertificates;
import cn.fuyou.births.Births;
import cn.fuyou.births.CertificateForms;
import cn.fuyou.births.NewbornScreening;
import cn.fuyou.births.ScreeningForms;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A live birth: its certificate and its screening steps. */
@RestController
class BirthController {

    private final Births births;
    private final BirthCertificates certificates;
    private final NewbornScreening screening;

    BirthController(Births births, BirthCertificates certificates, NewbornScreening screening) {
        this.births = births;
        this.certificates = certificates;
        this.screening = screening;
    }

    @GetMapping("/api/births")
    PageResult<Births.Birth> list(@RequestParam(required = false) String q, @RequestParam(required = false) String certified,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return births.list(q, certified, PageRequest.of(page, size));
    }

    @GetMapping("/api/births/{childId}")
    Births.Birth open(@PathVariable UUID childId) {
        return births.open(childId);
    }

    @GetMapping("/api/births/{childId}/parents")
    Births.Parents parents(@PathVariable UUID childId) {
        births.open(childId);
        return births.parents(childId);
    }

    @GetMapping("/api/births/{childId}/certificates")
    List<BirthCertificate> certificates(@PathVariable UUID childId) {
        return certificates.ofChild(childId);
    }

    @PostMapping("/api/births/{childId}/certificate")
    @ResponseStatus(HttpStatus.CREATED)
    BirthCertificate issue(@PathVariable UUID childId, @Valid @RequestBody CertificateForms.Issue f) {
        return certificates.issue(childId, f);
    }

    @GetMapping("/api/births/{childId}/screening")
    NewbornScreening.ChildScreening screening(@PathVariable UUID childId) {
        return screening.ofChild(childId);
    }

    @PostMapping("/api/births/{childId}/blood-spots")
    @ResponseStatus(HttpStatus.CREATED)
    NewbornScreening.Sample bloodSpot(@PathVariable UUID childId, @Valid @RequestBody ScreeningForms.BloodSpot f) {
        return screening.collect(childId, f);
    }

    @PostMapping("/api/births/{childId}/hearing")
    @ResponseStatus(HttpStatus.CREATED)
    NewbornScreening.HearingRow hearing(@PathVariable UUID childId, @Valid @RequestBody ScreeningForms.Hearing f) {
        return screening.recordHearing(childId, f);
    }

    @PostMapping("/api/births/{childId}/chd")
    @ResponseStatus(HttpStatus.CREATED)
    NewbornScreening.ChdRow chd(@PathVariable UUID childId, @Valid @RequestBody ScreeningForms.Chd f) {
        return screening.recordChd(childId, f);
    }
}
