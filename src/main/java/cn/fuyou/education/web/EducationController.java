package cn.fuyou.education.web;

import cn.fuyou.education.EditorPolicy;
import cn.fuyou.education.EducationAssignments;
import cn.fuyou.education.EducationDesk;
import cn.fuyou.education.EducationEditing;
import cn.fuyou.education.EducationItem;
import cn.fuyou.education.Topics;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.io.IOException;
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

@RestController
class EducationController {

    private final EducationDesk desk;
    private final EducationEditing editing;
    private final EducationAssignments assignments;
    private final EditorPolicy policy;

    EducationController(EducationDesk desk, EducationEditing editing, EducationAssignments assignments, EditorPolicy policy) {
        this.desk = desk;
        this.editing = editing;
        this.assignments = assignments;
        this.policy = policy;
    }

    record Options(List<String> kinds, List<String> topics, List<String> languages, boolean editor, boolean mayAssign) {}

    @GetMapping("/api/education/options")
    Options options() {
        var actor = CurrentActor.get();
        return new Options(Topics.KINDS, Topics.ALL, Topics.LANGUAGES, policy.mayEdit(actor), policy.mayAssign(actor));
    }

    @GetMapping("/api/education/items")
    PageResult<EducationItem.Summary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
                                           @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                           @RequestParam(required = false) Integer week, @RequestParam(required = false) Integer ageMonths,
                                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return desk.search(new cn.fuyou.education.EducationLibrary.Query(q, topic, kind, status, week, ageMonths), PageRequest.of(page, size));
    }

    @GetMapping("/api/education/items/{id}")
    EducationItem get(@PathVariable UUID id) {
        return desk.load(id);
    }

    @GetMapping("/api/education/items/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        var f = desk.file(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    @PostMapping("/api/education/items")
    @ResponseStatus(HttpStatus.CREATED)
    EducationItem create(@RequestBody(required = false) EducationEditing.ItemForm f) {
        return editing.create(f);
    }

    @PutMapping("/api/education/items/{id}")
    EducationItem update(@PathVariable UUID id, @RequestBody(required = false) EducationEditing.ItemForm f) {
        return editing.update(id, f);
    }

    @PostMapping(value = "/api/education/items/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    EducationItem attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file, @RequestParam(required = false) Long version)
            throws IOException {
        return editing.attach(id, file.getOriginalFilename(), file.getBytes(), version);
    }

    record Version(Long version) {}

    @PostMapping("/api/education/items/{id}/publish")
    EducationItem publish(@PathVariable UUID id, @RequestBody(required = false) Version v) {
        return editing.publish(id, v == null ? null : v.version());
    }

    @PostMapping("/api/education/items/{id}/withdraw")
    EducationItem withdraw(@PathVariable UUID id, @RequestBody(required = false) Version v) {
        return editing.withdraw(id, v == null ? null : v.version());
    }

    @PostMapping("/api/education/items/{id}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    EducationAssignments.Assignment assign(@PathVariable UUID id, @RequestBody(required = false) EducationAssignments.NewAssignment a) {
        return assignments.assign(id, a);
    }

    @GetMapping("/api/education/assignments")
    List<EducationAssignments.Assignment> assigned(@RequestParam UUID personId) {
        return desk.assignedTo(personId);
    }
}
