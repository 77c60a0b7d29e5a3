package cn.fuyou.training.web;

import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.Certificates;
import cn.fuyou.training.SkillAssessments;
import cn.fuyou.training.SkillChecklist;
import cn.fuyou.training.SkillChecklists;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/training")
class AssessmentController {

    private final SkillAssessments assessments;
    private final SkillChecklists checklists;
    private final Certificates certificates;

    AssessmentController(SkillAssessments assessments, SkillChecklists checklists, Certificates certificates) {
        this.assessments = assessments;
        this.checklists = checklists;
        this.certificates = certificates;
    }

    @GetMapping("/checklists")
    List<SkillChecklist> checklists() {
        return checklists.current();
    }

    @GetMapping("/rounds")
    PageResult<SkillAssessments.RoundRow> rounds(@RequestParam(required = false) String q, @RequestParam(required = false) String skill,
                                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return assessments.rounds(q, skill, PageRequest.of(page, size));
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> createRound(@Valid @RequestBody SkillAssessments.RoundForm f) {
        return Map.of("id", assessments.createRound(f));
    }

    @GetMapping("/rounds/{id}")
    SkillAssessments.RoundDetail round(@PathVariable UUID id) {
        return assessments.detail(id);
    }

    @PostMapping("/rounds/{id}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    SkillAssessments.AssessmentView score(@PathVariable UUID id, @Valid @RequestBody SkillAssessments.Score s) {
        return assessments.score(id, s);
    }

    record Void(String reason, Long version) {}

    @PostMapping("/assessments/{id}/void")
    ResponseEntity<java.lang.Void> voidAssessment(@PathVariable UUID id, @RequestBody Void v) {
        assessments.voidAssessment(id, v.reason(), v.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reassessments")
    List<SkillAssessments.Candidate> reassessments() {
        return assessments.reassessmentWorklist();
    }

    record Issue(LocalDate issuedOn) {}

    @PostMapping("/assessments/{id}/certificate")
    @ResponseStatus(HttpStatus.CREATED)
    Certificates.CertificateView issue(@PathVariable UUID id, @RequestBody(required = false) Issue i) {
        return certificates.issue(id, i == null ? null : i.issuedOn());
    }

    @GetMapping("/certificates/{id}")
    Certificates.CertificateView certificate(@PathVariable UUID id) {
        return certificates.get(id);
    }

    @PostMapping("/certificates/{id}/revoke")
    ResponseEntity<java.lang.Void> revoke(@PathVariable UUID id, @RequestBody Void v) {
        certificates.revoke(id, v.reason(), v.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/certificates/expiring")
    PageResult<Certificates.CertificateView> expiring(@RequestParam(required = false) Integer days, @RequestParam(required = false) String q,
                                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return certificates.expiring(days == null ? Certificates.DEFAULT_REMINDER_DAYS : days, q, PageRequest.of(page, size));
    }
}
