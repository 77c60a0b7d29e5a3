package cn.fuyou.childhealth.web;

import cn.fuyou.childhealth.Nurseries;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/nurseries")
class NurseryController {

    private final Nurseries nurseries;

    NurseryController(Nurseries nurseries) {
        this.nurseries = nurseries;
    }

    @GetMapping
    List<Nurseries.NurseryView> list() {
        return nurseries.list();
    }

    @GetMapping("/checklist")
    JsonNode checklist() {
        return nurseries.checklist();
    }

    @GetMapping("/events")
    List<Nurseries.EventView> events() {
        return nurseries.events();
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> event(@Valid @RequestBody Nurseries.GuidanceEvent e) {
        return Map.of("id", nurseries.recordEvent(e));
    }

    @GetMapping("/{code}")
    Nurseries.NurseryView get(@PathVariable String code) {
        return nurseries.get(code);
    }

    @PutMapping("/{code}/licence")
    Nurseries.NurseryView licence(@PathVariable String code, @Valid @RequestBody Nurseries.Licence l) {
        return nurseries.saveLicence(code, l);
    }

    @GetMapping("/{code}/inspections")
    List<Nurseries.InspectionView> inspections(@PathVariable String code) {
        return nurseries.inspections(code);
    }

    @PostMapping("/{code}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> inspect(@PathVariable String code, @Valid @RequestBody Nurseries.Inspection x) {
        return Map.of("id", nurseries.inspect(code, x));
    }

    record Rectified(LocalDate on) {}

    @PostMapping("/inspections/{id}/rectified")
    ResponseEntity<Void> rectified(@PathVariable UUID id, @RequestBody Rectified r) {
        nurseries.rectified(id, r.on());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{code}/children")
    List<Nurseries.EnrolledChild> children(@PathVariable String code) {
        return nurseries.enrolled(code);
    }

    @PostMapping("/{code}/children")
    @ResponseStatus(HttpStatus.CREATED)
    void enrol(@PathVariable String code, @Valid @RequestBody Nurseries.Enrolment e) {
        nurseries.enrol(code, e);
    }

    @GetMapping("/{code}/staff")
    List<Nurseries.StaffView> staff(@PathVariable String code) {
        return nurseries.staff(code);
    }

    @PostMapping("/{code}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> addStaff(@PathVariable String code, @Valid @RequestBody Nurseries.Staff s) {
        return Map.of("id", nurseries.addStaff(code, s));
    }
}
