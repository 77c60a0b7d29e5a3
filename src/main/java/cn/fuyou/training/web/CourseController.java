package cn.fuyou.training.web;

import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.training.Courses;
import cn.fuyou.training.Enrolments;
import cn.fuyou.training.Profession;
import cn.fuyou.training.TrainingHistory;
import cn.fuyou.training.Workers;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/training")
class CourseController {

    private final Courses courses;
    private final Enrolments enrolments;
    private final Workers workers;
    private final TrainingHistory history;

    CourseController(Courses courses, Enrolments enrolments, Workers workers, TrainingHistory history) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.workers = workers;
        this.history = history;
    }

    @GetMapping("/courses")
    PageResult<Courses.CourseRow> courses(@RequestParam(required = false) String q, @RequestParam(required = false) Courses.Topic topic,
                                          @RequestParam(required = false) Courses.Mode mode, @RequestParam(required = false) String organiser,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return courses.search(q, topic, mode, organiser, PageRequest.of(page, size));
    }

    @PostMapping("/courses")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> create(@Valid @RequestBody Courses.CourseForm f) {
        return Map.of("id", courses.create(f));
    }

    @GetMapping("/courses/{id}")
    Courses.CourseDetail course(@PathVariable UUID id) {
        return courses.get(id);
    }

    @PutMapping("/courses/{id}")
    Courses.CourseDetail update(@PathVariable UUID id, @Valid @RequestBody Courses.CourseForm f) {
        courses.update(id, f);
        return courses.get(id);
    }

    record Cancel(String reason, Long version) {}

    @PostMapping("/courses/{id}/cancel")
    Courses.CourseDetail cancel(@PathVariable UUID id, @RequestBody Cancel c) {
        courses.cancel(id, c.reason(), c.version());
        return courses.get(id);
    }

    @PostMapping("/courses/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> addSession(@PathVariable UUID id, @Valid @RequestBody Courses.SessionForm f) {
        return Map.of("id", courses.addSession(id, f));
    }

    @PostMapping(path = "/courses/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String title)
            throws IOException {
        return Map.of("id", courses.upload(id, title == null || title.isBlank() ? file.getOriginalFilename() : title, file.getBytes()));
    }

    @GetMapping("/materials/{id}")
    ResponseEntity<byte[]> material(@PathVariable UUID id) {
        Courses.File f = courses.material(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(f.title(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    @GetMapping("/sessions/{id}")
    Enrolments.SessionDetail session(@PathVariable UUID id) {
        return enrolments.session(id);
    }

    @PutMapping("/sessions/{id}")
    Enrolments.SessionDetail updateSession(@PathVariable UUID id, @Valid @RequestBody Courses.SessionForm f) {
        courses.updateSession(id, f);
        return enrolments.session(id);
    }

    @PostMapping("/sessions/{id}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    Enrolments.Enrolled enrol(@PathVariable UUID id, @Valid @RequestBody Enrolments.Enrol e) {
        return enrolments.enrol(id, e);
    }

    record Version(Long version) {}

    @PostMapping("/enrolments/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @RequestBody Version v) {
        enrolments.withdraw(id, v.version());
        return ResponseEntity.noContent().build();
    }

    record Attendance(@Valid List<Enrolments.Mark> marks) {}

    @PostMapping("/sessions/{id}/attendance")
    Enrolments.SessionDetail attendance(@PathVariable UUID id, @Valid @RequestBody Attendance a) {
        enrolments.attendance(id, a.marks() == null ? List.of() : a.marks());
        return enrolments.session(id);
    }

    @GetMapping("/workers")
    PageResult<Workers.WorkerView> workers(@RequestParam(required = false) String q, @RequestParam(required = false) String institution,
                                           @RequestParam(required = false) Profession profession,
                                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return workers.search(q, institution, profession, PageRequest.of(page, size));
    }

    @PostMapping("/workers")
    @ResponseStatus(HttpStatus.CREATED)
    Workers.WorkerView register(@Valid @RequestBody Workers.NewWorker w) {
        return workers.register(w);
    }

    @GetMapping("/workers/{id}/history")
    TrainingHistory.History history(@PathVariable UUID id) {
        return history.of(id);
    }

    @GetMapping("/staff/{username}/history")
    TrainingHistory.History staffHistory(@PathVariable String username) {
        return history.ofStaff(username);
    }

    @GetMapping("/me")
    TrainingHistory.History me(java.security.Principal principal) {
        return history.ofStaff(principal.getName());
    }
}
