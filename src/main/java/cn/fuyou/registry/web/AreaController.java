package cn.fuyou.registry.web;

import cn.fuyou.registry.Area;
import cn.fuyou.registry.Areas;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AreaController {

    private final Areas areas;

    AreaController(Areas areas) {
        this.areas = areas;
    }

    @GetMapping("/api/areas")
    List<Area> all() {
        return areas.all();
    }
}
