package cn.fuyou.registry.web;

import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.InstitutionChange;
import cn.fuyou.registry.InstitutionType;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/institutions")
class InstitutionController {

    private final Institutions institutions;

    InstitutionController(Institutions institutions) {
        this.institutions = institutions;
    }

    @GetMapping
    PageResult<Institution> search(@RequestParam(required = false) String q, @RequestParam(required = false) String area,
                                   @RequestParam(required = false) Designation designation,
                                   @RequestParam(required = false) InstitutionType type,
                                   @RequestParam(required = false) Integer level,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return institutions.search(new Institutions.Filter(q, area, designation, type, level), PageRequest.of(page, size));
    }

    @GetMapping("/{code}")
    Institution get(@PathVariable String code) {
        return institutions.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Institution create(@Valid @RequestBody InstitutionChange change) {
        return institutions.create(change);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'INSTITUTION_ADMIN')")
    Institution update(@PathVariable String code, @Valid @RequestBody InstitutionChange change) {
        return institutions.update(code, change);
    }

    @GetMapping("/{code}/history")
    List<Institutions.HistoryEntry> history(@PathVariable String code) {
        return institutions.history(code);
    }
}
