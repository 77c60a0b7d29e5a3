package cn.fuyou.training.web;

import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.AllianceProgramme;
import cn.fuyou.training.ResearchRegistry;
import cn.fuyou.training.Trainees;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Trainees and programmes, the research registry and the alliance's capability programme. */
@RestController
@RequestMapping("/api/training")
class ProgrammeController {

    private final Trainees trainees;
    private final ResearchRegistry research;
    private final AllianceProgramme alliance;

    ProgrammeController(Trainees trainees, ResearchRegistry research, AllianceProgramme alliance) {
        this.trainees = trainees;
        this.research = research;
        this.alliance = alliance;
    }

    @GetMapping("/programmes")
    List<Trainees.Programme> programmes() {
        return trainees.programmes();
    }

    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> programme(@Valid @RequestBody Trainees.ProgrammeForm f) {
        return Map.of("id", trainees.createProgramme(f));
    }

    @GetMapping("/trainees")
    PageResult<Trainees.Trainee> trainees(@RequestParam(required = false) String q, @RequestParam(required = false) UUID programme,
                                          @RequestParam(required = false) String supervisor,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return trainees.search(q, programme, supervisor, PageRequest.of(page, size));
    }

    @PostMapping("/trainees")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> trainee(@Valid @RequestBody Trainees.TraineeForm f) {
        return Map.of("id", trainees.register(f));
    }

    @PostMapping("/trainees/{id}/rotations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> rotation(@PathVariable UUID id, @Valid @RequestBody Trainees.RotationForm f) {
        return Map.of("id", trainees.addRotation(id, f));
    }

    record Status(Trainees.Status status, Long version) {}

    @PostMapping("/trainees/{id}/status")
    ResponseEntity<Void> status(@PathVariable UUID id, @RequestBody Status s) {
        trainees.setStatus(id, s.status(), s.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/research/projects")
    PageResult<ResearchRegistry.Project> projects(@RequestParam(required = false) String q, @RequestParam(required = false) ResearchRegistry.Centre centre,
                                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return research.projects(q, centre, PageRequest.of(page, size));
    }

    @PostMapping("/research/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> project(@Valid @RequestBody ResearchRegistry.ProjectForm f) {
        return Map.of("id", research.createProject(f));
    }

    @GetMapping("/research/outputs")
    PageResult<ResearchRegistry.Output> outputs(@RequestParam(required = false) String q, @RequestParam(required = false) ResearchRegistry.OutputKind kind,
                                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return research.outputs(q, kind, PageRequest.of(page, size));
    }

    @PostMapping("/research/outputs")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> output(@Valid @RequestBody ResearchRegistry.OutputForm f) {
        return Map.of("id", research.addOutput(f));
    }

    record Lead(boolean canLead) {}

    @GetMapping("/alliance/lead")
    Lead lead() {
        return new Lead(alliance.canLead());
    }

    @GetMapping("/alliance/members")
    List<AllianceProgramme.Member> members() {
        return alliance.members();
    }

    @GetMapping("/alliance/meetings")
    PageResult<AllianceProgramme.Meeting> meetings(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alliance.meetings(PageRequest.of(page, size));
    }

    @PostMapping("/alliance/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> meeting(@Valid @RequestBody AllianceProgramme.MeetingForm f) {
        return Map.of("id", alliance.recordMeeting(f));
    }

    record Done(LocalDate doneOn, Long version) {}

    @PostMapping("/alliance/decisions/{id}/done")
    ResponseEntity<Void> done(@PathVariable UUID id, @RequestBody Done d) {
        alliance.decisionDone(id, d.doneOn(), d.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/alliance/plan")
    List<AllianceProgramme.Target> plan(@RequestParam int year) {
        return alliance.plan(year);
    }

    @PostMapping("/alliance/plan")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> target(@Valid @RequestBody AllianceProgramme.TargetForm f) {
        return Map.of("id", alliance.setTarget(f));
    }

    record Progress(BigDecimal progress, Long version) {}

    @PostMapping("/alliance/plan/{id}/progress")
    ResponseEntity<Void> progress(@PathVariable UUID id, @RequestBody Progress p) {
        alliance.progress(id, p.progress(), p.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/alliance/visits")
    PageResult<AllianceProgramme.Visit> visits(@RequestParam(required = false) String institution,
                                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alliance.visits(institution, PageRequest.of(page, size));
    }

    @PostMapping("/alliance/visits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> visit(@Valid @RequestBody AllianceProgramme.VisitForm f) {
        return Map.of("id", alliance.recordVisit(f));
    }

    @PostMapping(path = "/alliance/members/{code}/agreement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> agreement(@PathVariable String code, @RequestParam("file") MultipartFile file, @RequestParam String title,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) throws IOException {
        return Map.of("id", alliance.uploadAgreement(code, title, signedOn, expiresOn, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/alliance/agreements/{id}")
    ResponseEntity<byte[]> agreementFile(@PathVariable UUID id) {
        AllianceProgramme.File f = alliance.agreementFile(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }
}
