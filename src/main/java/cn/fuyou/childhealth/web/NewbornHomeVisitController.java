package cn.fuyou.childhealth.web;

import cn.fuyou.childhealth.NewbornHomeVisits;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Newborn home visits for the community doctor's phone (issue 12 §3). */
@RestController
class NewbornHomeVisitController {

    private final NewbornHomeVisits visits;

    NewbornHomeVisitController(NewbornHomeVisits visits) {
        this.visits = visits;
    }

    @GetMapping("/api/childhealth/home-visits")
    List<NewbornHomeVisits.State> states(@RequestParam(name = "childId", required = false) List<UUID> childIds) {
        return visits.of(childIds == null ? List.of() : childIds);
    }

    @PutMapping("/api/childhealth/home-visits/{childId}")
    NewbornHomeVisits.Visit sync(@PathVariable UUID childId, @RequestBody(required = false) NewbornHomeVisits.Sync s) {
        return visits.sync(childId, s);
    }
}
