package cn.fuyou.art.web;

import cn.fuyou.art.Consents;
import cn.fuyou.art.Couples;
import cn.fuyou.art.CycleRecord;
import cn.fuyou.art.CycleStarts;
import cn.fuyou.art.SemenAnalysis;
import cn.fuyou.art.Workstation;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The couple record, its consents, starting a cycle, and the remote infertility workstation. */
@RestController
class CoupleController {

    private final Couples couples;
    private final Consents consents;
    private final CycleStarts starts;
    private final Workstation workstation;
    private final SemenAnalysis semen;

    CoupleController(Couples couples, Consents consents, CycleStarts starts, Workstation workstation, SemenAnalysis semen) {
        this.couples = couples;
        this.consents = consents;
        this.starts = starts;
        this.workstation = workstation;
        this.semen = semen;
    }

    @GetMapping("/api/art/couples")
    PageResult<Couples.CoupleListItem> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return couples.list(q, PageRequest.of(page, size));
    }

    @PostMapping("/api/art/couples")
    @ResponseStatus(HttpStatus.CREATED)
    Couples.CoupleRecord register(@Valid @RequestBody Couples.CoupleForm f) {
        return couples.register(f);
    }

    @GetMapping("/api/art/couples/{id}")
    Couples.CoupleRecord open(@PathVariable UUID id) {
        return couples.open(id);
    }

    @PutMapping("/api/art/couples/{id}")
    Couples.CoupleRecord update(@PathVariable UUID id, @Valid @RequestBody Couples.CoupleForm f) {
        return couples.update(id, f);
    }

    /** Codes and the WHO 2021 limits the couple form needs. */
    @GetMapping("/api/art/reference")
    Map<String, Object> reference() {
        return Map.of("femaleFactors", sorted(Couples.FEMALE_FACTORS), "maleFactors", sorted(Couples.MALE_FACTORS),
                "indications", sorted(Couples.INDICATIONS), "consentKinds", Consents.KINDS, "protocols", CycleStarts.PROTOCOLS,
                "semenRules", semen.rules());
    }

    private static List<String> sorted(java.util.Collection<String> c) {
        return c.stream().sorted().toList();
    }

    @PostMapping(path = "/api/art/couples/{id}/consents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Couples.Consent consent(@PathVariable UUID id, @RequestParam(required = false) String kind,
                            @RequestParam(required = false) LocalDate signedOn, @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null) throw ApiException.badField("file", "art.consent.file-required");
        return consents.upload(id, kind, signedOn, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/api/art/consents/{id}/file")
    ResponseEntity<byte[]> consentFile(@PathVariable UUID id) {
        Consents.File f = consents.file(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(f.content());
    }

    @PostMapping("/api/art/couples/{id}/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    CycleRecord start(@PathVariable UUID id, @Valid @RequestBody CycleStarts.StartForm f) {
        return starts.start(id, f);
    }

    // ---- remote infertility workstation

    @PostMapping("/api/art/couples/{id}/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    Workstation.CaseView consult(@PathVariable UUID id, @Valid @RequestBody Workstation.AskForm f) {
        return workstation.ask(id, f);
    }

    @GetMapping("/api/art/workstation/cases")
    PageResult<Workstation.CaseListItem> cases(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return workstation.cases(q, PageRequest.of(page, size));
    }

    @GetMapping("/api/art/workstation/cases/{id}")
    Workstation.CaseView caseView(@PathVariable UUID id) {
        return workstation.open(id);
    }

    @PostMapping("/api/art/workstation/cases/{id}/opinion")
    Workstation.CaseView opinion(@PathVariable UUID id, @Valid @RequestBody Workstation.OpinionForm f) {
        return workstation.opinion(id, f);
    }

    @PostMapping("/api/art/workstation/cases/{id}/referral")
    Workstation.CaseView refer(@PathVariable UUID id, @Valid @RequestBody Workstation.ReferForm f) {
        return workstation.refer(id, f);
    }

    @GetMapping("/api/art/workstation/activity")
    List<Workstation.MemberActivity> activity() {
        return workstation.activity();
    }
}
