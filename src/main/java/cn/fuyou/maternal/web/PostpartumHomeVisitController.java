package cn.fuyou.maternal.web;

import cn.fuyou.maternal.HomeVisits;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Postpartum home visits for the community doctor's phone (issue 12 §3). */
@RestController
class PostpartumHomeVisitController {

    private final HomeVisits visits;

    PostpartumHomeVisitController(HomeVisits visits) {
        this.visits = visits;
    }

    @GetMapping("/api/maternal/home-visits")
    List<HomeVisits.Due> today() {
        return visits.today();
    }

    @PutMapping("/api/maternal/home-visits/{pregnancyId}")
    HomeVisits.Visit sync(@PathVariable UUID pregnancyId, @RequestBody(required = false) HomeVisits.Sync s) {
        return visits.sync(pregnancyId, s);
    }
}
